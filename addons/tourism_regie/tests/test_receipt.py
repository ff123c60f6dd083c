# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools import regie_maths
from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestReceipt(RegieCommon):
    def test_receipt_posts_its_entry(self):
        receipt = self.make_receipt(192.00)
        self.assertEqual(receipt.state, "posted")
        self.assertTrue(receipt.name.startswith("Q"))
        move = receipt.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.journal)
        self.assertTrue(move.inalterable_hash, "régie entries are hashed")
        line_cash = move.line_ids.filtered(lambda aml: aml.account_id == self.acc_cash)
        line_income = move.line_ids.filtered(
            lambda aml: aml.account_id == self.acc_tours
        )
        self.assertEqual(line_cash.debit, 192.00)
        self.assertEqual(line_income.credit, 192.00)
        self.assertEqual(receipt.amount_words, "cent quatre-vingt-douze euros")

    def test_cheque_receipt_on_cheque_account(self):
        receipt = self.make_receipt(45.50, nature="cheque", cheque_number="123")
        self.assertEqual(
            receipt.move_id.line_ids.filtered(lambda aml: aml.debit).account_id,
            self.acc_cheque,
        )

    def test_numbers_follow_without_gap_and_cancel_keeps_its_number(self):
        receipts = [self.make_receipt(10 + i) for i in range(4)]
        numbers = [int(r.name.split("-")[-1]) for r in receipts]
        self.assertEqual(regie_maths.sequence_gaps(numbers), ([], []))
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 4)))
        cancelled = receipts[1]
        with self.assertRaises(UserError):
            cancelled.action_cancel()  # a reason is required
        cancelled.cancel_reason = "Erreur de montant"
        cancelled.action_cancel()
        self.assertEqual(cancelled.state, "cancel")
        self.assertEqual(int(cancelled.name.split("-")[-1]), numbers[1])
        self.assertEqual(cancelled.cancel_move_id.state, "posted")
        # The reversal cleared the cash of the cancelled receipt only.
        self.assertEqual(self.balance(self.acc_cash), regie_maths.to_money("35.00"))
        with self.assertRaises(UserError):
            cancelled.unlink()
        with self.assertRaises(UserError):
            receipts[0].amount = 99

    def test_not_authorised_receipt_refused(self):
        other = self.env["tourism.regie"].create(
            {
                "name": "Autre régie",
                "regisseur_id": self.regisseur.id,
                "journal_id": self.env["account.journal"]
                .create({"name": "Autre", "code": "AUT", "type": "general"})
                .id,
                "nature_account_ids": [
                    Command.create({"nature": "cash", "account_id": self.acc_cash.id}),
                    Command.create(
                        {"nature": "cheque", "account_id": self.acc_cheque.id}
                    ),
                ],
                "transfer_account_id": self.acc_transfer.id,
            }
        )
        foreign_type = self.env["tourism.regie.receipt.type"].create(
            {"name": "Piscine", "regie_id": other.id, "account_id": self.acc_shop.id}
        )
        with self.assertRaisesRegex(ValidationError, "gestion de fait"):
            self.make_receipt(10, rtype=foreign_type, post=False)
        # A third party outside the convention is refused too.
        with self.assertRaisesRegex(ValidationError, "not authorised"):
            self.make_receipt(
                10, rtype=self.type_tickets, post=False, third_party_id=self.payer.id
            )
        receipt = self.make_receipt(
            22, rtype=self.type_tickets, third_party_id=self.organiser.id
        )
        credit = receipt.move_id.line_ids.filtered("credit")
        self.assertEqual(credit.account_id, self.acc_tickets)
        self.assertEqual(credit.partner_id, self.organiser)

    def test_amount_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self.make_receipt(0, post=False)

    def test_only_operators_issue_receipts(self):
        stranger = self.env["res.users"].create(
            {
                "name": "Conseiller sans mandat",
                "login": "conseiller_x",
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref(
                                "tourism_regie.group_tourism_regie_mandataire"
                            ).id
                        ]
                    )
                ],
            }
        )
        receipt = self.make_receipt(10, post=False)
        with self.assertRaisesRegex(UserError, "neither the régisseur"):
            self.regie._check_operator(stranger)
        receipt.with_user(self.mandataire).action_post()
        self.assertEqual(receipt.state, "posted")

    def test_pdf_receipt_shows_amount_in_words(self):
        receipt = self.make_receipt(1234.56)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_receipt", receipt.ids)[0]
            .decode()
        )
        self.assertIn(receipt.name, html)
        self.assertIn(
            "mille deux cent trente-quatre euros et cinquante-six centimes", html
        )

    def test_quittancier_check_finds_gaps(self):
        receipts = self.env["tourism.regie.receipt"]
        for amount in (1, 2, 3, 4):
            receipts |= self.make_receipt(amount)
        receipts[1].cancel_reason = "Doublon"
        receipts[1].action_cancel()
        (serie,) = self.regie._quittancier_check(receipts)
        self.assertEqual(
            (serie["count"], serie["cancelled"], serie["missing"]), (4, 1, [])
        )
        # A page torn out of the series shows as a missing number.
        (serie,) = self.regie._quittancier_check(receipts - receipts[2])
        third = int(receipts[2].name.rpartition("-")[2])
        self.assertEqual(serie["missing"], [third])
