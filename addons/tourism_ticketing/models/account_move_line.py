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
        for line in self:
            if line.tourism_settlement_id:
                # Settled: what was agreed stays.
                line.tourism_mandate_id = line.tourism_mandate_id
                line.tourism_commission = line.tourism_commission
                continue
            move = line.move_id
            mandate = line.product_id.product_tmpl_id.tourism_mandate_id
            # Invoiced POS orders are counted from their POS lines.
            if (
                not mandate
                or line.display_type != "product"
                or move.move_type not in ("out_invoice", "out_refund")
                or move.pos_order_ids
            ):
                line.tourism_mandate_id = False
                line.tourism_commission = 0.0
                continue
            sign = -1 if move.move_type == "out_refund" else 1
            line.tourism_mandate_id = mandate
            event_ticket = line.sale_line_ids[:1].event_ticket_id
            line.tourism_commission = mandate._line_commission(
                line.product_id,
                event_ticket,
                line.price_unit,
                sign * line.quantity,
                line.discount,
            )
