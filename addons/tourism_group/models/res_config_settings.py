# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tourism_atout_france_number = fields.Char(
        related="company_id.tourism_atout_france_number", readonly=False
    )
    tourism_financial_guarantor = fields.Char(
        related="company_id.tourism_financial_guarantor", readonly=False
    )
    tourism_insurer = fields.Char(related="company_id.tourism_insurer", readonly=False)
    tourism_package_conditions = fields.Html(
        related="company_id.tourism_package_conditions", readonly=False
    )
    tourism_group_markup = fields.Float(
        related="company_id.tourism_group_markup", readonly=False
    )
    tourism_group_price_step = fields.Float(
        related="company_id.tourism_group_price_step", readonly=False
    )
    tourism_group_rounding = fields.Selection(
        related="company_id.tourism_group_rounding", readonly=False
    )
