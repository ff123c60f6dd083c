# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismTicketingCommissionRule(models.Model):
    _name = "tourism.ticketing.commission.rule"
    _description = "Commission Rule by Ticket Type"
    _order = "mandate_id, sequence, id"

    mandate_id = fields.Many2one(
        "tourism.ticketing.mandate", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    currency_id = fields.Many2one(related="mandate_id.currency_id")
    ticket_type = fields.Char(
        help="Name of the event ticket type it applies to (Adulte, Enfant...), "
        "whatever the event."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Site Ticket",
        domain="[('tourism_mandate_id', '=', mandate_id)]",
        help="Open-dated ticket it applies to.",
    )
    commission_fixed = fields.Monetary(string="Fixed per Ticket")
    commission_percent = fields.Float(string="Percentage", digits=(5, 2))

    _sql_constraints = [
        (
            "commission_positive",
            "CHECK(commission_fixed >= 0 AND commission_percent >= 0 "
            "AND commission_percent <= 100)",
            "The commission cannot be negative nor above 100 %.",
        ),
        (
            "target_set",
            "CHECK(product_id IS NOT NULL OR ticket_type IS NOT NULL)",
            "A rule applies to a ticket type or to a site ticket.",
        ),
    ]
