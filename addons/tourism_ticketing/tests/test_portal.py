# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestTicketingPortal(HttpCase, TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organiser_user = new_test_user(
            cls.env,
            tz="Europe/Paris",
            login="festival_portal",
            password="festival_portal",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "Billetterie du festival", "parent_id": cls.festival.id})
            .id,
        )

    def test_organiser_sees_its_sales_and_statements_only(self):
        session = self.open_session()
        self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 2),
                self.product_line(self.museum_ticket, 1),
            ],
        )
        own = self.settle(self.mandate_festival)
        own.action_validate()
        other = self.settle(self.mandate_museum)
        other.action_validate()
        self.authenticate("festival_portal", "festival_portal")
        page = self.url_open("/my/ticketing")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Concert de Test", page.text)
        self.assertIn(own.name, page.text)
        self.assertIn(self.config.tourism_bit_id.name, page.text)
        self.assertNotIn("musée de Test", page.text)
        self.assertNotIn(other.name, page.text)
        pdf = self.url_open(f"/my/ticketing/settlement/{own.id}")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        # Another organiser's statement, a draft, or an id that does not exist.
        draft = self.settle(self.mandate_festival)
        for settlement_id in (other.id, draft.id, 999999):
            response = self.url_open(f"/my/ticketing/settlement/{settlement_id}")
            self.assertEqual(response.status_code, 404, settlement_id)

    def test_someone_without_mandate_is_sent_home(self):
        new_tourism_user(
            self.env, "nobody_portal", "base.group_portal", password="nobody_portal"
        )
        self.authenticate("nobody_portal", "nobody_portal")
        response = self.url_open("/my/ticketing", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
