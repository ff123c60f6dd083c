# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.pricing import PricingError, check_brackets, price_group


def to_decimal(value, digits=2):
    """Float from the ORM to an exact Decimal at its precision."""
    return Decimal(f"{value:.{digits}f}")


class TourismGroupPackage(models.Model):
    _name = "tourism.group.package"
    _inherit = ["mail.thread", "image.mixin"]
    _description = "Group package"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("half_day", "Half day"), ("day", "Day"), ("multi_day", "Several days")],
        required=True,
        default="day",
    )
    days = fields.Integer("Number of days", default=1)
    theme_id = fields.Many2one("tourism.group.theme", "Theme", required=True)
    season_ids = fields.Many2many("tourism.group.season", string="Seasons")
    summary = fields.Char(translate=True, help="One line for the catalogue.")
    description = fields.Html("Programme", translate=True)
    product_id = fields.Many2one(
        "product.product",
        "Product",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Sold on the quotes; created with the package.",
    )
    sale_order_template_id = fields.Many2one(
        "sale.order.template",
        "Quotation template",
        help="Brings its terms, online signature and payment settings and its "
        "optional products (extras the client may add from the portal).",
    )
    min_size = fields.Integer("Minimum group size", default=15)
    max_size = fields.Integer("Maximum group size", default=53, help="0: no limit.")
    free_drivers = fields.Integer("Free places for drivers", default=1)
    free_escorts = fields.Integer("Free places for escorts", default=0)
    one_free_per = fields.Integer(
        "One free place per", default=20, help="Paying participants; 0: none."
    )
    component_ids = fields.One2many(
        "tourism.group.package.component", "package_id", "Components", copy=True
    )
    bracket_ids = fields.One2many(
        "tourism.group.package.bracket", "package_id", "Price brackets", copy=True
    )
    reference_size = fields.Integer(
        "Reference group", default=30, help="Paying participants for the margin shown."
    )
    reference_price = fields.Monetary(compute="_compute_reference", string="Price")
    reference_cost = fields.Monetary(compute="_compute_reference", string="Cost")
    reference_margin = fields.Monetary(compute="_compute_reference", string="Margin")
    price_from = fields.Monetary(
        compute="_compute_reference", string="From (per person)"
    )
    sale_order_ids = fields.One2many("sale.order", "tourism_package_id", "Quotes")
    sale_order_count = fields.Integer(compute="_compute_sale_order_count")

    @api.depends(
        "reference_size",
        "bracket_ids.price",
        "bracket_ids.min_size",
        "bracket_ids.max_size",
        "component_ids.unit_cost",
        "component_ids.cost_basis",
        "free_drivers",
        "free_escorts",
        "one_free_per",
    )
    def _compute_reference(self):
        for package in self:
            package.price_from = min(package.bracket_ids.mapped("price") or [0.0])
            try:
                result = package._price(package.reference_size)
            except (PricingError, ValidationError):
                package.reference_price = package.reference_cost = 0.0
                package.reference_margin = 0.0
                continue
            package.reference_price = float(result.total)
            package.reference_cost = float(result.cost)
            package.reference_margin = float(result.margin)

    def _compute_sale_order_count(self):
        for package in self:
            package.sale_order_count = len(package.sale_order_ids)

    def _brackets(self):
        return [(b.min_size, b.max_size, to_decimal(b.price)) for b in self.bracket_ids]

    @staticmethod
    def _component_rows(components):
        # VAT included: the supplier's VAT is a cost under the margin scheme.
        return [(to_decimal(c._cost_included()), c.cost_basis) for c in components]

    def _price(self, paying, components=None, drivers=None, escorts=None, check=False):
        """tools.pricing.price_group for this package; ``components``: a quote's."""
        self.ensure_one()
        company = self.company_id
        params = {
            "brackets": self._brackets(),
            "paying": paying,
            "drivers": self.free_drivers if drivers is None else drivers,
            "escorts": self.free_escorts if escorts is None else escorts,
            "one_free_per": self.one_free_per,
            "components": self._component_rows(self.component_ids),
            "step": to_decimal(company.tourism_group_price_step or 0.01),
            "rounding": company.tourism_group_rounding or "half_up",
        }
        if components is not None:
            params["base_components"] = params["components"]
            params["components"] = self._component_rows(components)
            params["markup"] = to_decimal(company.tourism_group_markup, 4)
        if check:
            params["min_size"] = self.min_size
            params["max_size"] = self.max_size
        return price_group(**params)

    @api.constrains(
        "bracket_ids", "min_size", "max_size", "days", "one_free_per", "component_ids"
    )
    def _check_package(self):
        for package in self:
            if package.min_size < 1 or package.max_size < 0 or package.one_free_per < 0:
                raise ValidationError(self.env._("Group sizes are positive numbers."))
            if package.max_size and package.max_size < package.min_size:
                raise ValidationError(
                    self.env._("The maximum group size is smaller than the minimum.")
                )
            if package.days < 1:
                raise ValidationError(self.env._("A package lasts one day at least."))
            if max(package.component_ids.mapped("day") or [1]) > package.days:
                raise ValidationError(
                    self.env._(
                        "A component is planned after the last day of the package."
                    )
                )
            try:
                check_brackets(package._brackets())
            except PricingError as error:
                raise ValidationError(
                    self.env._(
                        "%(package)s: the price brackets overlap or are reversed.",
                        package=package.name,
                    )
                ) from error

    @api.model_create_multi
    def create(self, vals_list):
        packages = super().create(vals_list)
        for package in packages.filtered(lambda p: not p.product_id):
            package.product_id = self.env["product.product"].create(
                package._prepare_product_values()
            )
        return packages

    def write(self, vals):
        res = super().write(vals)
        # The product sold on the quotes keeps the package's name, code and state.
        product_vals = {
            target: vals[source]
            for source, target in (
                ("name", "name"),
                ("code", "default_code"),
                ("active", "active"),
            )
            if source in vals
        }
        if product_vals:
            self.product_id.write(product_vals)
        return res

    def _prepare_product_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "default_code": self.code,
            "type": "service",
            "sale_ok": True,
            "purchase_ok": False,
            "invoice_policy": "order",
            "tourism_margin_scheme": True,
            "taxes_id": [fields.Command.clear()],
            "list_price": self.bracket_ids[-1:].price or 0.0,
            "company_id": self.company_id.id,
        }

    def action_view_quotes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [("tourism_package_id", "=", self.id)]
        action["context"] = {"default_tourism_package_id": self.id}
        return action
