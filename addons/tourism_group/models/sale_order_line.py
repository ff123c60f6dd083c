# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    tourism_group_line = fields.Boolean(
        "Group package line", copy=True, help="The line priced from the brackets."
    )

    @api.depends("product_id", "company_id")
    def _compute_tax_id(self):
        res = super()._compute_tax_id()
        # A fiscal position could map "no tax" to a tax: never on margin-scheme lines.
        self.filtered("product_id.tourism_margin_scheme").tax_id = False
        return res
