# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Code du tourisme L211-18 / R211: these three must appear on quotes and contracts.
    tourism_atout_france_number = fields.Char(
        "Atout France registration number",
        help="Registre des opérateurs de voyages et de séjours, e.g. IM040100001.",
    )
    tourism_financial_guarantor = fields.Char(
        "Financial guarantor", help="Name and address of the garant financier."
    )
    tourism_insurer = fields.Char(
        "Professional liability insurer",
        help="Insurer and policy number of the RC professionnelle.",
    )
    tourism_package_conditions = fields.Html(
        "Special conditions of sale for packages",
        translate=True,
        help="Printed on every group quote and contract.",
    )
    tourism_group_markup = fields.Float(
        "Markup on made-to-measure changes",
        default=1.25,
        digits=(12, 4),
        help="Cost difference of added or removed components times this coefficient "
        "changes the price per paying person.",
    )
    tourism_group_price_step = fields.Float(
        "Price per person rounded to",
        default=0.5,
        digits=(12, 2),
    )
    tourism_group_rounding = fields.Selection(
        [("half_up", "Nearest"), ("up", "Up")],
        "Rounding of group prices",
        default="half_up",
        required=True,
    )
