# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    tourism_regie_id = fields.Many2one(
        "tourism.regie",
        string="Régie",
        index="btree_not_null",
        check_company=True,
        help="The régie de recettes whose books this till feeds.",
    )
