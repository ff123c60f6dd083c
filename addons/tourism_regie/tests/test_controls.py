# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestControls(RegieCommon):
    def test_integrity_check_detects_sql_alteration(self):
        receipts = [self.make_receipt(10.0 * (i + 1)) for i in range(3)]
        results = self.regie._integrity_results()
        self.assertEqual([r["status"] for r in results], ["verified"])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_integrity", self.regie.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("verified", html)
        # Someone changes an amount behind Odoo's back.
        line = receipts[1].move_id.line_ids.filtered("debit")
        self.env.cr.execute(
            "UPDATE account_move_line SET debit = 2000, balance = 2000 WHERE id = %s",
            [line.id],
        )
        self.env.invalidate_all()
        results = self.regie._integrity_results()
        self.assertEqual([r["status"] for r in results], ["corrupted"])
        self.assertIn(receipts[1].move_id.name, results[0]["msg_cover"])

    def test_alerts_cash_above_maximum(self):
        self.make_receipt(1000.01)
        # The month's last day: no versement yet this month, so one is due.
        today = fields.Date.end_of(fields.Date.context_today(self.regie), "month")
        self.regie.manager_id = self.comptable
        reasons = self.regie._check_alerts(today)
        self.assertEqual(reasons, ["maximum", "monthly"])
        activities = self.regie.activity_ids
        self.assertEqual(activities.user_id, self.regisseur | self.comptable)
        # The e-mail is in the régisseur's language: find it by the régie's name.
        message = self.regie.message_ids.filtered(
            lambda m: (m.subject or "").startswith(self.regie.name)
        )
        self.assertTrue(message)
        self.assertIn(self.regisseur.partner_id, message.partner_ids)
        # Run again: the open alert is not repeated.
        self.regie._check_alerts(today)
        self.assertEqual(len(self.regie.activity_ids), 2)

    def test_no_alert_after_a_recent_versement(self):
        self.make_receipt(50.0)
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        deposit.line_ids.amount = 40.0
        deposit.action_validate()
        today = fields.Date.context_today(self.regie)
        self.regie.invalidate_recordset()
        self.assertEqual(self.regie._check_alerts(today), [])
        # 62 days later, a whole calendar month went by without a versement.
        self.assertEqual(
            self.regie._check_alerts(today + timedelta(days=62)), ["monthly"]
        )

    def test_cron_runs(self):
        self.env["tourism.regie"]._cron_check_alerts()

    def test_auto_reconcile_versements_and_card_payouts(self):
        self.make_receipt(300.0)
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        deposit.action_validate()
        # A card payment waiting for its payout.
        card_move = self.env["account.move"].create(
            {
                "journal_id": self.journal.id,
                "line_ids": [
                    fields.Command.create(
                        {"account_id": self.acc_card.id, "debit": 84.20, "name": "CB"}
                    ),
                    fields.Command.create(
                        {"account_id": self.acc_shop.id, "credit": 84.20, "name": "CB"}
                    ),
                ],
            }
        )
        card_move.action_post()
        statement_lines = self.env["account.bank.statement.line"].create(
            [
                {
                    "journal_id": self.dft_journal.id,
                    "date": deposit.date,
                    "payment_ref": f"VERSEMENT REGIE {deposit.name}",
                    "amount": 300.0,
                },
                {
                    "journal_id": self.dft_journal.id,
                    "date": deposit.date,
                    "payment_ref": "REMISE CARTES",
                    "amount": 84.20,
                },
                {
                    "journal_id": self.dft_journal.id,
                    "date": deposit.date,
                    "payment_ref": "FRAIS INCONNUS",
                    "amount": -3.10,
                },
            ]
        )
        st_left, book_left = self.regie.unmatched_items()
        self.assertEqual(st_left, statement_lines)
        self.assertEqual(len(book_left), 2)
        self.assertEqual(self.regie.action_auto_reconcile(), 2)
        self.assertTrue(deposit.is_reconciled)
        self.assertTrue(statement_lines[0].is_reconciled)
        self.assertTrue(statement_lines[1].is_reconciled)
        st_left, book_left = self.regie.unmatched_items()
        self.assertEqual(st_left, statement_lines[2])
        self.assertFalse(book_left)
        today = fields.Date.context_today(self.regie)
        wizard = self.env["tourism.regie.recap.wizard"].create(
            {
                "regie_id": self.regie.id,
                "report": "reconciliation",
                "date_from": today.replace(day=1),
                "date_to": today,
            }
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_reconciliation", wizard.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("FRAIS INCONNUS", html)
