# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class TourismRegie(models.Model):
    _inherit = "tourism.regie"

    @api.model
    def _tourism_desk_regie(self):
        """The régie the user collects for at his information point: among the
        régies he may see (record rules), the one whose tills serve his point."""
        regies = self.search([])
        bit = self.env.user.tourism_bit_id
        return (
            regies.filtered(lambda r: bit in r.sudo().pos_config_ids.tourism_bit_id)[:1]
            or regies[:1]
        )
