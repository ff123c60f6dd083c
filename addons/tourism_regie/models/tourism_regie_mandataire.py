# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
        help="A suppléant replaces the régisseur during his absence (2 months at "
        "most); a mandataire collects on his behalf.",
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(string="To")
    decision_ref = fields.Char(string="Appointment Decision")

    @api.constrains("date_from", "date_to", "user_id")
    def _check_mandataire(self):
        for line in self:
            if line.date_to and line.date_to < line.date_from:
                raise ValidationError(
                    self.env._(
                        "The mandate of %(user)s ends before it starts.",
                        user=line.user_id.name,
                    )
                )
            if line.user_id.tourism_is_ordonnateur or line.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be mandataire: an ordonnateur or an external "
                        "user cannot handle the régie's money.",
                        user=line.user_id.name,
                    )
                )

    def _is_active(self, day):
        self.ensure_one()
        return self.date_from <= day and (not self.date_to or day <= self.date_to)
