# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # CGI 266-1-e: VAT is due on the margin, so the client's invoice shows no VAT.
    tourism_margin_scheme = fields.Boolean(
        "Margin VAT scheme (travel)",
        help="Travel package sold in the office's own name: invoiced without VAT, "
        "the VAT is computed each month on the margin.",
    )

    @api.onchange("tourism_margin_scheme")
    def _onchange_tourism_margin_scheme(self):
        if self.tourism_margin_scheme:
            self.taxes_id = False

    @api.constrains("tourism_margin_scheme", "taxes_id")
    def _check_tourism_margin_scheme(self):
        for product in self:
            if product.tourism_margin_scheme and product.taxes_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is sold under the margin VAT scheme: "
                        "remove its customer taxes.",
                        product=product.display_name,
                    )
                )
