# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismTicketingSettlementLine(models.Model):
    _name = "tourism.ticketing.settlement.line"
    _description = "Ticket Settlement Line"
    _inherit = "tourism.money.document.mixin"
    _order = "settlement_id, event_id, id"
    # A line is frozen with its settlement.
    _money_parent_field = "settlement_id"

    settlement_id = fields.Many2one(
        "tourism.ticketing.settlement", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    event_id = fields.Many2one("event.event", string="Event")
    event_ticket_id = fields.Many2one("event.event.ticket", string="Ticket Type")
    product_id = fields.Many2one("product.product", string="Product")
    quantity_sold = fields.Integer(string="Sold")
    quantity_refunded = fields.Integer(string="Refunded")
    amount_sold = fields.Monetary()
    amount_refunded = fields.Monetary()
    commission = fields.Monetary()
    amount_net = fields.Monetary(
        string="Collected", compute="_compute_amount_net", store=True
    )

    @api.depends("amount_sold", "amount_refunded")
    def _compute_amount_net(self):
        for line in self:
            line.amount_net = line.amount_sold - line.amount_refunded
