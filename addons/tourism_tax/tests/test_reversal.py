# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestReversal(TourismTaxDeclarationCommon):
    def _paid_declaration(self, lodging, persons):
        declaration = self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": lodging.id,
                "period_id": self.q3.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-01",
                            "departure": "2026-07-06",
                            "persons": persons,
                        }
                    )
                ],
            }
        )
        declaration.action_submit()
        declaration.action_validate()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=declaration.invoice_id.ids
        ).create({})._create_payments()
        return declaration

    def test_pass_back_paid_add_ons_once(self):
        paid = self._paid_declaration(self.hotel, 3)  # 15 person-nights
        other = self._lodging(name="Autre hôtel", nature="hotel", classification="3")
        unpaid = self.env["tourism.tax.declaration"].create(
            {"lodging_id": other.id, "period_id": self.q3.id, "is_zero": True}
        )
        self.assertEqual(paid.state, "paid")
        Reversal = self.env["tourism.tax.reversal"]
        reversal = Reversal.create(
            {
                "surcharge_id": self.gpso.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
            }
        )
        self.assertEqual(reversal.declaration_ids, paid)
        self.assertNotIn(unpaid, reversal.declaration_ids)
        # 34 % of 15.00.
        self.assertAlmostEqual(reversal.amount, 5.10)
        reversal.action_validate()
        bill = reversal.bill_id
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.partner_id, self.gpso.beneficiary_id)
        self.assertAlmostEqual(bill.amount_total, 5.10)
        # The bill clears the third-party account the invoice credited.
        balance = sum(
            self.env["account.move.line"]
            .search(
                [
                    ("account_id", "=", self.gpso.account_id.id),
                    ("parent_state", "=", "posted"),
                ]
            )
            .mapped("balance")
        )
        self.assertAlmostEqual(balance, 0.0)
        # Never twice.
        again = Reversal.create(
            {
                "surcharge_id": self.gpso.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
            }
        )
        self.assertFalse(again.declaration_ids)
        with self.assertRaisesRegex(UserError, "nothing to pass back"):
            again.action_validate()
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            reversal.date_to = "2026-12-31"
        # The statement sent with the payment, in French, by commune.
        self.gpso.beneficiary_id.lang = "fr_FR"
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "tourism_tax.action_report_tax_reversal", reversal.ids
        )
        html = html.decode()
        self.assertIn("État de reversement", html)
        self.assertIn(self.commune.name, html)
        self.assertIn("5,10", html)
        self.assertIn("Cinq Euros", html)
        self.assertIn(bill.name, html)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("tourism_tax.action_report_tax_reversal", reversal.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
