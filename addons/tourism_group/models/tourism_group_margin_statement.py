# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.pricing import included_vat, period_margin_vat


class TourismGroupMarginStatement(models.Model):
    """Margin VAT of one period (CGI 266-1-e): the margins of its trips offset each
    other; a negative total gives no VAT and is carried forward onto the next
    periods. The office's own services are taxed apart on their share of the
    price, the margin on services supplied outside the EU is exempt (CGI 262
    bis). Closing posts the VAT due to the VAT account."""

    _name = "tourism.group.margin.statement"
    _inherit = ["mail.thread", "tourism.money.document.mixin"]
    _description = "Margin VAT statement"
    _order = "date_from desc"

    # Closed means final (tourism_base's money documents): the state moves only
    # through action_close; the period, the basis and the trips are frozen; only a
    # draft can be deleted. A later correction is a regularisation of a later period.
    _money_draft_states = ("draft",)
    _money_locked_fields = (
        "company_id",
        "date_from",
        "date_to",
        "basis",
        "line_ids",
        "loss_carried_in",
        "move_id",
    )

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # The last complete month: statements are usually made monthly.
    date_from = fields.Date(
        "From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
    )
    date_to = fields.Date(
        "To",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(days=1),
    )
    # VAT on services is due when the price or a deposit is received (CGI art.
    # 269-2-c; CJEU C-422/17 Skarpa Travel for the margin scheme): payments are
    # the default. The suppliers' bills are deducted in the period they are dated
    # and a negative period is carried forward: once the real costs are known,
    # the VAT paid on the deposits is regularised on the following periods.
    basis = fields.Selection(
        [("payment", "Payments of the period"), ("trip", "Trips of the period")],
        required=True,
        default="payment",
        help="Payments of the period (the rule): the clients' payments received, "
        "deposits included, and the supplier bills dated in the period, for every "
        "group sale. Trips of the period: each trip's contract amount and costs in "
        "the period of its date.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "tourism.group.margin.statement.line", "statement_id", "Trips"
    )
    sales = fields.Monetary(compute="_compute_totals", store=True)
    in_house_price = fields.Monetary(
        "In-house services",
        compute="_compute_totals",
        store=True,
        help="Share of the price for the services the office supplies itself, "
        "taxed under the ordinary rules.",
    )
    in_house_vat = fields.Monetary(
        "VAT on in-house services", compute="_compute_totals", store=True
    )
    costs = fields.Monetary(compute="_compute_totals", store=True)
    margin_outside_eu = fields.Monetary(
        "Margin outside the EU (exempt)", compute="_compute_totals", store=True
    )
    margin = fields.Monetary("Margin (EU)", compute="_compute_totals", store=True)
    loss_carried_in = fields.Monetary(
        "Negative margin brought forward",
        readonly=True,
        help="What the earlier closed statements could not set off.",
    )
    taxable_margin = fields.Monetary(compute="_compute_totals", store=True)
    vat = fields.Monetary("VAT on the margin", compute="_compute_totals", store=True)
    net_margin = fields.Monetary(
        "Margin excl. VAT", compute="_compute_totals", store=True
    )
    loss_carried_out = fields.Monetary(
        "Negative margin carried forward", compute="_compute_totals", store=True
    )
    vat_total = fields.Monetary("VAT due", compute="_compute_totals", store=True)
    move_id = fields.Many2one(
        "account.move", "VAT entry", readonly=True, copy=False, index=True
    )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for statement in self:
            if statement.date_from and statement.date_to:
                statement.name = self.env._(
                    "Margin VAT %(start)s - %(end)s",
                    start=fields.Date.to_string(statement.date_from),
                    end=fields.Date.to_string(statement.date_to),
                )
            else:
                statement.name = self.env._("Margin VAT")

    @api.depends(
        "line_ids.sales",
        "line_ids.costs",
        "line_ids.in_house_price",
        "line_ids.costs_outside_eu",
        "line_ids.price_outside_eu",
        "loss_carried_in",
    )
    def _compute_totals(self):
        for statement in self:
            digits = statement.currency_id.decimal_places or 2

            def dec(value, digits=digits):
                return Decimal(f"{value:.{digits}f}")

            lines = statement.line_ids
            in_house = sum((dec(v) for v in lines.mapped("in_house_price")), Decimal(0))
            outside_price = sum(
                (dec(v) for v in lines.mapped("price_outside_eu")), Decimal(0)
            )
            outside_costs = sum(
                (dec(v) for v in lines.mapped("costs_outside_eu")), Decimal(0)
            )
            sales = sum((dec(v) for v in lines.mapped("sales")), Decimal(0))
            costs = sum((dec(v) for v in lines.mapped("costs")), Decimal(0))
            result = period_margin_vat(
                [(sales - in_house - outside_price, costs - outside_costs)],
                loss_carried_in=dec(statement.loss_carried_in),
            )
            in_house_vat = included_vat(in_house)
            statement.sales = float(sales)
            statement.in_house_price = float(in_house)
            statement.in_house_vat = float(in_house_vat)
            statement.costs = float(costs)
            statement.margin_outside_eu = float(outside_price - outside_costs)
            statement.margin = float(result.margin)
            statement.taxable_margin = float(result.taxable_margin)
            statement.vat = float(result.vat)
            statement.net_margin = float(result.net_margin)
            statement.loss_carried_out = float(result.loss_carried_out)
            statement.vat_total = float(result.vat + in_house_vat)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for statement in self:
            if statement.date_to < statement.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_compute(self):
        """One line per group sale with sales or costs in the period."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(self.env._("A closed statement is not recomputed."))
            domain = [
                ("company_id", "=", statement.company_id.id),
                ("state", "=", "sale"),
                ("order_line.product_id.tourism_margin_scheme", "=", True),
            ]
            if statement.basis == "trip":
                domain += [
                    ("tourism_trip_date", ">=", statement.date_from),
                    ("tourism_trip_date", "<=", statement.date_to),
                ]
            orders = self.env["sale.order"].search(
                domain, order="tourism_trip_date, id"
            )
            values = [statement._line_values(order) for order in orders]
            if statement.basis == "payment":
                values = [v for v in values if v["sales"] or v["costs"]]
            statement.write(
                {
                    "line_ids": [fields.Command.clear()]
                    + [fields.Command.create(vals) for vals in values],
                    "loss_carried_in": statement._previous_loss(),
                }
            )
        return True

    def _previous_loss(self):
        """The negative margin the last closed statement before this one carried
        forward (BOI-TVA-SECT-60: the margin is global per period, an excess of
        expenses is set off against the following periods)."""
        self.ensure_one()
        previous = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("date_to", "<", self.date_from),
            ],
            order="date_to desc, id desc",
            limit=1,
        )
        return previous.loss_carried_out

    @staticmethod
    def _bill_costs(order, bills):
        """(amount VAT included, outside the EU) of each supplier bill (credit
        notes negative), outside the EU when the booked components are."""
        outside = {
            line.purchase_line_id.order_id
            for line in order.sudo().tourism_component_ids
            if line.outside_eu and line.purchase_line_id
        }
        return [
            (
                -bill.amount_total_signed,
                bool(outside & set(bill.invoice_line_ids.purchase_line_id.order_id)),
            )
            for bill in bills
        ]

    @staticmethod
    def _split_values(split, share=1):
        """Line values of a tools.pricing.PackageSplit, ``share`` of its price."""
        return {
            "in_house_price": float(split.in_house_price * share),
            "price_outside_eu": float(split.price_outside_eu * share),
        }

    def _line_values(self, order):
        if self.basis == "payment":
            return self._line_values_payment(order)
        lines = order.order_line.filtered("product_id.tourism_margin_scheme")
        price = sum(lines.mapped("price_total"))
        # The accountant reads the bills of the bookings without purchase rights.
        bills = order.sudo().tourism_purchase_ids.invoice_ids.filtered(
            lambda m: m.state == "posted"
        )
        if bills:
            # After the trip: what the suppliers billed (credit notes deducted).
            third_party = self._bill_costs(order, bills)
            source = "bills"
        else:
            third_party = None
            source = "estimate"
        split = order._tourism_split(price, third_party)
        return {
            "order_id": order.id,
            "sales": float(split.price),
            "costs": float(split.costs),
            "costs_outside_eu": float(split.costs_outside_eu),
            "cost_source": source,
            **self._split_values(split),
        }

    def _in_period(self, day):
        return self.date_from <= day <= self.date_to

    def _line_values_payment(self, order):
        """Encaissements: payments received in the period on the sale's invoices
        (deposits included), less the supplier bills of its bookings dated in it."""
        sales = 0.0
        invoices = order.invoice_ids.filtered(lambda m: m.state == "posted")
        for invoice in invoices:
            sign = -1 if invoice.move_type == "out_refund" else 1
            partials, _exchange = invoice._get_reconciled_invoices_partials()
            for partial, _amount, counterpart in partials:
                move = counterpart.move_id
                # A credit note set against an invoice is no payment.
                if move.origin_payment_id or move.statement_line_id:
                    if self._in_period(counterpart.date):
                        sales += sign * partial.amount
        bills = order.sudo().tourism_purchase_ids.invoice_ids.filtered(
            lambda m: m.state == "posted" and self._in_period(m.invoice_date or m.date)
        )
        costs = self._bill_costs(order, bills)
        # The payments received carry their share of the in-house services and of
        # the services outside the EU, as the sale's price does.
        price = sum(
            order.order_line.filtered("product_id.tourism_margin_scheme").mapped(
                "price_total"
            )
        )
        split = order._tourism_split(price)
        share = Decimal(str(sales)) / split.price if split.price else Decimal(0)
        values = self._split_values(split, share)
        return {
            "order_id": order.id,
            "sales": sales,
            "costs": sum(amount for amount, _outside in costs),
            "costs_outside_eu": sum(amount for amount, outside in costs if outside),
            "cost_source": "bills",
            **{key: order.currency_id.round(value) for key, value in values.items()},
        }

    def action_close(self):
        for statement in self:
            if statement.state != "draft":
                raise UserError(self.env._("This statement is already closed."))
            if not statement.line_ids:
                raise UserError(self.env._("Compute the statement before closing it."))
        for statement in self:
            statement._money_set_state("done", {"move_id": statement._post_vat().id})

    def _vat_tax(self):
        """The company's standard-rate sale VAT (20 %, CGI art. 278)."""
        taxes = (
            self.env["account.tax"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("type_tax_use", "=", "sale"),
                    ("amount_type", "=", "percent"),
                    ("amount", "=", 20.0),
                ],
                order="sequence, id",
            )
        )
        return taxes.filtered(lambda tax: not tax.price_include)[:1] or taxes[:1]

    def _post_vat(self):
        """Move the VAT due out of the group sales' revenue into the VAT-due
        account, so that the VAT return is prepared from the books: the margin
        VAT and the VAT on the in-house services."""
        self.ensure_one()
        amount = self.currency_id.round(self.vat_total)
        if self.currency_id.is_zero(amount):
            return self.env["account.move"]
        tax = self._vat_tax()
        repartition = tax.invoice_repartition_line_ids.filtered(
            lambda line: line.repartition_type == "tax" and line.account_id
        )[:1]
        product = self.line_ids.order_id.order_line.filtered(
            "product_id.tourism_margin_scheme"
        ).product_id[:1]
        income = product.product_tmpl_id.sudo()._get_product_accounts()["income"]
        if not repartition or not income:
            raise UserError(
                self.env._(
                    "Set the 20 %% sale VAT's account and the group packages' "
                    "income account first."
                )
            )
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [("type", "=", "general"), ("company_id", "=", self.company_id.id)],
                limit=1,
            )
        )
        lines = [
            fields.Command.create(
                {
                    "name": self.env._(
                        "VAT included in the group sales: %(name)s", name=self.name
                    ),
                    "account_id": income.id,
                    "debit": amount,
                }
            )
        ]
        for label, part in (
            (self.env._("Margin VAT (CGI art. 266-1-e)"), self.vat),
            (self.env._("VAT on the in-house services"), self.in_house_vat),
        ):
            if not self.currency_id.is_zero(part):
                lines.append(
                    fields.Command.create(
                        {
                            "name": label,
                            "account_id": repartition.account_id.id,
                            "tax_repartition_line_id": repartition.id,
                            "credit": self.currency_id.round(part),
                        }
                    )
                )
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": self.date_to,
                    "ref": self.name,
                    "line_ids": lines,
                }
            )
        )
        move.action_post()
        return move
