# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    """Demo builders, kept out of the production model (as account's demo/)."""

    _inherit = "res.partner"

    @api.model
    def _tourism_demo_create_partnerships(self, specs):
        """Demo data: invoice partnership packs, post the invoices and pay some of them.
        specs: [(partner_id, product_id, 'invoiced' | 'paid' | 'old')]."""
        if not self.env.company.chart_template:
            # Invoices need a chart of accounts (our scripts install it first).
            return
        Product = self.env["product.product"]
        for partner_id, product_id, state in specs:
            partner, product = self.browse(partner_id), Product.browse(product_id)
            invoice = partner.create_membership_invoice(product, product.list_price)
            invoice.invoice_date = product.membership_date_from
            invoice.action_post()
            if state in ("paid", "old"):
                self.env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=invoice.ids
                ).create(
                    {"payment_date": product.membership_date_from}
                )._create_payments()
