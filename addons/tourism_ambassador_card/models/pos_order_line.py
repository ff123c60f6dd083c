# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import benefits


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    tourism_ambassador_discount = fields.Monetary(
        string="Ambassador Discount",
        compute="_compute_tourism_ambassador_discount",
        store=True,
        currency_field="currency_id",
        help="Part of the line's discount given by the ambassador card: only on "
        "products of the card type's eligible categories, at most its rate.",
    )

    @api.depends(
        "order_id.tourism_ambassador_card_id",
        "discount",
        "price_unit",
        "qty",
        "product_id",
    )
    def _compute_tourism_ambassador_discount(self):
        categories_by_type = {}
        for line in self:
            card = line.order_id.tourism_ambassador_card_id.sudo()
            # A product sold in the name and on behalf of a third party (a resold
            # ticket) keeps the third party's price: the card never discounts it,
            # whatever the card type's categories.
            if (
                not card
                or not line.discount
                or line.product_id.tourism_third_party_sale
            ):
                line.tourism_ambassador_discount = 0.0
                continue
            card_type = card.type_id
            if card_type not in categories_by_type:
                categories_by_type[card_type] = card_type._eligible_categories(
                    card_type
                )
            if line.product_id.categ_id not in categories_by_type[card_type]:
                line.tourism_ambassador_discount = 0.0
                continue
            # A bigger manual discount is the cashier's, not the card's.
            percent = min(line.discount, card_type.discount_rate)
            base = benefits.Decimal(str(line.price_unit)) * benefits.Decimal(
                str(line.qty)
            )
            line.tourism_ambassador_discount = float(
                benefits.discount_amount(base, benefits.Decimal(str(percent)))
            )
