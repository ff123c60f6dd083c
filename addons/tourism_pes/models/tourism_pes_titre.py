# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismPesTitre(models.Model):
    """A titre de recettes: one debtor, its lines, its avis (the invoices); or, in an
    annulation/réduction bordereau, the réduction of one titre (its credit notes).

    Frozen with its bordereau (tourism.money.document.mixin); only the comptable's
    answer, read from the PES acknowledgement, changes its state afterwards."""

    _name = "tourism.pes.titre"
    _description = "Titre de Recettes"
    _inherit = ["tourism.money.document.mixin"]
    _order = "exercice desc, number desc, id"
    _money_parent_field = "bordereau_id"

    name = fields.Char(compute="_compute_name", store=True)
    bordereau_id = fields.Many2one(
        "tourism.pes.bordereau", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="bordereau_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    exercice = fields.Integer(
        related="bordereau_id.exercice", store=True, aggregator=None
    )
    number = fields.Integer(
        string="Titre Number", readonly=True, copy=False, aggregator=None
    )
    kind = fields.Selection(related="bordereau_id.kind", store=True)
    # A réduction refers to the titre it reduces (Class_LigneTitreAller.xsd,
    # RattachPiece/IdPceOrig); its lines to that titre's lines.
    reduced_titre_id = fields.Many2one(
        "tourism.pes.titre",
        string="Reduces",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    reduction_ids = fields.One2many(
        "tourism.pes.titre", "reduced_titre_id", string="Reductions"
    )
    # Stored: preparing a réduction then rewrites the reduced titre's row, which
    # makes a concurrent emission that locks it (_check_reductions) fail and retry
    # with a snapshot that sees this réduction.
    amount_reduced = fields.Monetary(
        string="Reduced", compute="_compute_amount_reduced", store=True
    )
    amount_remaining = fields.Monetary(
        string="Remaining", compute="_compute_amount_reduced", store=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Debtor", required=True, readonly=True, index=True
    )
    move_ids = fields.Many2many(
        "account.move", string="Avis (Invoices)", readonly=True, copy=False
    )
    avis_names = fields.Char(string="Avis", readonly=True)
    line_ids = fields.One2many("tourism.pes.titre.line", "titre_id", string="Lines")
    amount_total = fields.Monetary(compute="_compute_amount", store=True)
    state = fields.Selection(
        selection=[
            ("draft", "To Emit"),
            ("emitted", "Emitted"),
            ("taken", "Taken in Charge"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )
    reject_code = fields.Char(string="Anomaly Code", readonly=True)
    reject_reason = fields.Char(string="Reason of the Rejection", readonly=True)

    @api.depends("number", "exercice", "kind")
    def _compute_name(self):
        for titre in self:
            if titre.kind == "reduction":
                titre.name = (
                    self.env._(
                        "Reduction %(number)s / %(exercice)s",
                        number=titre.number,
                        exercice=titre.exercice,
                    )
                    if titre.number
                    else self.env._("Reduction to emit")
                )
                continue
            titre.name = (
                self.env._(
                    "Titre %(number)s / %(exercice)s",
                    number=titre.number,
                    exercice=titre.exercice,
                )
                if titre.number
                else self.env._("Titre to emit")
            )

    @api.depends("amount_total", "reduction_ids.state", "reduction_ids.amount_total")
    def _compute_amount_reduced(self):
        """What the live réductions (not rejected) took off the titre, and what
        remains of it for the comptable to collect."""
        for titre in self:
            reduced = sum(
                titre.reduction_ids.filtered(lambda r: r.state != "rejected").mapped(
                    "amount_total"
                )
            )
            titre.amount_reduced = reduced
            titre.amount_remaining = titre.amount_total - reduced

    @api.depends("line_ids.amount")
    def _compute_amount(self):
        for titre in self:
            titre.amount_total = sum(titre.line_ids.mapped("amount"))
