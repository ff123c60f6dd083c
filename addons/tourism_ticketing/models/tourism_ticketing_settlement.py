# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time
from decimal import Decimal

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

from ..tools import commission as commission_tools


class TourismTicketingSettlement(models.Model):
    """Reversement: what the office owes an organiser for the tickets sold in its
    name up to the end of a period, less the commission. Every sale line is taken by
    at most one settlement; a line left over from an earlier period is taken by
    the next one, so nothing is forgotten nor counted twice."""

    _name = "tourism.ticketing.settlement"
    _description = "Ticket Settlement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "tourism.money.document.mixin",
    ]
    _order = "date_to desc, id desc"

    # Validated means final (tourism_base's money documents): the state moves only
    # through action_validate; what makes the amounts, the entries and the number
    # is frozen; only a draft can be deleted.
    _money_draft_states = ("draft",)
    _money_locked_fields = (
        "name",
        "mandate_id",
        "date_from",
        "date_to",
        "pos_line_ids",
        "move_line_ids",
        "line_ids",
        "tickets_sold",
        "tickets_refunded",
        "gross_sold",
        "gross_refunded",
        "gross",
        "commission_excluded",
        "commission_tax",
        "commission_included",
        "net_due",
        "invoice_id",
        "bill_id",
        "netting_move_id",
    )

    # Numbered at validation; a draft has no number, and is shown as such in the
    # reader's language (a stored "New" stayed English in the French lists).
    name = fields.Char(readonly=True, copy=False)
    mandate_id = fields.Many2one(
        "tourism.ticketing.mandate",
        required=True,
        index=True,
        tracking=True,
        domain="[('state', '!=', 'draft')]",
    )
    organiser_id = fields.Many2one(
        related="mandate_id.organiser_id", store=True, index=True
    )
    company_id = fields.Many2one(related="mandate_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Validated")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    pos_line_ids = fields.One2many(
        "pos.order.line", "tourism_settlement_id", string="Till Sales", readonly=True
    )
    move_line_ids = fields.One2many(
        "account.move.line",
        "tourism_settlement_id",
        string="Invoiced Sales",
        readonly=True,
    )
    line_ids = fields.One2many(
        "tourism.ticketing.settlement.line", "settlement_id", readonly=True
    )
    tickets_sold = fields.Integer(readonly=True)
    tickets_refunded = fields.Integer(readonly=True)
    gross_sold = fields.Monetary(string="Sold", readonly=True)
    gross_refunded = fields.Monetary(string="Refunded", readonly=True)
    gross = fields.Monetary(string="Collected", readonly=True)
    commission_excluded = fields.Monetary(string="Commission excl. VAT", readonly=True)
    commission_tax = fields.Monetary(string="VAT on Commission", readonly=True)
    commission_included = fields.Monetary(string="Commission incl. VAT", readonly=True)
    net_due = fields.Monetary(string="Net Due to the Organiser", readonly=True)
    amount_in_words = fields.Char(compute="_compute_amount_in_words")
    invoice_id = fields.Many2one(
        "account.move", string="Commission Invoice", readonly=True, copy=False
    )
    bill_id = fields.Many2one(
        "account.move", string="Vendor Bill", readonly=True, copy=False
    )
    netting_move_id = fields.Many2one(
        "account.move", string="Netting Entry", readonly=True, copy=False
    )

    @api.depends("net_due")
    def _compute_amount_in_words(self):
        for settlement in self:
            settlement.amount_in_words = commission_tools.amount_in_words(
                Decimal(str(settlement.net_due))
            )

    def _compute_access_url(self):
        # portal.mixin's default ('#') is replaced for every record.
        for settlement in self:
            settlement.access_url = f"/my/ticketing/settlement/{settlement.id}"

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for settlement in self:
            if settlement.date_to < settlement.date_from:
                raise ValidationError(
                    self.env._("The period cannot end before it starts.")
                )

    # -- taking the sales --------------------------------------------------------

    def _period_end(self):
        return datetime.combine(self.date_to, time.max)

    def _free_pos_lines(self):
        return self.env["pos.order.line"].search(
            [
                ("tourism_mandate_id", "=", self.mandate_id.id),
                ("tourism_settlement_id", "=", False),
                ("order_id.state", "in", ("paid", "done", "invoiced")),
                ("order_id.date_order", "<=", self._period_end()),
            ]
        )

    def _free_move_lines(self):
        return self.env["account.move.line"].search(
            [
                ("tourism_mandate_id", "=", self.mandate_id.id),
                ("tourism_settlement_id", "=", False),
                ("move_id.state", "=", "posted"),
                ("move_id.pos_order_ids", "=", False),
                ("date", "<=", self.date_to),
            ]
        )

    def action_compute(self):
        """Take every sale of the organiser not settled yet, up to the period end."""
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(self.env._("A validated settlement cannot be changed."))
            settlement._take_pos_lines(settlement.pos_line_ids, False)
            settlement.move_line_ids.sudo().tourism_settlement_id = False
            settlement._take_pos_lines(settlement._free_pos_lines(), settlement.id)
            settlement._free_move_lines().sudo().tourism_settlement_id = settlement
            settlement._compute_lines_and_totals()
        return True

    @staticmethod
    def _take_pos_lines(lines, settlement_id):
        # pos.order.line.write reads its lines' till as one record: one till a call.
        by_config = {}
        for line in lines:
            by_config.setdefault(line.order_id.config_id, line.browse())
            by_config[line.order_id.config_id] |= line
        for config_lines in by_config.values():
            config_lines.sudo().write({"tourism_settlement_id": settlement_id})

    def _sale_rows(self):
        """(event, event ticket, product, quantity, amount, commission) per sale."""
        self.ensure_one()
        for line in self.pos_line_ids:
            yield (
                line.event_ticket_id.event_id,
                line.event_ticket_id,
                line.product_id,
                line.order_id.config_id.tourism_bit_id,
                line.qty,
                line.price_subtotal_incl,
                line.tourism_commission,
            )
        for line in self.move_line_ids:
            sign = -1 if line.move_id.move_type == "out_refund" else 1
            sale_line = line.sale_line_ids[:1]
            yield (
                sale_line.event_id,
                sale_line.event_ticket_id,
                line.product_id,
                self.env["tourism.bit"],
                sign * line.quantity,
                sign * line.price_total,
                line.tourism_commission,
            )

    def _compute_lines_and_totals(self):
        self.ensure_one()
        groups = defaultdict(lambda: [0.0, 0.0, Decimal(0), Decimal(0), Decimal(0)])
        rows = []
        for event, ticket, product, _bit, qty, amount, commission in self._sale_rows():
            amount = Decimal(str(amount))
            commission = Decimal(str(commission))
            rows.append((Decimal(str(qty)), amount, commission))
            group = groups[(event.id, ticket.id, product.id)]
            if qty < 0:
                group[1] -= qty
                group[3] -= amount
            else:
                group[0] += qty
                group[2] += amount
            group[4] += commission
        tax = self.mandate_id.commission_tax_id
        totals = commission_tools.settlement_totals(
            rows, Decimal(str(tax.amount or 0)), bool(tax.price_include)
        )
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "event_id": event_id,
                    "event_ticket_id": ticket_id,
                    "product_id": product_id,
                    "quantity_sold": sold,
                    "quantity_refunded": refunded,
                    "amount_sold": float(amount_sold),
                    "amount_refunded": float(amount_refunded),
                    "commission": float(commission),
                }
            )
            for (event_id, ticket_id, product_id), (
                sold,
                refunded,
                amount_sold,
                amount_refunded,
                commission,
            ) in sorted(groups.items(), key=lambda item: tuple(x or 0 for x in item[0]))
        ]
        self.write(
            {
                "tickets_sold": int(totals.tickets_sold),
                "tickets_refunded": int(totals.tickets_refunded),
                "gross_sold": float(totals.gross_sold),
                "gross_refunded": float(totals.gross_refunded),
                "gross": float(totals.gross),
                "commission_excluded": float(totals.commission_excluded),
                "commission_tax": float(totals.commission_tax),
                "commission_included": float(totals.commission_included),
                "net_due": float(totals.net_due),
            }
        )

    # -- validation and entries --------------------------------------------------

    def action_validate(self):
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(self.env._("This settlement is already validated."))
            settlement.action_compute()
            if not (settlement.pos_line_ids or settlement.move_line_ids):
                raise UserError(
                    self.env._("No ticket of this organiser is left to settle.")
                )
            if settlement.net_due < 0:
                raise UserError(
                    self.env._(
                        "The refunds exceed the sales: the organiser owes the office "
                        "%(amount)s; settle it by hand.",
                        amount=-settlement.net_due,
                    )
                )
            settlement._create_entries()
            settlement._reconcile_third_party_account()
            name = self.env["ir.sequence"].next_by_code("tourism.ticketing.settlement")
            settlement._money_set_state("done", {"name": name})
        return True

    def _create_entries(self):
        if self.mandate_id.settlement_mode == "netted":
            return self._create_netted_entry()
        return self._create_invoices()

    def _reconcile_third_party_account(self):
        """Match the organiser's 467: what stays open afterwards is exactly the
        ticket money not settled yet (partially when a session straddles two
        settlements)."""
        account = self.mandate_id.third_party_account_id
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("account_id", "=", account.id),
                    ("reconciled", "=", False),
                    ("parent_state", "=", "posted"),
                ],
                order="date, id",
            )
        )
        if lines.filtered(lambda line: line.balance > 0) and lines.filtered(
            lambda line: line.balance < 0
        ):
            lines.reconcile()

    def _general_journal(self):
        return self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.company_id.id)],
            limit=1,
        )

    def _create_netted_entry(self):
        """One entry: the organiser's 467 is cleared, the commission is revenue
        (Odoo adds its VAT line and the VAT return tags) and the net due waits on
        the organiser's payable account."""
        self.ensure_one()
        mandate = self.mandate_id
        tax = mandate.commission_tax_id
        label = self.env._(
            "Tickets sold for %(organiser)s up to %(end)s",
            organiser=self.organiser_id.name,
            end=self.date_to.strftime("%d/%m/%Y"),
        )
        payable = self.organiser_id.with_company(
            self.company_id
        ).property_account_payable_id
        partner = self.organiser_id.id
        lines = [
            Command.create(
                {
                    "name": label,
                    "account_id": mandate.third_party_account_id.id,
                    "partner_id": partner,
                    "debit": self.gross,
                }
            ),
            Command.create(
                {
                    "name": self.env._("Commission on the tickets sold"),
                    "account_id": mandate.commission_account_id.id,
                    "partner_id": partner,
                    "credit": self.commission_excluded,
                    "tax_ids": [Command.set(tax.ids)],
                }
            ),
            Command.create(
                {
                    "name": label,
                    "account_id": payable.id,
                    "partner_id": partner,
                    "credit": self.net_due,
                }
            ),
        ]
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": self._general_journal().id,
                    "date": fields.Date.context_today(self),
                    "ref": label,
                    "line_ids": lines,
                }
            )
        )
        tax_amount = sum(move.line_ids.filtered("tax_line_id").mapped("credit"))
        if self.currency_id.compare_amounts(tax_amount, self.commission_tax):
            raise UserError(
                self.env._(
                    "The VAT of the entry (%(entry)s) does not match the statement "
                    "(%(statement)s).",
                    entry=tax_amount,
                    statement=self.commission_tax,
                )
            )
        move.action_post()
        self._money_write({"netting_move_id": move.id})
        return move

    def _create_invoices(self):
        """Vendor bill of the organiser for the ticket money (clears its 467
        account), commission invoice to the organiser (revenue and VAT), and a
        netting entry so that what is left to pay on the bill is the net due."""
        self.ensure_one()
        mandate = self.mandate_id
        Move = self.env["account.move"].sudo().with_company(self.company_id)
        today = fields.Date.context_today(self)
        period = self.env._(
            "Tickets sold for %(organiser)s up to %(end)s",
            organiser=self.organiser_id.name,
            end=self.date_to.strftime("%d/%m/%Y"),
        )
        bill = Move.create(
            {
                "move_type": "in_invoice",
                "partner_id": self.organiser_id.id,
                "invoice_date": today,
                "ref": period,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": period,
                            "account_id": mandate.third_party_account_id.id,
                            "quantity": 1,
                            "price_unit": self.gross,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        bill.action_post()
        values = {"bill_id": bill.id}
        if self.commission_included:
            tax = mandate.commission_tax_id
            invoice = Move.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.organiser_id.id,
                    "invoice_date": today,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": self.env._(
                                    "Commission on %(count)s ticket(s) sold: "
                                    "%(period)s",
                                    count=self.tickets_sold - self.tickets_refunded,
                                    period=period,
                                ),
                                "account_id": mandate.commission_account_id.id,
                                "quantity": 1,
                                "price_unit": self.commission_included
                                if tax.price_include
                                else self.commission_excluded,
                                "tax_ids": [Command.set(tax.ids)],
                            }
                        )
                    ],
                }
            )
            invoice.action_post()
            if invoice.currency_id.compare_amounts(
                invoice.amount_total, self.commission_included
            ):
                raise UserError(
                    self.env._(
                        "The commission invoice (%(invoice)s) does not match the "
                        "statement (%(statement)s).",
                        invoice=invoice.amount_total,
                        statement=self.commission_included,
                    )
                )
            values["invoice_id"] = invoice.id
            values["netting_move_id"] = self._net_off(bill, invoice).id
        self._money_write(values)
        return bill

    def _net_off(self, bill, invoice):
        """The commission is withheld from the ticket money: clear the commission
        receivable against the bill's payable."""
        payable = bill.line_ids.filtered(
            lambda line: line.account_id.account_type == "liability_payable"
        )
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        amount = self.commission_included
        journal = self._general_journal()
        label = self.env._("Commission withheld: %(invoice)s", invoice=invoice.name)
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": invoice.invoice_date,
                    "ref": label,
                    "line_ids": [
                        Command.create(
                            {
                                "name": label,
                                "account_id": payable.account_id.id,
                                "partner_id": self.organiser_id.id,
                                "debit": amount,
                            }
                        ),
                        Command.create(
                            {
                                "name": label,
                                "account_id": receivable.account_id.id,
                                "partner_id": self.organiser_id.id,
                                "credit": amount,
                            }
                        ),
                    ],
                }
            )
        )
        move.action_post()
        (payable | move.line_ids.filtered(lambda line: line.debit)).reconcile()
        (receivable | move.line_ids.filtered(lambda line: line.credit)).reconcile()
        return move

    def _notify_prepared(self):
        """Tell the mandate's responsible (else the office's managers' first) that
        the scheduled action prepared this draft."""
        for settlement in self:
            settlement.message_post(
                body=self.env._(
                    "Draft prepared by the scheduled settlement (%(frequency)s) for "
                    "the sales up to %(end)s: %(count)s ticket(s), net due "
                    "%(net)s. Check it and validate it.",
                    frequency=dict(
                        settlement.mandate_id._fields[
                            "settlement_frequency"
                        ]._description_selection(self.env)
                    )[settlement.mandate_id.settlement_frequency],
                    end=settlement.date_to.strftime("%d/%m/%Y"),
                    count=settlement.tickets_sold - settlement.tickets_refunded,
                    net=format_amount(
                        self.env, settlement.net_due, settlement.currency_id
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )
            user = (
                settlement.mandate_id.user_id
                or self.env.ref("tourism_base.group_tourism_manager").users.filtered(
                    lambda u: not u.share
                )[:1]
            )
            if user:
                settlement.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(settlement),
                    summary=self.env._("Validate the ticket settlement"),
                    user_id=user.id,
                )

    def action_print(self):
        return self.env.ref(
            "tourism_ticketing.action_report_ticketing_settlement"
        ).report_action(self)

    @api.depends("name", "organiser_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = settlement.name or self.env._(
                "Draft settlement of %(organiser)s",
                organiser=settlement.organiser_id.name or "",
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Settlement %(name)s", name=self.display_name)
