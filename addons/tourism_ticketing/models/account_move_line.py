# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountMoveLine(models.Model):
    """Tickets sold by invoice (back-office orders, groups): the invoice line is the
    sale, as the POS order line is for the tills."""

    _name = "account.move.line"
    _inherit = ["account.move.line", "tourism.ticketing.sale.mixin"]

    @api.depends(
        "product_id", "quantity", "price_unit", "discount", "move_id.move_type"
    )
    def _compute_tourism_commission(self):
        return super()._compute_tourism_commission()

    def _tourism_sale_terms(self):
        self.ensure_one()
        move = self.move_id
        mandate = self.product_id.product_tmpl_id.tourism_mandate_id
        # Invoiced POS orders are counted from their POS lines.
        if (
            not mandate
            or self.display_type != "product"
            or move.move_type not in ("out_invoice", "out_refund")
            or move.pos_order_ids
        ):
            return mandate.browse(), None, 0
        sign = -1 if move.move_type == "out_refund" else 1
        return mandate, self.sale_line_ids[:1].event_ticket_id, sign * self.quantity
