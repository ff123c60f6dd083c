# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    def _tourism_is_ordonnateur(self):
        """The ordonnateur (or his delegate) is the Ordonnateur group of the
        office (tourism_base), the one fact the tax and the régie both read."""
        self.ensure_one()
        return self.has_group("tourism_base.group_tourism_ordonnateur")

    @api.constrains("groups_id")
    def _check_ordonnateur_holds_no_regie(self):
        """CGCT R1617-3: an ordonnateur is never régisseur nor mandataire, checked
        this way too: making a régisseur or a mandataire ordonnateur is refused."""
        self._tourism_check_separation()

    def _tourism_check_separation(self):
        ordonnateurs = self.filtered(lambda u: u._tourism_is_ordonnateur())
        if not ordonnateurs:
            return
        today = fields.Date.context_today(self)
        # A mandate that ended binds nobody: a former mandataire may be elected.
        regies = (
            self.env["tourism.regie"]
            .sudo()
            .search(
                [
                    "|",
                    ("regisseur_id", "in", ordonnateurs.ids),
                    (
                        "mandataire_ids",
                        "any",
                        [
                            ("user_id", "in", ordonnateurs.ids),
                            "|",
                            ("date_to", "=", False),
                            ("date_to", ">=", today),
                        ],
                    ),
                ],
                limit=1,
            )
        )
        if regies:
            holders = (
                regies.regisseur_id
                | regies.mandataire_ids.filtered(
                    lambda m: not m.date_to or m.date_to >= today
                ).user_id
            )
            user = holders & ordonnateurs
            raise ValidationError(
                self.env._(
                    "%(user)s holds the régie %(regie)s as régisseur or mandataire: "
                    "an ordonnateur cannot (CGCT R1617-3).",
                    user=user[:1].name,
                    regie=regies.name,
                )
            )
