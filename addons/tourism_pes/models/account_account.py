# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountAccount(models.Model):
    """The budget imputation of what is invoiced on this account, in the titres
    sent to Hélios (PES V2, Class_LigneTitreAller.xsd: Nature, Fonction, CodProdLoc)."""

    _inherit = "account.account"

    pes_nature = fields.Char(
        string="PES Budget Nature",
        size=12,
        help="Compte par nature of the budget (digits only, e.g. 7362 for the tourist "
        "tax in the M14/M57 nomenclatures), sent as Nature on each titre line.",
    )
    pes_fonction = fields.Char(
        string="PES Function",
        size=10,
        help="Compte fonction, for collectivities voting by function (M14, M57).",
    )
    pes_product_code = fields.Char(
        string="PES Local Product Code",
        size=4,
        help="Code produit local (CodProdLoc, 4 letters or digits), which the "
        "comptable maps to a national product code in Hélios.",
    )
