# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    """Who the PES files come from (EnTetePES, Class_EntetePES.xsd)."""

    _inherit = "res.company"

    pes_id_post = fields.Char(
        string="Codique of the Public Accountant",
        size=7,
        help="IdPost: the permanent number of the comptable public's post in Hélios.",
    )
    pes_id_coll = fields.Char(
        string="PES Collectivity SIRET",
        size=14,
        help="IdColl: the SIRET of the budget collectivity (14 digits).",
    )
    pes_cod_col = fields.Char(
        string="PES Collectivity Code",
        size=3,
        help="CodCol: the code of the collectivity or budget in Hélios.",
    )
    pes_cod_bud = fields.Char(string="PES Budget Code", size=2, help="CodBud.")
    pes_budget_label = fields.Char(
        string="PES Budget Label", size=38, help="LibelleColBud."
    )
