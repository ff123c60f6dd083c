# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismGroupPackageBracket(models.Model):
    _name = "tourism.group.package.bracket"
    _description = "Price per person by group size"
    _order = "package_id, min_size"

    package_id = fields.Many2one(
        "tourism.group.package", required=True, ondelete="cascade", index=True
    )
    min_size = fields.Integer("From", required=True, help="Paying participants.")
    max_size = fields.Integer("To", help="Paying participants; 0: no limit.")
    price = fields.Monetary(
        "Price per person", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(related="package_id.currency_id")

    _sql_constraints = [
        (
            "size_positive",
            "CHECK(min_size >= 1 AND max_size >= 0 AND price >= 0)",
            "A bracket starts at one participant at least, its price is not negative.",
        ),
    ]
