# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosConfig(models.Model):
    # The demo builders extend the model apart, in demo/: kept out of here.
    _inherit = "pos.config"  # pylint: disable=consider-merging-classes-inherited

    tourism_bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        index="btree_not_null",
        check_company=True,
        help="The tourist information point where this till sells: its stock location "
        "and cash journal are the point's own.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._tourism_bit_defaults(vals)
        return super().create(vals_list)

    @api.model
    def _tourism_bit_defaults(self, vals):
        """A till opened for an information point sells from that point's stock."""
        if not vals.get("tourism_bit_id"):
            return
        warehouse = self.env["tourism.bit"].browse(vals["tourism_bit_id"]).warehouse_id
        if warehouse:
            vals.setdefault("warehouse_id", warehouse.id)
            vals.setdefault("picking_type_id", warehouse.pos_type_id.id)
