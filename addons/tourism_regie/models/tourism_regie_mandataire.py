# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import regie_maths


class TourismRegieMandataire(models.Model):
    _name = "tourism.regie.mandataire"
    _description = "Régie Mandataire"
    _order = "date_from desc, id"

    regie_id = fields.Many2one(
        "tourism.regie", string="Régie", required=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="User", required=True)
    role = fields.Selection(
        [("suppleant", "Suppléant"), ("mandataire", "Mandataire")],
        required=True,
        default="mandataire",
        help="A suppléant replaces the régisseur during his absence, two months at "
        "most (beyond, an intérimaire is appointed: CGCT R1617-5-1); a mandataire "
        "collects on his behalf.",
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(
        string="To",
        help="Last day of the mandate: the record rules stop the mandataire's "
        "access to the régie the day after.",
    )
    decision_ref = fields.Char(string="Appointment Decision")

    @api.constrains("date_from", "date_to", "user_id", "role")
    def _check_mandataire(self):
        for line in self:
            if line.date_to and line.date_to < line.date_from:
                raise ValidationError(
                    self.env._(
                        "The mandate of %(user)s ends before it starts.",
                        user=line.user_id.name,
                    )
                )
            if line.user_id._tourism_is_ordonnateur() or line.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be mandataire: an ordonnateur or an external "
                        "user cannot handle the régie's money (CGCT R1617-3).",
                        user=line.user_id.name,
                    )
                )
            # CGCT R1617-5-1, 2°: an absence of more than two months calls for a
            # régisseur intérimaire, appointed on the comptable's avis conforme.
            if line.role == "suppleant" and not regie_maths.suppleance_within_limit(
                line.date_from, line.date_to
            ):
                raise ValidationError(
                    self.env._(
                        "A suppléant replaces the régisseur for two months at most: "
                        "give the end of %(user)s's replacement within two months. "
                        "A longer absence calls for a régisseur intérimaire (CGCT "
                        "R1617-5-1).",
                        user=line.user_id.name,
                    )
                )

    def _is_active(self, day):
        self.ensure_one()
        return self.date_from <= day and (not self.date_to or day <= self.date_to)
