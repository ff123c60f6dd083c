# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.pricing import PricingError, margin_vat, split_package


class SaleOrder(models.Model):
    _inherit = "sale.order"

    tourism_package_id = fields.Many2one(
        "tourism.group.package",
        "Group package",
        index=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    tourism_theme_id = fields.Many2one(
        related="tourism_package_id.theme_id", store=True, string="Theme"
    )
    tourism_trip_date = fields.Date("Trip date", tracking=True, copy=False)
    tourism_paying = fields.Integer("Paying participants", tracking=True)
    tourism_drivers = fields.Integer(
        "Drivers",
        compute="_compute_tourism_free_rules",
        store=True,
        readonly=False,
        precompute=True,
    )
    tourism_escorts = fields.Integer(
        "Escorts",
        compute="_compute_tourism_free_rules",
        store=True,
        readonly=False,
        precompute=True,
    )
    tourism_free_places = fields.Integer(
        "Free places", compute="_compute_tourism_headcount", store=True
    )
    tourism_headcount = fields.Integer(
        "Headcount",
        compute="_compute_tourism_headcount",
        store=True,
        help="Paying participants and free places: what suppliers bill per person.",
    )
    tourism_component_ids = fields.One2many(
        "tourism.group.order.component", "order_id", "Programme", copy=True
    )
    # Costs and margins are the office's business: never readable by the client's
    # portal user (nor through JSON-RPC), only by internal users.
    tourism_cost_total = fields.Monetary(
        "Supplier costs",
        compute="_compute_tourism_margin",
        store=True,
        groups="base.group_user",
    )
    tourism_margin = fields.Monetary(
        "Margin",
        compute="_compute_tourism_margin",
        store=True,
        groups="base.group_user",
    )
    tourism_margin_vat = fields.Monetary(
        "VAT on the margin",
        compute="_compute_tourism_margin",
        store=True,
        groups="base.group_user",
        help="VAT at 20 % included in the margin of the bought-in services, and in "
        "the share of the price of the office's own services.",
    )
    tourism_out_of_season = fields.Boolean(compute="_compute_tourism_out_of_season")
    tourism_purchase_ids = fields.One2many(
        "purchase.order", "tourism_group_order_id", "Booking requests"
    )
    tourism_purchase_count = fields.Integer(compute="_compute_tourism_purchase_count")

    @api.depends("tourism_package_id")
    def _compute_tourism_free_rules(self):
        # The package's free places, which the conseiller may change for one group.
        for order in self:
            order.tourism_drivers = order.tourism_package_id.free_drivers
            order.tourism_escorts = order.tourism_package_id.free_escorts

    @api.depends(
        "tourism_paying", "tourism_drivers", "tourism_escorts", "tourism_package_id"
    )
    def _compute_tourism_headcount(self):
        for order in self:
            package = order.tourism_package_id
            per = package.one_free_per if package else 0
            free = order.tourism_drivers + order.tourism_escorts
            if per > 0:
                free += order.tourism_paying // per
            order.tourism_free_places = free if package else 0
            order.tourism_headcount = order.tourism_paying + order.tourism_free_places

    @api.depends(
        "amount_total",
        "order_line.price_total",
        "tourism_component_ids.cost_total",
        "tourism_component_ids.supplier_id",
        "tourism_component_ids.outside_eu",
    )
    def _compute_tourism_margin(self):
        for order in self:
            cost = sum(order.tourism_component_ids.mapped("cost_total"))
            margin_lines = order.order_line.filtered("product_id.tourism_margin_scheme")
            sales = sum(margin_lines.mapped("price_total"))
            order.tourism_cost_total = cost
            order.tourism_margin = order.amount_total - cost
            # Only the bought-in part is under the margin scheme (the in-house
            # services are taxed on their share of the price, not deducted).
            split = order._tourism_split(sales)
            vat = margin_vat(split.sales_eu, split.costs_eu).vat + split.in_house_vat
            order.tourism_margin_vat = float(vat) if margin_lines else 0.0

    def _tourism_split(self, price, third_party_costs=None):
        """tools.pricing.split_package of this sale: the components' estimates,
        or ``third_party_costs`` ((amount, outside_eu) pairs, e.g. from the
        suppliers' bills) for the bought-in services."""
        self.ensure_one()
        digits = self.currency_id.decimal_places or 2
        rows = []
        for component in self.tourism_component_ids:
            in_house = component._is_in_house()
            if in_house or third_party_costs is None:
                rows.append(
                    (
                        Decimal(f"{component.cost_total:.{digits}f}"),
                        in_house,
                        component.outside_eu,
                    )
                )
        for amount, outside_eu in third_party_costs or ():
            rows.append((Decimal(f"{amount:.{digits}f}"), False, outside_eu))
        return split_package(Decimal(f"{price:.{digits}f}"), rows)

    @api.depends("tourism_trip_date", "tourism_package_id.season_ids")
    def _compute_tourism_out_of_season(self):
        for order in self:
            seasons = order.tourism_package_id.season_ids
            order.tourism_out_of_season = bool(
                order.tourism_trip_date
                and seasons
                and not seasons._contains(order.tourism_trip_date)
            )

    def _compute_tourism_purchase_count(self):
        for order in self:
            # Salespeople without purchase rights see how many bookings were made.
            order.tourism_purchase_count = len(order.sudo().tourism_purchase_ids)

    @api.constrains("tourism_paying", "tourism_drivers", "tourism_escorts")
    def _check_tourism_counts(self):
        for order in self:
            if (
                min(order.tourism_paying, order.tourism_drivers, order.tourism_escorts)
                < 0
            ):
                raise ValidationError(
                    self.env._("Numbers of persons cannot be negative.")
                )

    # -- quote -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # A quote created with a package (from a lead, by code) gets its programme.
        for order in orders.filtered(
            lambda o: o.tourism_package_id and not o.tourism_component_ids
        ):
            order.action_tourism_apply_package()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "sent":
            self._tourism_move_leads("tourism_group.crm_stage_group_quote_sent")
        if self.env.context.get("tourism_pricing"):
            return res
        # The price follows the package and the group size as the conseiller types them.
        quotes = self.filtered(
            lambda o: o.tourism_package_id and o.state in ("draft", "sent")
        ).with_context(tourism_pricing=True)
        if "tourism_package_id" in vals:
            quotes.action_tourism_apply_package()
        elif {"tourism_paying", "tourism_drivers", "tourism_escorts"} & set(vals):
            quotes.action_tourism_reprice()
        return res

    def action_tourism_apply_package(self):
        """(Re)load the package's programme, free places, template and price."""
        for order in self:
            package = order.tourism_package_id
            if not package:
                raise UserError(self.env._("Choose a group package first."))
            if order.state not in ("draft", "sent"):
                raise UserError(self.env._("Only a quotation can be changed."))
            fields_to_copy = [
                "sequence",
                "day",
                "name",
                "supplier_id",
                "product_id",
                "cost_basis",
                "unit_cost",
                "purchase_tax_id",
                "start_time",
                "duration",
                "guide_id",
                "outside_eu",
            ]
            components = [
                fields.Command.create(
                    {
                        name: (
                            component[name].id
                            if isinstance(component[name], models.BaseModel)
                            else component[name]
                        )
                        for name in fields_to_copy
                    }
                )
                for component in package.component_ids
            ]
            vals = {
                "tourism_component_ids": [fields.Command.clear(), *components],
                "tourism_drivers": package.free_drivers,
                "tourism_escorts": package.free_escorts,
            }
            if not order.tourism_paying:
                vals["tourism_paying"] = package.min_size
            template = package.sale_order_template_id
            if template:
                vals["sale_order_template_id"] = template.id
                vals["sale_order_option_ids"] = [fields.Command.clear()] + [
                    fields.Command.create(option._prepare_option_line_values())
                    for option in template.sale_order_template_option_ids
                ]
            order.with_context(tourism_pricing=True).write(vals)
            order.action_tourism_reprice()
        return True

    def action_tourism_reprice(self):
        """Price the group line from the brackets, free places and programme."""
        for order in self:
            package = order.tourism_package_id
            if not package:
                continue
            if order.state not in ("draft", "sent"):
                raise UserError(self.env._("Only a quotation can be repriced."))
            try:
                result = package._price(
                    order.tourism_paying,
                    components=order.tourism_component_ids,
                    drivers=order.tourism_drivers,
                    escorts=order.tourism_escorts,
                    check=True,
                )
            except PricingError as error:
                raise UserError(order._tourism_pricing_message(error)) from error
            line_vals = {
                "product_id": package.product_id.id,
                "name": order._tourism_line_name(result.free),
                "product_uom_qty": result.paying,
                "price_unit": float(result.unit_price),
                "discount": 0.0,
                "tourism_group_line": True,
            }
            line = order.order_line.filtered("tourism_group_line")[:1]
            if line:
                line.write(line_vals)
            else:
                order.with_context(tourism_pricing=True).write(
                    {
                        "order_line": [
                            fields.Command.create({**line_vals, "sequence": 1})
                        ]
                    }
                )
        return True

    def _tourism_line_name(self, free):
        """Line label in the client's language: it is printed on the contract."""
        self.ensure_one()
        lang = self.partner_id.lang or self.env.lang
        env = self.with_context(lang=lang).env
        name = self.tourism_package_id.with_context(lang=lang).name
        if self.tourism_trip_date:
            date = format_date(env, self.tourism_trip_date, lang_code=lang)
            name = env._("%(package)s on %(date)s", package=name, date=date)
        return env._(
            "%(name)s\n%(paying)s paying participants, %(free)s free places",
            name=name,
            paying=self.tourism_paying,
            free=free,
        )

    def _tourism_pricing_message(self, error):
        params = error.params
        messages = {
            "no_participant": self.env._("Give the number of paying participants."),
            "no_bracket": self.env._(
                "No price bracket of the package covers %(paying)s paying "
                "participants.",
                paying=params.get("paying"),
            ),
            "too_small": self.env._(
                "The package needs %(minimum)s paying participants at least.",
                minimum=params.get("minimum"),
            ),
            "too_large": self.env._(
                "The package takes %(maximum)s paying participants at most.",
                maximum=params.get("maximum"),
            ),
        }
        return messages.get(
            error.code,
            self.env._("The group price cannot be computed: %(error)s", error=error),
        )

    # -- confirmation ------------------------------------------------------------

    def _tourism_third_party_components(self):
        """Components supplied by someone else than the office itself."""
        own = self.company_id.partner_id
        return self.tourism_component_ids.filtered(
            lambda c: c.supplier_id and c.supplier_id != own
        )

    def _tourism_check_confirmable(self):
        """What a group sale needs before it is confirmed, checked before the
        client signs too (a signed quote is then always a confirmed sale)."""
        for order in self.filtered("tourism_package_id"):
            if not order.tourism_trip_date:
                raise UserError(
                    self.env._(
                        "%(order)s: set the trip date before confirming.",
                        order=order.name,
                    )
                )
            if not order.order_line.filtered("tourism_group_line"):
                raise UserError(
                    self.env._(
                        "%(order)s: price the group before confirming.",
                        order=order.name,
                    )
                )
            # Code du tourisme L211-18: selling a package of services supplied by
            # others needs the Atout France immatriculation, with a financial
            # guarantee and a professional liability insurance; the documents
            # carry all three (printed on quotes, contracts and the catalogue).
            company = order.company_id
            if order._tourism_third_party_components() and not (
                company.tourism_atout_france_number
                and company.tourism_financial_guarantor
                and company.tourism_insurer
            ):
                raise UserError(
                    self.env._(
                        "%(order)s includes services of other suppliers: set the "
                        "company's Atout France registration number, financial "
                        "guarantor and insurer (Settings) before confirming "
                        "(code du tourisme L211-18).",
                        order=order.name,
                    )
                )

    def action_confirm(self):
        groups = self.filtered("tourism_package_id")
        groups._tourism_check_confirmable()
        res = super().action_confirm()
        groups._tourism_move_leads("tourism_group.crm_stage_group_won")
        groups._tourism_book_suppliers()
        groups._tourism_plan_guides()
        return res

    def _tourism_move_leads(self, stage_xmlid):
        """Group leads follow their quote: sent, then signed (never backwards)."""
        stage = self.env.ref(stage_xmlid, raise_if_not_found=False)
        if not stage:
            return
        for order in self.filtered(lambda o: o.tourism_package_id and o.opportunity_id):
            lead = order.opportunity_id.sudo()
            if (
                lead.team_id == stage.team_id
                and lead.stage_id.sequence < stage.sequence
            ):
                lead.stage_id = stage

    def _tourism_book_suppliers(self):
        """One booking request (purchase order) per supplier of the programme."""
        purchase_model = self.env["purchase.order"].sudo()
        for order in self:
            own = order.company_id.partner_id
            by_supplier = defaultdict(lambda: self.env["tourism.group.order.component"])
            for component in order.tourism_component_ids:
                if component.supplier_id and component.supplier_id != own:
                    if not component.purchase_line_id:
                        by_supplier[component.supplier_id] |= component
            planned = datetime.combine(order.tourism_trip_date, time(12, 0))
            for supplier, components in by_supplier.items():
                purchase = purchase_model.create(
                    {
                        "partner_id": supplier.id,
                        "company_id": order.company_id.id,
                        "origin": order.name,
                        "partner_ref": order.client_order_ref or False,
                        "tourism_group_order_id": order.id,
                        "date_planned": planned,
                        "order_line": [
                            fields.Command.create(
                                order._tourism_purchase_line_values(component, planned)
                            )
                            for component in components
                        ],
                    }
                )
                for component, line in zip(
                    components, purchase.order_line, strict=True
                ):
                    component.sudo().purchase_line_id = line
                purchase.message_post(
                    body=self.env._(
                        "Booking request for the group %(order)s of %(client)s "
                        "on %(date)s.",
                        order=order.name,
                        client=order.partner_id.display_name,
                        date=fields.Date.to_string(order.tourism_trip_date),
                    )
                )

    def _tourism_purchase_line_values(self, component, planned):
        product = component.product_id or self.env.ref(
            "tourism_group.product_group_service"
        )
        return {
            "product_id": product.id,
            "name": self.env._(
                "%(component)s - group %(order)s, %(headcount)s persons",
                component=component.name,
                order=self.name,
                headcount=self.tourism_headcount,
            ),
            "product_qty": component.quantity,
            "product_uom": product.uom_po_id.id,
            "price_unit": component.unit_cost,
            "taxes_id": [fields.Command.set(component.purchase_tax_id.ids)],
            "date_planned": planned + timedelta(days=component.day - 1),
        }

    def _tourism_plan_guides(self):
        """A calendar entry for each office guide of the programme."""
        event_model = self.env["calendar.event"].sudo()
        for order in self:
            for component in order.tourism_component_ids.filtered(
                lambda c: c.guide_id and not c.calendar_event_id
            ):
                guide = component.guide_id
                tz = pytz.timezone(guide.tz or "Europe/Paris")
                day = order.tourism_trip_date + timedelta(days=component.day - 1)
                local = datetime.combine(day, time()) + timedelta(
                    hours=component.start_time
                )
                start = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
                stop = start + timedelta(hours=component.duration or 1.0)
                component.sudo().calendar_event_id = event_model.create(
                    {
                        "name": self.env._(
                            "%(component)s - %(client)s (%(headcount)s persons)",
                            component=component.name,
                            client=order.partner_id.display_name,
                            headcount=order.tourism_headcount,
                        ),
                        "start": start,
                        "stop": stop,
                        "user_id": guide.id,
                        "partner_ids": [fields.Command.set(guide.partner_id.ids)],
                        "res_model_id": self.env["ir.model"]._get_id("sale.order"),
                        "res_id": order.id,
                        "description": order.name,
                    }
                )

    def _action_cancel(self):
        res = super()._action_cancel()
        groups = self.filtered("tourism_package_id")
        purchases = groups.sudo().tourism_purchase_ids.filtered(
            lambda p: p.state in ("draft", "sent", "to approve")
        )
        purchases.button_cancel()
        events = groups.sudo().tourism_component_ids.calendar_event_id
        events.unlink()
        return res

    # -- invoices ----------------------------------------------------------------

    def _prepare_invoice(self):
        vals = super()._prepare_invoice()
        if self.order_line.filtered("product_id.tourism_margin_scheme"):
            # CGI 242 nonies A: the mention replaces the VAT breakdown.
            mention = self.env._(
                "Special scheme - travel agencies (margin VAT, CGI art. 266-1-e)."
            )
            vals["narration"] = (
                f"<p>{mention}</p>{vals['narration']}"
                if vals.get("narration")
                else mention
            )
        return vals

    def action_tourism_send_booking_requests(self):
        """E-mail every booking request not sent yet with purchase's RFQ template."""
        template = self.env.ref("purchase.email_template_edi_purchase")
        purchases = self.sudo().tourism_purchase_ids.filtered(
            lambda p: p.state == "draft"
        )
        if not purchases:
            raise UserError(self.env._("Every booking request has already been sent."))
        missing = purchases.partner_id.filtered(lambda p: not p.email)
        if missing:
            raise UserError(
                self.env._(
                    "Add an e-mail address to %(suppliers)s first.",
                    suppliers=", ".join(missing.mapped("display_name")),
                )
            )
        for purchase in purchases:
            purchase.with_context(mark_rfq_as_sent=True).message_post_with_source(
                template, subtype_xmlid="mail.mt_comment"
            )
        return True

    def action_tourism_view_purchases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_rfq")
        action["domain"] = [("tourism_group_order_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
