# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # CGCT R1617-3: an ordonnateur (or his delegate) cannot hold a régie.
    tourism_is_ordonnateur = fields.Boolean(
        string="Ordonnateur",
        help="Orders revenue and expenses (president, director with a delegation): "
        "cannot be régisseur nor mandataire.",
    )
