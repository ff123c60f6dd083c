# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    """A product may carry its own budget imputation; it wins over the account's."""

    _inherit = "product.template"

    pes_nature = fields.Char(string="PES Budget Nature", size=12)
    pes_fonction = fields.Char(string="PES Function", size=10)
    pes_product_code = fields.Char(string="PES Local Product Code", size=4)
