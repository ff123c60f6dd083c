# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismPesTitreLine(models.Model):
    """A line of a titre: one budget imputation (Class_LigneTitreAller.xsd)."""

    _name = "tourism.pes.titre.line"
    _description = "Titre de Recettes Line"
    _inherit = ["tourism.money.document.mixin"]
    _order = "titre_id, sequence, id"
    _money_parent_field = "titre_id"

    titre_id = fields.Many2one(
        "tourism.pes.titre", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="titre_id.currency_id")
    sequence = fields.Integer(string="Line Number", default=1)
    name = fields.Char(string="Object", required=True)
    pes_nature = fields.Char(string="Budget Nature", required=True)
    pes_fonction = fields.Char(string="Function")
    pes_product_code = fields.Char(string="Local Product Code", required=True)
    amount = fields.Monetary(required=True)
    # The line of the titre a réduction line reduces (Class_LigneTitreAller.xsd,
    # RattachPiece: IdPceOrig, IdLigneOrig).
    origin_line_id = fields.Many2one(
        "tourism.pes.titre.line",
        string="Reduced Line",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
