# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _load_pos_data_fields(self, config_id):
        # The till prints « sold in the name and on behalf of » the organiser.
        return super()._load_pos_data_fields(config_id) + ["tourism_organiser_name"]
