# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BarcodeRule(models.Model):
    _inherit = "barcode.rule"

    type = fields.Selection(
        selection_add=[("tourism_ambassador_card", "Ambassador Card")],
        ondelete={"tourism_ambassador_card": "set default"},
    )
