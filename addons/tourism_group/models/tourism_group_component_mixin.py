# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismGroupComponentMixin(models.AbstractModel):
    """What a prestataire supplies to a group: shared by packages and quotes."""

    _name = "tourism.group.component.mixin"
    _description = "Group package component"
    _order = "day, sequence, start_time, id"

    sequence = fields.Integer(default=10)
    day = fields.Integer(
        "Trip day", default=1, help="1 for the first day of a package of several days."
    )
    name = fields.Char("Description", required=True)
    supplier_id = fields.Many2one(
        "res.partner",
        "Supplier",
        domain=[("is_company", "=", True)],
        help="The prestataire booked for this component; empty when the office "
        "itself provides it (guided visit by an office guide).",
    )
    product_id = fields.Many2one(
        "product.product",
        "Purchase product",
        domain=[("purchase_ok", "=", True)],
        default=lambda self: self.env.ref(
            "tourism_group.product_group_service", raise_if_not_found=False
        ),
        help="Product of the booking request sent to the supplier.",
    )
    cost_basis = fields.Selection(
        [("person", "Per person"), ("group", "Per group")],
        required=True,
        default="person",
    )
    company_id = fields.Many2one("res.company")
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_cost = fields.Monetary(
        "Cost excl. VAT",
        currency_field="currency_id",
        help="Per person or per group, before the supplier's VAT. For a service the "
        "office supplies itself (no supplier): its market value, VAT included, "
        "what the office charges for it alone; its share of the price is taxed "
        "under the ordinary rules, outside the margin scheme.",
    )
    outside_eu = fields.Boolean(
        "Supplied outside the EU",
        help="The supplier performs this service outside the European Union: the "
        "margin on it is exempt (CGI art. 262 bis).",
    )
    purchase_tax_id = fields.Many2one(
        "account.tax",
        "Supplier VAT",
        domain=[("type_tax_use", "=", "purchase")],
        help="VAT on the supplier's invoice. Under the margin scheme it is not "
        "deductible: the cost stays VAT included.",
    )
    start_time = fields.Float("Time", help="Hour of the day, e.g. 12.5 for 12:30.")
    duration = fields.Float(default=1.0, help="In hours.")
    guide_id = fields.Many2one(
        "res.users",
        "Office guide",
        help="Office guide leading this part; gets a calendar entry on confirmation.",
    )

    def _is_in_house(self):
        """Supplied by the office itself (its own guide): no third party invoices
        it, so it is outside the margin scheme (CGI art. 266-1-e)."""
        self.ensure_one()
        return not self.supplier_id or self.supplier_id == self.company_id.partner_id

    def _cost_included(self, quantity=1):
        """Cost VAT included, as the booking request computes it (no deduction)."""
        self.ensure_one()
        if not self.purchase_tax_id:
            return self.currency_id.round(self.unit_cost * quantity)
        taxes = self.purchase_tax_id.compute_all(
            self.unit_cost, currency=self.currency_id, quantity=quantity
        )
        return taxes["total_included"]

    @api.constrains("unit_cost", "start_time", "duration")
    def _check_component_values(self):
        for component in self:
            if component.currency_id.compare_amounts(component.unit_cost, 0) < 0:
                raise ValidationError(self.env._("A cost cannot be negative."))
            if (
                not 0 <= component.start_time < 24
                or component.duration < 0
                or component.day < 1
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: the time is an hour of the day, the trip day "
                        "starts at 1.",
                        name=component.name,
                    )
                )
