# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismGroupOrderComponent(models.Model):
    """A component of one quote: copied from the package, then made to measure."""

    _name = "tourism.group.order.component"
    _inherit = "tourism.group.component.mixin"
    _description = "Component of a group quote"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    quantity = fields.Integer(compute="_compute_cost", store=True)
    cost_total = fields.Monetary(
        "Total cost",
        compute="_compute_cost",
        store=True,
        currency_field="currency_id",
        help="VAT included: under the margin scheme the supplier's VAT is a cost.",
    )
    purchase_line_id = fields.Many2one("purchase.order.line", readonly=True, copy=False)
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)

    @api.depends(
        "cost_basis", "unit_cost", "purchase_tax_id", "order_id.tourism_headcount"
    )
    def _compute_cost(self):
        for component in self:
            quantity = (
                component.order_id.tourism_headcount
                if component.cost_basis == "person"
                else 1
            )
            component.quantity = quantity
            component.cost_total = component._cost_included(quantity)
