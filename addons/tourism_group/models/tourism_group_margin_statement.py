# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.pricing import period_margin_vat


class TourismGroupMarginStatement(models.Model):
    """Margin VAT of one period (CGI 266-1-e): the margins of its trips offset each
    other, a negative total gives no VAT and is not carried over."""

    _name = "tourism.group.margin.statement"
    _inherit = ["mail.thread"]
    _description = "Margin VAT statement"
    _order = "date_from desc"

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
    basis = fields.Selection(
        [("trip", "Trips of the period"), ("payment", "Payments of the period")],
        required=True,
        default="trip",
        help="Trips of the period: each trip's contract amount and costs in the period "
        "of its date. Payments of the period: the clients' payments received and the "
        "supplier bills dated in the period, for every group sale.",
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
    costs = fields.Monetary(compute="_compute_totals", store=True)
    margin = fields.Monetary(compute="_compute_totals", store=True)
    taxable_margin = fields.Monetary(compute="_compute_totals", store=True)
    vat = fields.Monetary("VAT due", compute="_compute_totals", store=True)
    net_margin = fields.Monetary(
        "Margin excl. VAT", compute="_compute_totals", store=True
    )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for statement in self:
            if statement.date_from and statement.date_to:
                statement.name = _(
                    "Margin VAT %(start)s - %(end)s",
                    start=fields.Date.to_string(statement.date_from),
                    end=fields.Date.to_string(statement.date_to),
                )
            else:
                statement.name = _("Margin VAT")

    @api.depends("line_ids.sales", "line_ids.costs")
    def _compute_totals(self):
        for statement in self:
            digits = statement.currency_id.decimal_places or 2
            result = period_margin_vat(
                [
                    (
                        Decimal(f"{line.sales:.{digits}f}"),
                        Decimal(f"{line.costs:.{digits}f}"),
                    )
                    for line in statement.line_ids
                ]
            )
            statement.sales = float(result.sales)
            statement.costs = float(result.costs)
            statement.margin = float(result.margin)
            statement.taxable_margin = float(result.taxable_margin)
            statement.vat = float(result.vat)
            statement.net_margin = float(result.net_margin)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for statement in self:
            if statement.date_to < statement.date_from:
                raise ValidationError(_("The period ends before it starts."))

    def action_compute(self):
        """One line per group sale with sales or costs in the period."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(_("A closed statement is not recomputed."))
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
            statement.line_ids = [fields.Command.clear()] + [
                fields.Command.create(vals) for vals in values
            ]
        return True

    def _line_values(self, order):
        if self.basis == "payment":
            return self._line_values_payment(order)
        lines = order.order_line.filtered("product_id.tourism_margin_scheme")
        # The accountant reads the bills of the bookings without purchase rights.
        bills = order.sudo().tourism_purchase_ids.invoice_ids.filtered(
            lambda m: m.state == "posted"
        )
        if bills:
            # After the trip: what the suppliers billed (credit notes deducted).
            costs = -sum(bills.mapped("amount_total_signed"))
            source = "bills"
        else:
            costs = order.tourism_cost_total
            source = "estimate"
        return {
            "order_id": order.id,
            "sales": sum(lines.mapped("price_total")),
            "costs": costs,
            "cost_source": source,
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
        return {
            "order_id": order.id,
            "sales": sales,
            "costs": -sum(bills.mapped("amount_total_signed")),
            "cost_source": "bills",
        }

    def action_close(self):
        for statement in self:
            if not statement.line_ids:
                raise UserError(_("Compute the statement before closing it."))
        self.state = "done"

    def action_reopen(self):
        self.state = "draft"

    def unlink(self):
        if self.filtered(lambda s: s.state == "done"):
            raise UserError(_("A closed statement cannot be deleted."))
        return super().unlink()
