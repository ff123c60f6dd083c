# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        # Before Odoo adds the template's defaults (the company's sale tax) to a
        # variant's values: a mandated ticket is sold for the organiser.
        for vals in vals_list:
            if vals.get("tourism_mandate_id"):
                vals.update(self.env["product.template"]._tourism_mandate_values(vals))
        return super().create(vals_list)

    @api.model
    def _load_pos_data_fields(self, config_id):
        # The till prints « sold in the name and on behalf of » the organiser.
        return super()._load_pos_data_fields(config_id) + ["tourism_organiser_name"]
