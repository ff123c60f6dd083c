# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class TourismTaxCategory(models.Model):
    """A row of the legal tariff table (CGCT L2333-30): palaces, 5 stars..."""

    _name = "tourism.tax.category"
    _description = "Tourist Tax Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    group = fields.Selection(
        selection=[
            ("lodging", "Hotels and similar"),
            ("outdoor", "Outdoor (plein air)"),
        ],
        required=True,
        default="lodging",
        help="Categories of one group are ordered: a lower category may not be taxed "
        "above a higher one (L2333-30).",
    )
    rank = fields.Integer(help="Higher for a higher category of the same group.")
    is_proportional = fields.Boolean(
        string="Proportional Rate",
        help="Unclassified lodgings: a percentage of the price per person and night, "
        "capped at the highest tariff adopted.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another tourist tax category has this code."),
    ]

    @api.model
    @tools.ormcache()
    def _id_by_code(self):
        """{code: id}: stays look their category up by code, many times a second."""
        return {category.code: category.id for category in self.sudo().search([])}

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
