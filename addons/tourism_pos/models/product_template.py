# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # One place for a fact that several capabilities read: ticketing sets it on
    # the tickets it resells under a mandate, the ambassador card never discounts
    # such a product (its price is the third party's, not the office's).
    tourism_third_party_sale = fields.Boolean(
        string="Sold for a Third Party",
        help="Sold in the name and on behalf of a third party (a resold ticket): "
        "its price belongs to that third party. No discount of the office applies "
        "to it and it carries none of the office's VAT (débours, CGI art. 267 II "
        "2°).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # The company's default sale tax is not a choice made for this product.
            if vals.get("tourism_third_party_sale") and "taxes_id" not in vals:
                vals["taxes_id"] = [Command.clear()]
        return super().create(vals_list)

    @api.constrains("tourism_third_party_sale", "taxes_id")
    def _check_tourism_third_party_taxes(self):
        """CGI art. 267 II 2°: sums received in the name and on behalf of a
        principal, booked to a third-party account, are outside the office's VAT
        base: a tax of the office on such a product would be collected wrongly."""
        for template in self:
            if template.tourism_third_party_sale and template.taxes_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is sold in the name and on behalf of a third "
                        "party: its price carries none of the office's taxes (CGI "
                        "art. 267 II 2°). Remove the taxes.",
                        product=template.display_name,
                    )
                )
