# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class PosConfig(models.Model):
    _inherit = "pos.config"

    tourism_regie_id = fields.Many2one(
        "tourism.regie",
        string="Régie",
        index="btree_not_null",
        check_company=True,
        help="The régie de recettes whose books this till feeds.",
    )

    # Which régie a till's money belongs to is the régie administrators' call
    # (the Responsable OT), not any point of sale manager's.
    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("tourism_regie_id") for vals in vals_list):
            self._tourism_check_regie_admin()
        return super().create(vals_list)

    def write(self, vals):
        if "tourism_regie_id" in vals and any(
            config.tourism_regie_id.id != vals["tourism_regie_id"]
            for config in self.sudo()
        ):
            self._tourism_check_regie_admin()
        return super().write(vals)

    def _tourism_check_regie_admin(self):
        if not self.env.su and not self.env.user.has_group(
            "tourism_base.group_tourism_manager"
        ):
            raise AccessError(
                self.env._("Only a régie administrator assigns a till to a régie.")
            )
