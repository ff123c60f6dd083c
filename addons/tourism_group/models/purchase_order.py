# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    tourism_group_order_id = fields.Many2one(
        "sale.order",
        "Group quote",
        index=True,
        readonly=True,
        copy=False,
        help="The group sale this booking request serves.",
    )
    tourism_trip_date = fields.Date(related="tourism_group_order_id.tourism_trip_date")
