# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismGroupMarginStatementLine(models.Model):
    _name = "tourism.group.margin.statement.line"
    _inherit = "tourism.money.document.mixin"
    _description = "Trip of a margin VAT statement"
    # A line is frozen with its statement.
    _money_parent_field = "statement_id"
    _order = "trip_date, id"

    statement_id = fields.Many2one(
        "tourism.group.margin.statement", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="statement_id.currency_id")
    order_id = fields.Many2one("sale.order", "Group sale", required=True)
    partner_id = fields.Many2one(related="order_id.partner_id")
    package_id = fields.Many2one(related="order_id.tourism_package_id")
    trip_date = fields.Date(related="order_id.tourism_trip_date", store=True)
    sales = fields.Monetary(help="Price paid by the client (no VAT shown).")
    in_house_price = fields.Monetary(
        "In-house services",
        help="Share of the price for the office's own services (market value): "
        "taxed under the ordinary rules, outside the margin scheme.",
    )
    price_outside_eu = fields.Monetary(
        "Price outside the EU",
        help="Share of the margin-scheme price for services supplied outside the "
        "EU, pro rata to their costs (exempt, CGI art. 262 bis).",
    )
    costs = fields.Monetary(help="Costs invoiced by third parties, VAT included.")
    costs_outside_eu = fields.Monetary("Costs outside the EU")
    cost_source = fields.Selection(
        [("bills", "Supplier bills"), ("estimate", "Quote estimate")], "Costs from"
    )
    margin = fields.Monetary(compute="_compute_margin", store=True)

    @api.depends("sales", "costs", "in_house_price")
    def _compute_margin(self):
        for line in self:
            line.margin = line.sales - line.in_house_price - line.costs
