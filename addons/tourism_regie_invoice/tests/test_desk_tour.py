# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDeskTour(HttpCase):
    def test_host_pays_his_declaration_at_hagetmau(self):
        """Demo: Claire Dupouy (BIT de Hagetmau, mandataire of the régie: CGCT
        R1617-3) takes the Hôtel de l'Abbaye's cheque for its declaration, in
        French; the conseillère sees the quittance's number, the invoice paid
        and the declaration paid."""
        declaration = self.env.ref("tourism_tax.declaration_abbaye_2026_q3")
        self.start_tour(
            "/odoo/action-tourism_tax.tourism_tax_declaration_action/"
            f"{declaration.id}",
            "tourism_regie_invoice_desk",
            login="conseiller",
        )
        receipt = declaration.invoice_id.tourism_regie_receipt_ids
        self.assertRecordValues(
            receipt,
            [
                {
                    "state": "posted",
                    "payment_nature": "cheque",
                    "cheque_number": "0012345",
                    "bit_id": self.env.ref("tourism_base.bit_hagetmau").id,
                    "user_id": self.env.ref("tourism_base.user_conseiller").id,
                    "amount": declaration.invoice_id.amount_total,
                }
            ],
        )
        self.assertEqual(declaration.state, "paid")
