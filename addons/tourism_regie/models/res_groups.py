# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        res = super().write(vals)
        # Users added from the group's form: the same check as from the user's
        # (CGCT R1617-3).
        if "users" in vals or "implied_ids" in vals:
            ordonnateur = self.env.ref(
                "tourism_base.group_tourism_ordonnateur", raise_if_not_found=False
            )
            if ordonnateur and ordonnateur in self | self.trans_implied_ids:
                self.sudo().with_context(
                    active_test=False
                ).users._tourism_check_separation()
        return res
