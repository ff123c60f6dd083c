# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PosOrderLine(models.Model):
    _name = "pos.order.line"
    _inherit = ["pos.order.line", "tourism.ticketing.sale.mixin"]

    @api.depends("product_id", "qty", "price_unit", "discount", "event_ticket_id")
    def _compute_tourism_commission(self):
        return super()._compute_tourism_commission()

    def _tourism_sale_terms(self):
        self.ensure_one()
        mandate = self.product_id.product_tmpl_id.tourism_mandate_id
        return mandate, self.event_ticket_id, self.qty
