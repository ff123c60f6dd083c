# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta
from decimal import Decimal as D

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestAdvance(RegieCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.acc_advance = Account.create(
            {
                "code": "472901",
                "name": "Avances à régulariser test",
                "account_type": "asset_current",
            }
        )
        cls.acc_fund = Account.create(
            {
                "code": "531902",
                "name": "Caisse de l'avance test",
                "account_type": "asset_cash",
            }
        )
        cls.acc_fund_received = Account.create(
            {
                "code": "472902",
                "name": "Avance reçue test",
                "account_type": "liability_current",
            }
        )
        cls.regie.write(
            {
                "kind": "advances_receipts",
                "advance_amount": 150.0,
                "advance_account_id": cls.acc_advance.id,
                "advance_cash_account_id": cls.acc_fund.id,
                "advance_fund_account_id": cls.acc_fund_received.id,
            }
        )
        # The comptable pays the advance the acte fixes (CGCT R1617-12).
        cls.regie.with_user(cls.comptable).action_receive_advance(
            fields.Date.subtract(fields.Date.context_today(cls.regie), days=30)
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
        """The advance is paid from the advance fund, never from the recettes
        (CGCT R1617-16: encaisse and avance apart; non-contraction, instruction
        06-031-A-B-M); the comptable reimburses it, which makes the fund up."""
        self.make_receipt(200.00)
        self.assertEqual(self.balance(self.acc_fund), D("150.00"))
        advance = self.make_advance(84.36)
        advance.with_user(self.mandataire).action_pay()
        self.assertEqual(advance.state, "paid")
        self.assertEqual(advance.paid_by_id, self.mandataire)
        self.assertTrue(advance.name.startswith("AV"))
        # The recettes are untouched; the fund paid.
        self.assertEqual(self.balance(self.acc_cash), D("200.00"))
        self.assertEqual(self.balance(self.acc_fund), D("65.64"))
        self.assertEqual(self.balance(self.acc_advance), D("84.36"))
        self.regie.invalidate_recordset()
        self.assertEqual(
            (self.regie.advance_fund_cash, self.regie.advance_outstanding),
            (65.64, 84.36),
        )
        self.assertTrue(advance.move_id.inalterable_hash)
        with self.assertRaises(UserError):
            advance.amount = 80.0
        # No supporting document, no justification.
        with self.assertRaisesRegex(UserError, "supporting document"):
            advance.with_user(self.mandataire).action_justify()
        advance.justification_ref = "Facture IMP-2026-031"
        advance.with_user(self.mandataire).action_justify()
        self.assertEqual(advance.state, "justified")
        # The régisseur's people do not reimburse themselves.
        with self.assertRaisesRegex(UserError, "comptable"):
            advance.with_user(self.mandataire).action_reimburse()
        advance.with_user(self.comptable).action_reimburse()
        self.assertEqual(advance.state, "reimbursed")
        self.assertTrue(advance.reimbursement_date)
        self.assertEqual(self.balance(self.acc_cash), D("200.00"))
        self.assertEqual(self.balance(self.acc_fund), D("150.00"))
        self.assertEqual(self.balance(self.acc_advance), D("0.00"))
        with self.assertRaises(UserError):
            advance.unlink()
        # The advance is whole: the comptable has nothing more to pay.
        with self.assertRaisesRegex(UserError, "complete"):
            self.regie.with_user(self.comptable).action_receive_advance()

    def test_justified_supporting_file_stays(self):
        """The supporting document justifies the expense to the comptable (CGCT
        R1617-16, instruction 06-031-A-B-M; docs/architecture.md, "Posted means
        final"): editable while the advance is paid, its file stays once justified,
        also through ir.attachment."""
        advance = self.make_advance(12.50)
        advance.with_user(self.mandataire).action_pay()
        advance.with_user(self.mandataire).write(
            {
                "justification_ref": "Facture IMP-2026-032",
                "justification_file": base64.b64encode(b"first scan"),
            }
        )
        Attachment = self.env["ir.attachment"].with_user(self.mandataire)
        scan = Attachment.search(
            [
                ("res_model", "=", advance._name),
                ("res_id", "=", advance.id),
                ("res_field", "=", "justification_file"),
            ]
        )
        scan.write({"raw": b"better scan"})
        advance.with_user(self.mandataire).action_justify()
        with self.assertRaisesRegex(UserError, "Supporting Document"):
            scan.write({"raw": b"another invoice"})
        with self.assertRaises(UserError):
            scan.unlink()
        advance.invalidate_recordset()
        self.assertEqual(base64.b64decode(advance.justification_file), b"better scan")

    def test_refusals(self):
        """The recettes never pay an expense (non-contraction): with 500.00 of
        recettes in the cash, an advance above the fund's 150.00 is refused."""
        self.make_receipt(500.00)
        advance = self.make_advance(150.01)
        with self.assertRaisesRegex(UserError, "cannot be paid"):
            advance.with_user(self.mandataire).action_pay()
        self.assertEqual(advance.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("500.00"))
        self.assertEqual(self.balance(self.acc_fund), D("150.00"))
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
        conseiller = new_tourism_user(
            self.env,
            "conseiller_avances",
            "base.group_user,tourism_base.group_tourism_user",
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
            if line.source != "fund"
        )
        # The advance's lines are the advance fund's, apart from the recettes.
        self.assertEqual(
            got,
            sorted(
                [
                    ("receipt", receipt.name, "cash", 200.00, 0.0),
                    ("advance", advance.name, "advance", 0.0, 84.36),
                    ("reimbursement", advance.name, "advance", 84.36, 0.0),
                ]
            ),
        )
        fund_line = lines.filtered(lambda x: x.source == "fund")
        self.assertEqual(
            (fund_line.nature, fund_line.amount_in, fund_line.amount_out),
            ("advance", 150.0, 0.0),
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
        # The book's balance is what the régie holds, to the cent: the recettes
        # and the advance fund, each on its own account.
        held = sum(
            (D(str(x.amount_in)) - D(str(x.amount_out)) for x in lines), D("0.00")
        )
        self.assertEqual(held, D("350.00"))
        self.assertEqual(
            held, self.balance(self.acc_cash) + self.balance(self.acc_fund)
        )
        self.assertEqual(self.balance(self.acc_cash), D("200.00"))
        # The printed journal de caisse: oldest first, balance after each line.
        values = self.env["report.tourism_regie.report_regie_book"]._get_report_values(
            lines.ids
        )
        (book,) = values["books"]
        self.assertEqual(book["opening"], D("0.00"))
        self.assertEqual(
            [(line.source, balance) for line, balance in book["lines"]],
            [
                ("fund", D("150.00")),
                ("receipt", D("350.00")),
                ("advance", D("265.64")),
                ("reimbursement", D("350.00")),
            ],
        )
        self.assertEqual(
            (book["total_in"], book["total_out"], book["closing"]),
            (D("434.36"), D("84.36"), D("350.00")),
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
        self.assertRegex(html, r">265[.,]64<")
        # Printing the lines of the reimbursement's day alone starts from what the
        # advance fund held the day before.
        later = lines.filtered(lambda x: x.source == "reimbursement")
        (book,) = self.env["report.tourism_regie.report_regie_book"]._get_report_values(
            later.ids
        )["books"]
        self.assertEqual(book["opening"], D("65.64"))
        self.assertEqual(book["closing"], D("150.00"))
        # The situation shows the recettes and the advance apart (R1617-16).
        situation = {
            (row["bit"], row["nature"]): row["amount"]
            for row in self.regie.situation(advance.reimbursement_date)
        }
        self.assertEqual(situation[("Back office", "cash")], D("200.00"))
        self.assertEqual(situation[("Back office", "advance")], D("150.00"))
        recap = self.regie.recap_data(receipt.date, advance.reimbursement_date)
        (cash_row,) = (r for r in recap["rows"] if r["account"] == self.acc_cash)
        self.assertEqual(
            (
                cash_row["recap"].opening,
                cash_row["recap"].receipts,
                cash_row["recap"].deposits,
                cash_row["recap"].closing,
            ),
            (D("0.00"), D("200.00"), D("0.00"), D("200.00")),
        )
        self.assertEqual(recap["remaining"], D("200.00"))
