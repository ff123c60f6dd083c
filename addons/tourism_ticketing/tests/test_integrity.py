# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import html
import io
import zipfile

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestSettlementIntegrity(TicketingCommon):
    """A validated settlement is final for every user (issue 13 §1): the organiser's
    money (recettes pour le compte de tiers, instruction 06-031-A-B-M) was paid out
    on its figures, so they can no longer move; corrections are new documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.comptable = new_test_user(
            cls.env,
            "settlement_comptable",
            groups="base.group_user,tourism_base.group_tourism_accountant",
        )
        cls.admin = new_test_user(
            cls.env,
            "settlement_admin",
            groups="base.group_system,tourism_base.group_tourism_manager,"
            "tourism_base.group_tourism_accountant",
        )

    def _validated(self):
        session = self.open_session()
        self.sell(session, [self.ticket_line(self.ticket_child, 2)])
        settlement = self.settle(self.mandate_festival)
        settlement.action_validate()
        return settlement

    def test_state_only_through_actions(self):
        """Nobody, not even an administrator, sets the state by a plain write."""
        draft = self.settle(self.mandate_museum)
        for user in (self.comptable, self.admin):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                draft.with_user(user).write({"state": "done"})
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                self.env["tourism.ticketing.settlement"].with_user(user).create(
                    {
                        "mandate_id": self.mandate_museum.id,
                        "date_from": draft.date_from,
                        "date_to": draft.date_to,
                        "state": "done",
                    }
                )
        settlement = self._validated()
        for user in (self.comptable, self.admin):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                settlement.with_user(user).write({"state": "draft"})
        self.assertEqual(settlement.state, "done")

    def test_validated_locked_and_kept(self):
        """The amounts, the period, the entries and the lines of a validated
        settlement are frozen; it cannot be deleted; the change is logged."""
        settlement = self._validated()
        as_comptable = settlement.with_user(self.comptable)
        attacks = [
            {"net_due": 0.0},
            {"gross": 1.0},
            {"date_to": settlement.date_from},
            {"bill_id": False},
            {"name": "X"},
        ]
        for vals in attacks:
            with (
                self.subTest(vals=vals),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                as_comptable.write(vals)
        line = settlement.line_ids[:1].with_user(self.comptable)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line.write({"commission": 0.0})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line.unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env["tourism.ticketing.settlement.line"].with_user(
                self.comptable
            ).create({"settlement_id": settlement.id, "commission": 5.0})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            settlement.with_user(self.admin).unlink()
        # A draft can still be deleted; the chatter's own fields still move.
        draft = self.settle(self.mandate_museum)
        draft.with_user(self.comptable).unlink()
        self.assertFalse(draft.exists())
        as_comptable.message_post(body="Checked")
        # OCA auditlog keeps who changed what and when.
        logs = self.env["auditlog.log"].search(
            [
                ("model_id.model", "=", "tourism.ticketing.settlement"),
                ("res_id", "=", settlement.id),
            ]
        )
        self.assertTrue(logs)


@tagged("post_install", "-at_install")
class TestSalesXlsx(TicketingCommon):
    def test_formula_like_text_stays_text(self):
        """Issue 13 §4: a name starting with = + - @ is written as text in the XLSX
        export, never as a formula the spreadsheet would run (OWASP CSV injection)."""
        self.museum.name = '=HYPERLINK("http://evil.example","Cliquez")'
        self.museum_ticket.name = "@SUM(1+1)"
        session = self.open_session()
        self.sell(session, [self.product_line(self.museum_ticket, 1)])
        sales = self.env["tourism.ticketing.sale.report"].search(
            [("organiser_id", "=", self.museum.id)]
        )
        self.assertTrue(sales)
        content, kind = self.env["ir.actions.report"]._render(
            "tourism_ticketing.action_report_ticketing_sales_xlsx", sales.ids
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertNotIn("<f>", sheet)
        self.assertIn("=HYPERLINK(", html.unescape(strings))
        self.assertIn("@SUM(1+1)", strings)
