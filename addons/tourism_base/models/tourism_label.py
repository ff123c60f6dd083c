# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismLabel(models.Model):
    """A quality or thematic label a prestataire can hold (configurable)."""

    _name = "tourism.label"
    _description = "Tourism Label"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    organism = fields.Char(string="Awarded by")
    website = fields.Char()
    validity_years = fields.Integer(
        string="Validity (years)",
        help="Usual length of an award; used to propose the expiry date. "
        "0: no end date.",
    )
    replaced_by_id = fields.Many2one(
        "tourism.label",
        string="Replaced by",
        help="A label that succeeds this one; awards of this label stay valid "
        "until they expire.",
    )
    image_128 = fields.Image(string="Logo", max_width=128, max_height=128)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another label has this code."),
    ]
