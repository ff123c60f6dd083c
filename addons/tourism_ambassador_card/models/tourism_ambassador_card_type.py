# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from odoo import api, fields, models


class TourismAmbassadorCardType(models.Model):
    _name = "tourism.ambassador.card.type"
    _description = "Ambassador Card Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    holder_kind = fields.Selection(
        [("partner", "Partner"), ("resident", "Resident")],
        required=True,
        default="resident",
        help="Partner cards go to prestataires with a current partnership pack "
        "and their staff; resident cards to people living in the territory.",
    )
    discount_rate = fields.Float(
        string="Discount (%)",
        digits="Discount",
        help="Taken off the price of eligible products at the shop.",
    )
    product_category_ids = fields.Many2many(
        "product.category",
        string="Eligible Product Categories",
        help="Only products of these categories (and their sub-categories) get the "
        "discount: never tickets resold for partners nor the taxe de séjour.",
    )
    yearly_cap = fields.Monetary(
        currency_field="currency_id",
        help="Most discount a card may give in a calendar year; 0 for no cap.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    card_count = fields.Integer(compute="_compute_card_count")

    _sql_constraints = [
        (
            "discount_rate_range",
            "CHECK(discount_rate >= 0 AND discount_rate <= 100)",
            "The discount must be between 0 and 100 %.",
        ),
        (
            "yearly_cap_positive",
            "CHECK(yearly_cap >= 0)",
            "The cap cannot be negative.",
        ),
    ]

    def _compute_card_count(self):
        counts = dict(
            self.env["tourism.ambassador.card"]._read_group(
                [("type_id", "in", self.ids)], ["type_id"], ["__count"]
            )
        )
        for card_type in self:
            card_type.card_count = counts.get(card_type, 0)

    @api.model
    def _eligible_categories(self, card_type):
        """The eligible categories with their sub-categories."""
        if not card_type.product_category_ids:
            return self.env["product.category"]
        return self.env["product.category"].search(
            [("id", "child_of", card_type.product_category_ids.ids)]
        )

    def _rate(self):
        self.ensure_one()
        return Decimal(str(self.discount_rate))

    def _cap(self):
        self.ensure_one()
        return Decimal(str(self.yearly_cap)) if self.yearly_cap else None
