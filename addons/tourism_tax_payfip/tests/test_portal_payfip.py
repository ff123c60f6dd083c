# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.payment_payfip import const
from odoo.addons.payment_payfip.tests.common import PayfipCommon
from odoo.addons.tourism_base.tests.common import new_portal_host
from odoo.addons.tourism_tax.tests.common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestPortalPayfip(PayfipCommon, TourismTaxDeclarationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.write(
            {"email": "abbaye@example.com", "tourism_commune_id": cls.commune}
        )
        new_portal_host(
            cls.env, "payfip_host", cls.host, "Hôtesse", email="h@example.com"
        )
        cls.declaration = cls.env["tourism.tax.declaration"].create(
            {
                "lodging_id": cls.hotel.id,
                "period_id": cls.q3.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-01",
                            "departure": "2026-07-06",
                            "persons": 3,
                        }
                    )
                ],
            }
        )
        cls.declaration.action_submit()
        cls.declaration.with_user(cls.ordonnateur).action_validate()

    def test_host_pays_declaration_by_card(self):
        """In a real browser, in French: the host pays the declaration's invoice with
        PayFiP; PayFiP's notification then pays the invoice and the declaration."""
        invoice = self.declaration.invoice_id
        self.assertEqual(self.declaration.state, "invoiced")
        self.assertAlmostEqual(invoice.amount_residual, 21.60)
        # PayFiP's page is out of reach: the payer "goes" there and comes straight back.
        self.patch(const, "PAYMENT_PAGE_URL", "/payment/payfip/return")
        self.start_tour(
            invoice.get_portal_url(),
            "tourism_tax_payfip_portal_payment",
            login="payfip_host",
        )
        tx = invoice.transaction_ids.filtered(lambda t: t.provider_code == "payfip")
        self.assertEqual(tx.state, "pending")
        self.assertEqual(self.declaration.state, "invoiced")
        self.assertEqual(self.payfip.payments[tx.provider_reference]["montant"], "2160")

        self.payfip.pay(tx.provider_reference)
        with mute_logger("odoo.addons.payment.models.payment_transaction"):
            self._notify(tx.provider_reference)
        self.assertEqual(tx.state, "done")
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.declaration.state, "paid")
