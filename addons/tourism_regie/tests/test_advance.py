# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from decimal import Decimal as D

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestAdvance(RegieCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.acc_advance = cls.env["account.account"].create(
            {
                "code": "472901",
                "name": "Avances à régulariser test",
                "account_type": "asset_current",
            }
        )
        cls.regie.write(
            {"kind": "advances_receipts", "advance_account_id": cls.acc_advance.id}
        )
        cls.printer = cls.env["res.partner"].create(
            {"name": "Imprimerie de Chalosse", "is_company": True}
        )

    def make_advance(self, amount, user=None, **vals):
        return (
            self.env["tourism.regie.advance"]
            .with_user(user or self.mandataire)
            .create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.printer.id,
                    "description": "Affiches de la fête de Samadet",
                    "amount": amount,
                    **vals,
                }
            )
        )

    def test_paid_justified_reimbursed(self):
        self.make_receipt(200.00)
        advance = self.make_advance(84.36)
        advance.action_pay()
        self.assertEqual(advance.state, "paid")
        self.assertTrue(advance.name.startswith("AV"))
        self.assertEqual(self.balance(self.acc_cash), D("115.64"))
        self.assertEqual(self.balance(self.acc_advance), D("84.36"))
        self.assertTrue(advance.move_id.inalterable_hash)
        with self.assertRaises(UserError):
            advance.amount = 80.0
        # No supporting document, no justification.
        with self.assertRaisesRegex(UserError, "supporting document"):
            advance.action_justify()
        advance.justification_ref = "Facture IMP-2026-031"
        advance.action_justify()
        self.assertEqual(advance.state, "justified")
        # The régisseur's people do not reimburse themselves.
        with self.assertRaisesRegex(UserError, "comptable"):
            advance.action_reimburse()
        advance.with_user(self.comptable).action_reimburse()
        self.assertEqual(advance.state, "reimbursed")
        self.assertTrue(advance.reimbursement_date)
        self.assertEqual(self.balance(self.acc_cash), D("200.00"))
        self.assertEqual(self.balance(self.acc_advance), D("0.00"))
        with self.assertRaises(UserError):
            advance.unlink()

    def test_refusals(self):
        self.make_receipt(50.00)
        # More than the cash held.
        advance = self.make_advance(50.01)
        with self.assertRaisesRegex(UserError, "cannot be paid"):
            advance.action_pay()
        self.assertEqual(advance.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("50.00"))
        with self.assertRaises(ValidationError):
            self.make_advance(0.0)
        # Someone who is neither régisseur nor mandataire.
        with self.assertRaises(UserError):
            self.make_advance(10.0).with_user(self.comptable).action_pay()
        # A régie de recettes only pays no advance.
        self.regie.kind = "receipts"
        with self.assertRaises(ValidationError):
            self.make_advance(10.0)

    def test_only_the_regies_people_see_its_advances(self):
        self.make_receipt(30.0)
        advance = self.make_advance(12.0)
        Advance = self.env["tourism.regie.advance"]
        other = self.env.ref("tourism_base.user_regisseur")  # the demo régie's
        self.assertNotIn(advance, Advance.with_user(other).search([]))
        with self.assertRaises(AccessError):
            advance.with_user(other).read(["amount"])
        conseiller = new_test_user(
            self.env,
            tz="Europe/Paris",
            login="conseiller_avances",
            groups="base.group_user,tourism_base.group_tourism_user",
        )
        with self.assertRaises(AccessError):
            Advance.with_user(conseiller).search([])
        self.assertIn(advance, Advance.with_user(self.comptable).search([]))
        with self.assertRaises(AccessError):
            Advance.with_user(self.comptable).create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.printer.id,
                    "description": "x",
                    "amount": 1.0,
                }
            )

    def test_journal_de_caisse_shows_the_advance(self):
        today = fields.Date.context_today(self.regie)
        # Collected at the back office, where advances are paid from.
        receipt = self.make_receipt(
            200.00, date=today - timedelta(days=3), bit_id=False
        )
        advance = self.make_advance(84.36, date=today - timedelta(days=2))
        advance.action_pay()
        advance.justification_ref = "Facture IMP-2026-031"
        advance.action_justify()
        advance.with_user(self.comptable).action_reimburse()
        Book = self.env["tourism.regie.book.line"].with_user(self.mandataire)
        lines = Book.search([("regie_id", "=", self.regie.id)])
        got = sorted(
            (line.source, line.reference, line.nature, line.amount_in, line.amount_out)
            for line in lines
        )
        self.assertEqual(
            got,
            sorted(
                [
                    ("receipt", receipt.name, "cash", 200.00, 0.0),
                    ("advance", advance.name, "cash", 0.0, 84.36),
                    ("reimbursement", advance.name, "cash", 84.36, 0.0),
                ]
            ),
        )
        advance_lines = lines.filtered("advance_id")
        self.assertEqual(advance_lines.advance_id, advance)
        self.assertFalse(advance_lines.bit_id)  # the back office's cash
        self.assertEqual(
            set(advance_lines.mapped("label")),
            {
                "Imprimerie de Chalosse - Facture IMP-2026-031 - "
                "Affiches de la fête de Samadet"
            },
        )
        self.assertEqual(
            {line.date for line in advance_lines},
            {advance.date, advance.reimbursement_date},
        )
        # The book's balance is the cash the régie holds, to the cent.
        held = sum(
            (D(str(x.amount_in)) - D(str(x.amount_out)) for x in lines), D("0.00")
        )
        self.assertEqual(held, D("200.00"))
        self.assertEqual(held, self.balance(self.acc_cash))
        # The printed journal de caisse: oldest first, balance after each line.
        values = self.env["report.tourism_regie.report_regie_book"]._get_report_values(
            lines.ids
        )
        (book,) = values["books"]
        self.assertEqual(book["opening"], D("0.00"))
        self.assertEqual(
            [(line.source, balance) for line, balance in book["lines"]],
            [
                ("receipt", D("200.00")),
                ("advance", D("115.64")),
                ("reimbursement", D("200.00")),
            ],
        )
        self.assertEqual(
            (book["total_in"], book["total_out"], book["closing"]),
            (D("284.36"), D("84.36"), D("200.00")),
        )
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html("tourism_regie.action_report_regie_book", lines.ids)[0]
            .decode()
        )
        self.assertIn("Facture IMP-2026-031", html)
        self.assertIn("Back office", html)
        # The balance after the advance (the number format is the language's).
        self.assertRegex(html, r">115[.,]64<")
        # Printing the lines of the reimbursement's day alone starts from what the
        # cash held the day before.
        later = lines.filtered(lambda x: x.source == "reimbursement")
        (book,) = self.env["report.tourism_regie.report_regie_book"]._get_report_values(
            later.ids
        )["books"]
        self.assertEqual(book["opening"], D("115.64"))
        self.assertEqual(book["closing"], D("200.00"))
        # The situation and the état récapitulatif still read the accounts.
        situation = {
            (row["bit"], row["nature"]): row["amount"]
            for row in self.regie.situation(advance.reimbursement_date)
        }
        self.assertEqual(situation[("Back office", "cash")], D("200.00"))
        recap = self.regie.recap_data(receipt.date, advance.reimbursement_date)
        (cash_row,) = (r for r in recap["rows"] if r["account"] == self.acc_cash)
        self.assertEqual(
            (
                cash_row["recap"].opening,
                cash_row["recap"].receipts,
                cash_row["recap"].deposits,
                cash_row["recap"].closing,
            ),
            (D("0.00"), D("284.36"), D("84.36"), D("200.00")),
        )
        self.assertEqual(recap["remaining"], D("200.00"))
