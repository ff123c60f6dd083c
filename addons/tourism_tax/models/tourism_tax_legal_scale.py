# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismTaxLegalScale(models.Model):
    """Floor and ceiling set by law for a year and a category (the "barème légal")."""

    _name = "tourism.tax.legal.scale"
    _description = "Tourist Tax Legal Scale"
    _order = "year desc, category_sequence, id"

    year = fields.Integer(required=True, index=True)
    category_id = fields.Many2one(
        "tourism.tax.category", required=True, ondelete="restrict", index=True
    )
    category_sequence = fields.Integer(related="category_id.sequence", store=True)
    floor = fields.Float(digits=(16, 4))
    ceiling = fields.Float(digits=(16, 4))
    source = fields.Text(help="Where the figures come from (law, DGCL scale, ...).")
    verified = fields.Boolean(
        help="Checked against the official DGCL scale of the year.",
    )

    _sql_constraints = [
        (
            "year_category_uniq",
            "unique(year, category_id)",
            "The legal scale has one line per year and category.",
        ),
    ]

    @api.depends("year", "category_id")
    def _compute_display_name(self):
        for scale in self:
            scale.display_name = f"{scale.year} - {scale.category_id.name}"

    @api.constrains("floor", "ceiling")
    def _check_bounds(self):
        for scale in self:
            if scale.floor < 0 or scale.ceiling < scale.floor:
                raise ValidationError(
                    self.env._(
                        "%(scale)s: the ceiling must be at least the floor, and both "
                        "positive.",
                        scale=scale.display_name,
                    )
                )

    @api.model
    def _get_scale(self, year):
        """{category: (floor, ceiling)} for a year."""
        return {
            scale.category_id: (scale.floor, scale.ceiling)
            for scale in self.search([("year", "=", year)])
        }
