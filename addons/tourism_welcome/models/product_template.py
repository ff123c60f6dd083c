# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tourism_is_brochure = fields.Boolean(
        string="Tourist Documentation",
        help="A brochure, map or guide handed out at the information points or "
        "sent by post: its stock is kept per information point.",
    )
