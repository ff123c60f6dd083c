# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

from freezegun import freeze_time

import odoo
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.portal.controllers.portal import CustomerPortal

from .common import TourismTaxDeclarationCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestPortalTodo(HttpCase, TourismTaxDeclarationCommon):
    """The host's portal tells what to do next: the next period of each lodging with
    its due date, what to pay, the declarations sent, the reminders received."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.tourism_commune_id = cls.commune
        contact = cls.env["res.partner"].create(
            {"name": "Hôtesse", "parent_id": cls.host.id}
        )
        new_test_user(
            cls.env,
            tz="Europe/Paris",
            login="todo_host",
            password="todo_host",
            groups="base.group_portal",
            partner_id=contact.id,
            lang="fr_FR",
        )
        cls.q1, cls.q2, _q3, cls.q4 = cls.deliberation.period_ids.sorted("date_from")
        other_host = cls.env["res.partner"].create(
            {"name": "Voisin", "is_company": True, "is_tourism_provider": True}
        )
        cls.other_lodging = cls._lodging(name="Hôtel du Voisin", host_id=other_host.id)

    def _home(self):
        page = self.url_open("/my")
        self.assertEqual(page.status_code, 200)
        return page.text

    @freeze_time("2026-12-05")
    def test_next_period_due_date_payment_and_reminders(self):
        """The due date is the one the deliberation sets (CGCT L2333-34, docs/domain.md
        §1.6): end of the period + the declaration delay, as the reminders follow it.
        A period sent is done; a draft is still to send; another host's lodging,
        invoices and reminders never show."""
        Declaration = self.env["tourism.tax.declaration"]
        sent = Declaration.create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id, "is_zero": True}
        )
        sent.action_submit()
        to_pay = Declaration.create(
            {
                "lodging_id": self.hotel.id,
                "period_id": self.q2.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-05-01",
                            "departure": "2026-05-03",
                            "persons": 2,
                        }
                    )
                ],
            }
        )
        to_pay.action_submit()
        to_pay.with_user(self.ordonnateur).action_validate()
        self.assertEqual(to_pay.state, "invoiced")
        draft = Declaration.create(
            {"lodging_id": self.hotel.id, "period_id": self.q1.id}
        )
        self.env["tourism.tax.reminder"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q4.id, "kind": "before_due"}
        )
        self.env["tourism.tax.reminder"].create(
            {
                "lodging_id": self.other_lodging.id,
                "period_id": self.q4.id,
                "kind": "formal_notice",
            }
        )

        (todo,) = self.hotel._periods_to_declare()
        self.assertEqual(todo.period, self.q1)
        self.assertEqual(todo.due, datetime.date(2026, 4, 15))
        self.assertTrue(todo.late)
        self.assertEqual(todo.draft, draft)
        self.assertEqual(todo.waiting, 2)  # Q1 (a draft) and Q4

        self.authenticate("todo_host", "todo_host")
        home = self._home()
        self.assertIn("o_tourism_to_declare", home)
        self.assertIn("01/01/2026 - 31/03/2026", home)
        self.assertIn("15/04/2026", home)
        self.assertIn("En retard", home)
        self.assertIn(to_pay.invoice_id.access_url, home)
        self.assertIn("Payer", home)
        self.assertIn(sent.name, home)
        self.assertIn("Rappel avant l", home)
        self.assertNotIn("Hôtel du Voisin", home)
        self.assertNotIn("Mise en demeure", home)
        # The tourist tax page tells the same.
        page = self.url_open("/my/tax/declarations").text
        self.assertIn("o_tourism_to_declare", page)
        self.assertIn(to_pay.invoice_id.access_url, page)

        # Everything declared and paid: nothing left to do.
        draft.is_zero = True
        draft.action_submit()
        Declaration.create(
            {"lodging_id": self.hotel.id, "period_id": self.q4.id, "is_zero": True}
        ).action_submit()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=to_pay.invoice_id.ids
        ).create({})._create_payments()
        self.assertEqual(to_pay.state, "paid")
        home = self._home()
        self.assertNotIn("o_tourism_to_declare", home)
        self.assertNotIn("o_tourism_to_pay", home)
        self.assertIn("Rien à déclarer ni à payer pour le moment.", home)

    @freeze_time("2026-12-05")
    def test_home_page_queries_do_not_grow_with_lodgings(self):
        """The home page of every host: its queries do not grow with the lodgings,
        the periods or the history."""

        def home_queries():
            self.url_open("/my")  # warm the caches
            before = odoo.sql_db.sql_counter
            self.assertIn("o_tourism_to_declare", self._home())
            return odoo.sql_db.sql_counter - before

        Declaration = self.env["tourism.tax.declaration"]

        def add_lodgings(count):
            for index in range(count):
                lodging = self._lodging(name=f"Gîte {index}", nature="furnished")
                Declaration.create(
                    {"lodging_id": lodging.id, "period_id": self.q1.id, "is_zero": True}
                ).action_submit()
                self.env["tourism.tax.reminder"].create(
                    {
                        "lodging_id": lodging.id,
                        "period_id": self.q2.id,
                        "kind": "overdue",
                    }
                )

        self.authenticate("todo_host", "todo_host")
        add_lodgings(1)
        few = home_queries()
        add_lodgings(10)
        many = home_queries()
        _logger.info("Portal home page of a host: %s queries (2 or 12 lodgings)", many)
        self.assertEqual(many, few)

    def test_demo_host_declares_its_next_period_from_home(self):
        """In a real browser, in French: the demo host (Hôtel de l'Abbaye) sees the
        next period to declare and its due date on the home page, then "Déclarer"
        opens the declaration of that period; a second click lands on it again."""
        lodging = self.ref("tourism_tax.lodging_abbaye")
        # Which period comes next depends on the demo installed with the tax (the
        # observatory's history declares the past periods): the page must show the
        # one the model computes, with its due date.
        (todo,) = lodging._periods_to_declare()
        period = todo.period
        self.authenticate("prestataire", "prestataire")
        home = self._home()
        self.assertIn(f"{period.date_from:%d/%m/%Y} - {period.date_to:%d/%m/%Y}", home)
        self.assertIn(f"{todo.due:%d/%m/%Y}", home)
        self.start_tour("/my", "tourism_tax_portal_next_period", login="prestataire")
        declaration = self.env["tourism.tax.declaration"].search(
            [("lodging_id", "=", lodging.id), ("period_id", "=", period.id)]
        )
        self.assertEqual(len(declaration), 1)
        self.assertEqual(declaration.state, "draft")

    @freeze_time("2026-12-05")
    def test_pagers_sort_filter_and_take_no_tampering(self):
        """/my/lodgings and /my/tax/declarations page, sort and filter as Odoo's
        account portal; another host's records never show on any page, and a
        tampered page, sort or filter gives a normal page, never an error."""
        self.patch(CustomerPortal, "_items_per_page", 2)
        Declaration = self.env["tourism.tax.declaration"]
        lodgings = self.hotel | self._lodging(name="Gîte A", classification="0")
        lodgings |= self._lodging(name="Gîte B", classification="0")
        for lodging in lodgings:
            Declaration.create(
                {"lodging_id": lodging.id, "period_id": self.q1.id, "is_zero": True}
            )
        Declaration.create(
            {"lodging_id": self.other_lodging.id, "period_id": self.q1.id}
        )
        self.authenticate("todo_host", "todo_host")
        first = self.url_open("/my/lodgings?sortby=name").text
        second = self.url_open("/my/lodgings/page/2?sortby=name").text
        self.assertIn("Gîte A", first)
        self.assertIn("Gîte B", first)
        self.assertNotIn("Hôtel 3 étoiles", first)
        self.assertIn("Hôtel 3 étoiles", second)
        self.assertIn("o_portal_pager", first)
        unclassified = self.url_open("/my/lodgings?filterby=unclassified").text
        self.assertNotIn("Hôtel 3 étoiles", unclassified)
        self.assertIn("Gîte A", unclassified)
        declarations = self.env["tourism.tax.declaration"].search(
            [("host_id", "=", self.host.id)]
        )
        pages = "".join(
            self.url_open(f"/my/tax/declarations{suffix}").text
            for suffix in ("", "/page/2")
        )
        for declaration in declarations:
            self.assertIn(f'href="{declaration.access_url}"', pages)
        other = Declaration.search([("lodging_id", "=", self.other_lodging.id)])
        for url in ("/my/lodgings", "/my/tax/declarations"):
            for query in (
                "/page/999999",
                "?page=abc",
                "?page=-1",
                "?page=" + "9" * 5000,
                "?sortby=name;DROP TABLE x&filterby=../../etc",
                "?sortby=__class__&filterby=__init__",
                "?sortby=&filterby=",
                "?sortby=name&sortby=evil",
            ):
                response = self.url_open(url + query)
                self.assertEqual(response.status_code, 200, url + query)
                self.assertNotIn("Hôtel du Voisin", response.text, url + query)
                self.assertNotIn(f'href="{other.access_url}"', response.text)
