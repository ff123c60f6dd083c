# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    tourism_bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        help="The tourist information point where this user usually works.",
    )
