# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismTaxDeliberationTariff(models.Model):
    """Tariff per person and night adopted for a category."""

    _name = "tourism.tax.deliberation.tariff"
    _description = "Tourist Tax Tariff"
    _order = "category_sequence, id"

    deliberation_id = fields.Many2one(
        "tourism.tax.deliberation", required=True, index=True, ondelete="cascade"
    )
    category_id = fields.Many2one(
        "tourism.tax.category",
        required=True,
        ondelete="restrict",
        domain=[("is_proportional", "=", False)],
    )
    category_sequence = fields.Integer(related="category_id.sequence", store=True)
    tariff = fields.Float(digits=(16, 2), required=True)
    legal_floor = fields.Float(digits=(16, 2), compute="_compute_legal_bounds")
    legal_ceiling = fields.Float(digits=(16, 2), compute="_compute_legal_bounds")

    _sql_constraints = [
        (
            "category_uniq",
            "unique(deliberation_id, category_id)",
            "A deliberation has one tariff per category.",
        ),
    ]

    @api.depends("deliberation_id.year", "category_id")
    def _compute_legal_bounds(self):
        Scale = self.env["tourism.tax.legal.scale"]
        for line in self:
            scale = Scale.search(
                [
                    ("year", "=", line.deliberation_id.year),
                    ("category_id", "=", line.category_id.id),
                ],
                limit=1,
            )
            line.legal_floor = scale.floor
            line.legal_ceiling = scale.ceiling

    @api.constrains("tariff")
    def _check_tariff(self):
        for line in self:
            if line.tariff < 0:
                raise ValidationError(self.env._("A tariff cannot be negative."))

    def write(self, vals):
        if any(line.deliberation_id.state == "adopted" for line in self):
            raise ValidationError(
                self.env._("The tariffs of an adopted deliberation cannot be changed.")
            )
        return super().write(vals)
