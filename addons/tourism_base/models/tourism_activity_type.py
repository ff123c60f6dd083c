# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismActivityType(models.Model):
    """What a prestataire does: accommodation, restaurant, leisure... (configurable)"""

    _name = "tourism.activity.type"
    _description = "Prestataire Activity"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short technical code, used by imports and other addons.")
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    is_accommodation = fields.Boolean(
        string="Accommodation",
        help="Prestataires of this activity host guests (and collect the tourist tax).",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another activity has this code."),
    ]
