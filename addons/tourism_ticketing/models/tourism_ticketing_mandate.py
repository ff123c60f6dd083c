# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from decimal import Decimal

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import commission as commission_tools
from ..tools import periods as period_tools


class TourismTicketingMandate(models.Model):
    """The convention under which the office sells an organiser's tickets in the
    organiser's name and on its behalf: the ticket money is the organiser's (kept on
    a third-party account), only the commission is the office's turnover."""

    _name = "tourism.ticketing.mandate"
    _description = "Ticket Resale Mandate"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    organiser_id = fields.Many2one(
        "res.partner",
        string="Organiser",
        required=True,
        tracking=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("closed", "Ended")],
        default="draft",
        required=True,
        tracking=True,
    )
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(tracking=True)
    commission_fixed = fields.Monetary(
        string="Fixed Commission per Ticket",
        tracking=True,
        help="Default commission kept on each ticket; a rule by ticket type wins.",
    )
    commission_percent = fields.Float(
        string="Commission (%)", digits=(5, 2), tracking=True
    )
    rule_ids = fields.One2many(
        "tourism.ticketing.commission.rule", "mandate_id", string="Rules by Ticket Type"
    )
    commission_tax_id = fields.Many2one(
        "account.tax",
        string="VAT on Commission",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', '=', company_id)]",
        default=lambda self: self._default_commission_tax(),
        help="A tax-included tax means the commission amounts are VAT included.",
    )
    commission_account_id = fields.Many2one(
        "account.account",
        string="Commission Income Account",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        default=lambda self: self._default_commission_account(),
    )
    third_party_account_id = fields.Many2one(
        "account.account",
        string="Third-Party Account",
        tracking=True,
        help="Account 467 of the organiser: the ticket money collected for it.",
    )
    organiser_vat_rate = fields.Selection(
        [
            ("5.5", "5.5 % (shows, concerts)"),
            ("10", "10 % (sites, museums)"),
            ("20", "20 %"),
            ("0", "Not subject to VAT"),
        ],
        string="Organiser's VAT on the Ticket",
        default="5.5",
        help="Informative: the organiser declares the VAT of its tickets; the rate is "
        "printed on the tickets and statements.",
    )
    settlement_frequency = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("event", "After each event"),
            ("season", "End of season"),
        ],
        default="monthly",
        required=True,
        tracking=True,
        help="A daily scheduled action prepares the draft settlement of each period "
        "once it has ended (the month, the quarter, each event, the season up to "
        "the mandate's end or 31 December) and asks the responsible to validate it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Validates the settlements the scheduled action prepares.",
    )
    settlement_mode = fields.Selection(
        [
            ("invoices", "Vendor bill and commission invoice"),
            ("netted", "One netted entry"),
        ],
        default="invoices",
        required=True,
        help="Vendor bill of the organiser for the ticket money and an invoice of "
        "the commission, withheld from it; or one entry that clears the third-party "
        "account, books the commission and its VAT and leaves the net due payable.",
    )
    convention = fields.Binary(string="Signed Convention", attachment=True)
    convention_filename = fields.Char()
    ticket_product_id = fields.Many2one(
        "product.product",
        string="Event Ticket Product",
        readonly=True,
        copy=False,
        help="Product of this organiser's event tickets: its income account is the "
        "third-party account and it carries no VAT of the office.",
    )
    product_tmpl_ids = fields.One2many(
        "product.template", "tourism_mandate_id", string="Ticket Products"
    )
    event_ids = fields.One2many("event.event", "tourism_mandate_id", string="Events")
    settlement_ids = fields.One2many(
        "tourism.ticketing.settlement", "mandate_id", string="Settlements"
    )

    _sql_constraints = [
        (
            "commission_positive",
            "CHECK(commission_fixed >= 0 AND commission_percent >= 0 "
            "AND commission_percent <= 100)",
            "The commission cannot be negative nor above 100 %.",
        ),
    ]

    @api.model
    def _default_commission_tax(self):
        company = self.env.company
        return (
            self.env["account.chart.template"]
            .with_company(company)
            .ref("tva_normale", raise_if_not_found=False)
            or company.account_sale_tax_id
        )

    @api.model
    def _default_commission_account(self):
        company = self.env.company
        return self.env["account.chart.template"].with_company(company).ref(
            "pcg_706", raise_if_not_found=False
        ) or self.env["account.account"].search(
            [
                ("account_type", "=", "income"),
                ("company_ids", "in", company.ids),
            ],
            limit=1,
        )

    @api.depends("organiser_id", "date_start")
    def _compute_name(self):
        for mandate in self:
            mandate.name = self.env._(
                "Mandate %(organiser)s (%(start)s)",
                organiser=mandate.organiser_id.name or "",
                start=mandate.date_start and mandate.date_start.strftime("%d/%m/%Y"),
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for mandate in self:
            if mandate.date_end and mandate.date_end < mandate.date_start:
                raise ValidationError(
                    self.env._("The mandate cannot end before it starts.")
                )

    @api.constrains("organiser_id", "state", "date_start", "date_end")
    def _check_one_mandate_in_force(self):
        for mandate in self.filtered(lambda m: m.state == "active"):
            others = self.search(
                [
                    ("id", "!=", mandate.id),
                    ("organiser_id", "=", mandate.organiser_id.id),
                    ("company_id", "=", mandate.company_id.id),
                    ("state", "=", "active"),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(organiser)s already has a mandate in force.",
                        organiser=mandate.organiser_id.name,
                    )
                )

    def action_create_third_party_account(self):
        """Open the organiser's 467 account: the next free code 4671xx."""
        Account = self.env["account.account"].sudo()
        for mandate in self.filtered(lambda m: not m.third_party_account_id):
            used = set(
                Account.with_company(mandate.company_id)
                .search([("code", "=like", "4671%")])
                .mapped("code")
            )
            number = 1
            while f"4671{number:02d}" in used:
                number += 1
            mandate.third_party_account_id = Account.create(
                {
                    "code": f"4671{number:02d}",
                    "name": self.env._(
                        "Ticketing %(organiser)s", organiser=mandate.organiser_id.name
                    ),
                    "account_type": "liability_current",
                    "reconcile": True,
                    "company_ids": [Command.set(mandate.company_id.ids)],
                }
            )

    def action_activate(self):
        for mandate in self:
            if not mandate.third_party_account_id:
                mandate.action_create_third_party_account()
            if not mandate.commission_tax_id or not mandate.commission_account_id:
                raise UserError(
                    self.env._(
                        "Set the VAT and the income account of the commission first."
                    )
                )
            mandate.state = "active"
            mandate._ensure_ticket_product()
            mandate.product_tmpl_ids._tourism_apply_mandate()

    def action_close(self):
        self.state = "closed"

    def action_reset_draft(self):
        self.state = "draft"

    def _ensure_ticket_product(self):
        self.ensure_one()
        if self.ticket_product_id:
            return self.ticket_product_id
        category = self.env.ref(
            "pos_event.pos_category_event", raise_if_not_found=False
        )
        self.ticket_product_id = self.env["product.product"].create(
            {
                "name": self.env._(
                    "Ticket %(organiser)s", organiser=self.organiser_id.name
                ),
                "type": "service",
                "service_tracking": "event",
                "available_in_pos": True,
                "pos_categ_ids": [Command.set(category.ids)],
                "list_price": 0.0,
                "tourism_mandate_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        return self.ticket_product_id

    def _commission_terms(self, product, event_ticket=None):
        """(fixed, percent) of a ticket: a rule for the product wins over a rule for
        the ticket type's name, which wins over the mandate's default."""
        self.ensure_one()
        rules = self.rule_ids
        rule = rules.filtered(lambda r: r.product_id and r.product_id == product)[:1]
        if not rule and event_ticket:
            name = (event_ticket.name or "").strip().lower()
            rule = rules.filtered(
                lambda r: not r.product_id
                and (r.ticket_type or "").strip().lower() == name
            )[:1]
        if rule:
            return Decimal(str(rule.commission_fixed)), Decimal(
                str(rule.commission_percent)
            )
        return Decimal(str(self.commission_fixed)), Decimal(
            str(self.commission_percent)
        )

    def _line_commission(self, product, event_ticket, price_unit, quantity, discount=0):
        """Commission of a sale line, worked out exactly from the unit price and
        the discount as stored (never from a float product of the two)."""
        self.ensure_one()
        fixed, percent = self._commission_terms(product, event_ticket)
        return float(
            commission_tools.line_commission(
                Decimal(str(price_unit)),
                Decimal(str(quantity)),
                fixed,
                percent,
                Decimal(str(discount or 0)),
            )
        )

    @api.model
    def _for_organiser(self, organiser, company=None):
        return self.search(
            [
                ("organiser_id", "=", organiser.commercial_partner_id.id),
                ("state", "=", "active"),
                ("company_id", "=", (company or self.env.company).id),
            ],
            limit=1,
        )

    # -- scheduled settlements ---------------------------------------------------

    def _with_sales_to_settle(self, date_to):
        """The mandates of ``self`` with sales not settled yet up to ``date_to``
        (one grouped query per source)."""
        end = fields.Datetime.to_datetime(date_to).replace(
            hour=23, minute=59, second=59
        )
        pos_groups = self.env["pos.order.line"]._read_group(
            [
                ("tourism_mandate_id", "in", self.ids),
                ("tourism_settlement_id", "=", False),
                ("order_id.state", "in", ("paid", "done", "invoiced")),
                ("order_id.date_order", "<=", end),
            ],
            ["tourism_mandate_id"],
        )
        move_groups = self.env["account.move.line"]._read_group(
            [
                ("tourism_mandate_id", "in", self.ids),
                ("tourism_settlement_id", "=", False),
                ("move_id.state", "=", "posted"),
                ("move_id.pos_order_ids", "=", False),
                ("date", "<=", date_to),
            ],
            ["tourism_mandate_id"],
        )
        return (
            self.browse({mandate.id for (mandate,) in pos_groups + move_groups}) & self
        )

    def _settlement_period_due(self, today):
        """(first, last day) of the latest period of the mandate's frequency that
        has ended before ``today``, or None."""
        self.ensure_one()
        event_ends = [
            event.date_end.date() for event in self.event_ids if event.date_end
        ]
        period = period_tools.last_ended_period(
            self.settlement_frequency,
            today,
            season_end=self.date_end,
            event_ends=event_ends,
        )
        if not period or period[1] < self.date_start:
            return None
        first, last = period
        return max(first or self.date_start, self.date_start), last

    @api.model
    def _cron_generate_settlements(self):
        """Daily: the draft settlement of each organiser whose period has ended,
        once per period; the responsible gets an activity to validate it."""
        today = fields.Date.context_today(self)
        Settlement = self.env["tourism.ticketing.settlement"]
        prepared = Settlement
        for mandate in self.search([("state", "in", ("active", "closed"))]):
            period = mandate._settlement_period_due(today)
            if not period:
                continue
            date_from, date_to = period
            settled_to = max(mandate.settlement_ids.mapped("date_to"), default=None)
            if settled_to and settled_to >= date_to:
                continue  # this period (or a later one) is already settled
            draft = mandate.settlement_ids.filtered(lambda s: s.state == "draft")[:1]
            if not draft and not mandate._with_sales_to_settle(date_to):
                continue
            if settled_to:
                # Nothing left out: the period starts where the last one ended.
                date_from = settled_to + timedelta(days=1)
            if draft:
                draft.date_to = date_to
                settlement = draft
            else:
                settlement = Settlement.create(
                    {
                        "mandate_id": mandate.id,
                        "date_from": min(date_from, date_to),
                        "date_to": date_to,
                    }
                )
            settlement.action_compute()
            settlement._notify_prepared()
            prepared |= settlement
        return prepared
