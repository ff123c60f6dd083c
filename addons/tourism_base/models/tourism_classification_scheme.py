# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismClassificationScheme(models.Model):
    """A grading system: Atout France stars, Gîtes de France épis, Clévacances clés"""

    _name = "tourism.classification.scheme"
    _description = "Classification Scheme"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    unit_name = fields.Char(
        string="Unit",
        required=True,
        translate=True,
        help="e.g. étoile(s), épi(s), clé(s)",
    )
    symbol = fields.Char(
        help="Shown after the level, e.g. ★. The unit is used when empty."
    )
    max_level = fields.Integer(string="Highest Level", default=5, required=True)
    validity_years = fields.Integer(
        string="Validity (years)",
        default=5,
        help="Length of an award; used to propose the expiry date. 0: no end date.",
    )
    organism = fields.Char(string="Awarded by")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another classification scheme has this code."),
        (
            "max_level_positive",
            "CHECK(max_level > 0)",
            "The highest level must be positive.",
        ),
    ]

    def _format_level(self, level):
        self.ensure_one()
        return f"{level} {self.symbol or self.unit_name}"
