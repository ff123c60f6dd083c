# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from decimal import Decimal

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..tools.calculator import (
    TaxBreakdown,
    from_cents,
    late_interest,
    platform_due_dates,
    split_collected,
)
from ..tools.platform_import import parse_remittance
from ..tools.stay_import import ImportProblem
from .tourism_tax_deliberation import to_decimal


class TourismTaxRemittance(models.Model):
    """What a platform collected for its hosts and paid to the collectivity (by 30 June
    and 31 December, L2333-34): the statement, matched with the known lodgings."""

    _name = "tourism.tax.remittance"
    _description = "Platform Remittance"
    _inherit = ["tourism.money.document.mixin", "mail.thread"]
    _order = "date desc, id desc"
    # Once booked, the statement and its lines are final.
    _money_locked_fields = (
        "platform_id",
        "epci_id",
        "move_id",
        "date",
        "company_id",
        "amount_received",
        "line_ids",
        "file",
        "filename",
    )

    platform_id = fields.Many2one(
        "res.partner",
        string="Platform",
        required=True,
        domain=[("is_tourism_platform", "=", True)],
        tracking=True,
    )
    date = fields.Date(string="Paid on", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_received = fields.Monetary(
        tracking=True, help="The payment received from the platform."
    )
    line_ids = fields.One2many("tourism.tax.remittance.line", "remittance_id")
    amount_declared = fields.Monetary(
        string="Tax on the Statement", compute="_compute_totals", store=True
    )
    difference = fields.Monetary(compute="_compute_totals", store=True)
    unmatched_count = fields.Integer(
        string="Unknown Listings", compute="_compute_totals", store=True
    )
    file = fields.Binary(string="Statement (CSV)", attachment=True)
    filename = fields.Char()
    epci_id = fields.Many2one(
        "tourism.epci",
        string="Collectivity",
        tracking=True,
        help="The collectivity the platform paid: its deliberation gives the add-ons "
        "the tax collected is split into.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("posted", "Posted")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    due_date = fields.Date(
        string="Latest Due Date",
        compute="_compute_interest",
        store=True,
        help="CGCT L2333-34: by 30 June for the tax collected in the first half, by "
        "31 December for the second half, its balance with the next 30 June "
        "payment at the latest.",
    )
    interest_amount = fields.Monetary(
        string="Late Interest",
        compute="_compute_interest",
        store=True,
        help="0.20 % per month started on what was remitted after its latest due "
        "date (L2333-38).",
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", readonly=True, copy=False, tracking=True
    )

    @api.depends("line_ids.tax_collected", "line_ids.lodging_id", "amount_received")
    def _compute_totals(self):
        for remittance in self:
            lines = remittance.line_ids
            remittance.amount_declared = sum(lines.mapped("tax_collected"))
            remittance.difference = (
                remittance.amount_received - remittance.amount_declared
            )
            remittance.unmatched_count = len(
                lines.filtered(lambda line: not line.lodging_id)
            )

    @api.depends("line_ids.tax_collected", "line_ids.arrival", "date")
    def _compute_interest(self):
        for remittance in self:
            interest = Decimal(0)
            latest_dates = []
            for line in remittance.line_ids.filtered("arrival"):
                # The statement gives the stay, not the day of the collection:
                # the platform collects at the latest when the stay starts.
                _due, latest = platform_due_dates(line.arrival)
                latest_dates.append(latest)
                if remittance.date:
                    interest += late_interest(
                        to_decimal(line.tax_collected, 2), latest, remittance.date
                    )
            remittance.due_date = min(latest_dates) if latest_dates else False
            remittance.interest_amount = float(interest)

    def _deliberation_on(self, day):
        """The deliberation of the collectivity in force on `day` (L2333-26)."""
        self.ensure_one()
        return self.env["tourism.tax.deliberation"].search(
            [
                ("epci_id", "=", self.epci_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "adopted"),
                ("year", "<=", day.year),
            ],
            order="year desc",
            limit=1,
        )

    def _breakdown(self):
        """The TaxBreakdown of what the platform collected, split back into the
        tourist tax and each add-on of the night's deliberation (L2333-34 I,
        L3333-1); its nights are the person-nights of the statement's lines."""
        self.ensure_one()
        result = TaxBreakdown()
        for line in self.line_ids:
            day = line.arrival or self.date
            deliberation = self._deliberation_of_line(line)
            surcharges, rates = deliberation._surcharges_on(day)
            base, shares = split_collected(to_decimal(line.tax_collected, 2), rates)
            result = result.plus(
                TaxBreakdown.of(
                    base, surcharges.ids, shares, line.nights * line.persons
                )
            )
        return result

    def _deliberation_of_line(self, line):
        """The adopted deliberation in force on the line's night."""
        day = line.arrival or self.date
        deliberation = self._deliberation_on(day)
        if not deliberation:
            raise UserError(
                self.env._(
                    "No adopted deliberation of %(collectivity)s is in force on "
                    "%(day)s.",
                    collectivity=self.epci_id.display_name or "",
                    day=day.strftime("%d/%m/%Y"),
                )
            )
        return deliberation

    def action_post(self):
        """Book the remittance: the platform owes what its statement says it
        collected, the base to the tourist tax account, each add-on to its
        third-party account (to pass back), with the late interest; the payment
        received is then matched against that invoice, so a shortfall stays due."""
        for remittance in self:
            if remittance.state != "draft":
                raise UserError(self.env._("This remittance is already posted."))
            if not remittance.line_ids:
                raise UserError(self.env._("Import the platform's statement first."))
            if not remittance.epci_id:
                raise UserError(self.env._("Set the collectivity the platform paid."))
            breakdown = remittance._breakdown()
            deliberation = remittance._deliberation_of_line(remittance.line_ids[:1])
            account = deliberation.base_account_id
            if not account:
                raise UserError(
                    self.env._(
                        "Set the account of the tourist tax on the deliberation "
                        "%(name)s.",
                        name=deliberation.display_name,
                    )
                )
            lines = [
                (
                    account,
                    self.env._("Tourist tax collected by the platform"),
                    breakdown.base_amount,
                )
            ]
            Surcharge = self.env["tourism.tax.surcharge"]
            for surcharge_id, cents in breakdown.surcharges:
                surcharge, amount = Surcharge.browse(surcharge_id), from_cents(cents)
                if amount and not surcharge.account_id:
                    raise UserError(
                        self.env._(
                            "Set the third-party account of %(name)s.",
                            name=surcharge.name,
                        )
                    )
                lines.append((surcharge.account_id, surcharge.name, amount))
            if remittance.interest_amount:
                lines.append(
                    (
                        account,
                        self.env._("Late interest (0.20 % per month, L2333-38)"),
                        to_decimal(remittance.interest_amount, 2),
                    )
                )
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": remittance.platform_id.id,
                        "invoice_date": remittance.date,
                        "ref": remittance.display_name,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": label,
                                    "account_id": line_account.id,
                                    "quantity": 1,
                                    "price_unit": float(amount),
                                    "tax_ids": [Command.clear()],
                                }
                            )
                            for line_account, label, amount in lines
                            if amount
                        ],
                    }
                )
            )
            move.action_post()
            remittance._money_set_state("posted", {"move_id": move.id})
            expected = remittance.amount_declared + remittance.interest_amount
            if remittance.currency_id.compare_amounts(
                remittance.amount_received, expected
            ):
                remittance.message_post(
                    body=self.env._(
                        "The platform paid %(paid)s where its statement and the late "
                        "interest make %(due)s: the difference stays on its account.",
                        paid=remittance.currency_id.format(remittance.amount_received),
                        due=remittance.currency_id.format(expected),
                    )
                )

    @api.depends("platform_id", "date")
    def _compute_display_name(self):
        for remittance in self:
            remittance.display_name = (
                f"{remittance.platform_id.name or ''} {remittance.date or ''}"
            )

    def action_import(self):
        """Read the statement and match each listing with a lodging: by registration
        number, then by address. Unknown listings are suspected undeclared lodgings."""
        self.ensure_one()
        if self.state != "draft":
            raise self._money_lock_error()
        if not self.file:
            raise UserError(self.env._("Attach the platform's statement first."))
        try:
            rows, errors = parse_remittance(
                base64.b64decode(self.file), self.filename or ""
            )
        except ImportProblem as problem:
            raise UserError(
                self.env._(
                    "The statement cannot be read (%(problem)s).",
                    problem=problem.detail or problem.code,
                )
            ) from problem
        if errors:
            raise UserError(
                self.env._("Nothing was imported:")
                + "\n"
                + "\n".join(
                    self.env._(
                        "Line %(line)s: %(field)s is not valid (%(value)s).",
                        line=line,
                        field=field,
                        value=value,
                    )
                    for line, field, value in errors[:50]
                )
            )
        self.line_ids.unlink()
        Line = self.env["tourism.tax.remittance.line"]
        Line.create(
            [
                dict(
                    {key: value for key, value in row.items() if key != "line"},
                    remittance_id=self.id,
                    tax_collected=float(row.get("tax_collected") or 0),
                )
                for row in rows
            ]
        )._match_lodgings()
        return True
