# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo adds the template's defaults (the company's sale tax) to a variant's
        # values before creating its template: a product sold for a third party
        # must not get that tax (see product.template).
        for vals in vals_list:
            if vals.get("tourism_third_party_sale") and "taxes_id" not in vals:
                vals["taxes_id"] = [Command.clear()]
        return super().create(vals_list)

    @api.model
    def _load_pos_data_fields(self, config_id):
        # The till must know which products are sold for a third party.
        return super()._load_pos_data_fields(config_id) + ["tourism_third_party_sale"]
