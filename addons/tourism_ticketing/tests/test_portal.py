# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.portal.controllers.portal import CustomerPortal
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

    def test_pager_keeps_to_own_statements_whatever_the_url(self):
        """/my/ticketing pages, sorts and filters the statements as Odoo's account
        portal; another organiser's never show, and a tampered page, sort or
        filter gives a normal page, never an error."""
        self.patch(CustomerPortal, "_items_per_page", 1)
        session = self.open_session()
        self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 1),
                self.product_line(self.museum_ticket, 1),
            ],
        )
        own = self.settle(self.mandate_festival)
        own.action_validate()
        other = self.settle(self.mandate_museum)
        other.action_validate()
        self.authenticate("festival_portal", "festival_portal")
        page = self.url_open("/my/ticketing?sortby=name&filterby=this_year").text
        self.assertIn(own.name, page)
        self.assertIn("o_portal_navbar", page)
        if own.date_from.year == own.date_to.year:  # not in the first days of January
            last_year = self.url_open("/my/ticketing?filterby=last_year").text
            self.assertNotIn(own.name, last_year)
        for query in (
            "/page/999999",
            "?page=abc",
            "?page=" + "9" * 5000,
            "?sortby=name;DROP TABLE x&filterby=../../etc",
            "?sortby=__class__&filterby=__init__",
        ):
            response = self.url_open("/my/ticketing" + query)
            self.assertEqual(response.status_code, 200, query)
            self.assertIn(own.name, response.text, query)
            self.assertNotIn(other.name, response.text, query)
