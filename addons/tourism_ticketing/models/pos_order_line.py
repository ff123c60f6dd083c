# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PosOrderLine(models.Model):
    _name = "pos.order.line"
    _inherit = ["pos.order.line", "tourism.ticketing.sale.mixin"]

    @api.depends("product_id", "qty", "price_unit", "discount", "event_ticket_id")
    def _compute_tourism_commission(self):
        for line in self:
            mandate = line.product_id.product_tmpl_id.tourism_mandate_id
            if line.tourism_settlement_id:
                # Settled: what was agreed stays.
                line.tourism_mandate_id = line.tourism_mandate_id
                line.tourism_commission = line.tourism_commission
                continue
            line.tourism_mandate_id = mandate
            line.tourism_commission = (
                mandate._line_commission(
                    line.product_id,
                    line.event_ticket_id,
                    line.price_unit,
                    line.qty,
                    line.discount,
                )
                if mandate
                else 0.0
            )
