# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class TourismTaxReversal(models.Model):
    """What the collectivity passes back to the beneficiary of an add-on (Département,
    SGPSO) for the declarations paid by the hosts: the statement and the vendor bill
    that clears the third-party account."""

    _name = "tourism.tax.reversal"
    _description = "Tourist Tax Add-on Reversal"
    _inherit = ["tourism.money.document.mixin", "mail.thread"]
    _order = "date_to desc, id desc"
    _money_locked_fields = (
        "surcharge_id",
        "beneficiary_id",
        "company_id",
        "date_from",
        "date_to",
        "line_ids",
        "bill_id",
    )

    surcharge_id = fields.Many2one(
        "tourism.tax.surcharge", string="Add-on", required=True, tracking=True
    )
    beneficiary_id = fields.Many2one(related="surcharge_id.beneficiary_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Periods from", required=True)
    date_to = fields.Date(string="Periods to", required=True)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Validated")],
        default="draft",
        required=True,
        tracking=True,
    )
    # Drawn up by the server from the paid declarations of the periods; a
    # declaration is in one statement per add-on at most (the lines' UNIQUE).
    line_ids = fields.One2many(
        "tourism.tax.reversal.line", "reversal_id", string="Lines", readonly=True
    )
    declaration_ids = fields.Many2many(
        "tourism.tax.declaration",
        string="Declarations",
        compute="_compute_declaration_ids",
    )
    remittance_ids = fields.Many2many(
        "tourism.tax.remittance",
        string="Platform Remittances",
        compute="_compute_declaration_ids",
        help="The add-ons the platforms collected are passed back with the hosts' "
        "(L2333-34 I, L3333-1).",
    )
    amount = fields.Monetary(
        string="Amount to Pass Back", compute="_compute_amount", store=True
    )
    bill_id = fields.Many2one(
        "account.move", string="Vendor Bill", readonly=True, copy=False
    )

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for reversal in self:
            reversal.display_name = self.env._(
                "%(surcharge)s, %(start)s - %(end)s",
                surcharge=reversal.surcharge_id.name or "",
                start=reversal.date_from and reversal.date_from.strftime("%d/%m/%Y"),
                end=reversal.date_to and reversal.date_to.strftime("%d/%m/%Y"),
            )

    @api.depends("line_ids.declaration_id", "line_ids.remittance_id")
    def _compute_declaration_ids(self):
        for reversal in self:
            reversal.declaration_ids = reversal.line_ids.declaration_id
            reversal.remittance_ids = reversal.line_ids.remittance_id

    @api.depends("line_ids.amount")
    def _compute_amount(self):
        for reversal in self:
            reversal.amount = sum(reversal.line_ids.mapped("amount"))

    def _generate_lines(self):
        """The paid declarations of the periods and the platforms' remittances
        booked in its dates (L2333-34 I, L3333-1: the add-ons they collected are
        passed back with the hosts'), not passed back yet for the add-on, each with
        its share: the server's, never the client's. The database refuses a
        declaration or a remittance already in another statement of the add-on
        (drafts included), so two statements drawn up at once never both hold it."""
        Line = self.env["tourism.tax.reversal.line"]
        lookups = {}  # see tourism.tax.stay._breakdowns
        for reversal in self:
            reversal.line_ids.unlink()
            if not (reversal.surcharge_id and reversal.date_from and reversal.date_to):
                continue
            already = Line.search([("surcharge_id", "=", reversal.surcharge_id.id)])
            declarations = self.env["tourism.tax.declaration"].search(
                [
                    ("state", "=", "paid"),
                    ("company_id", "=", reversal.company_id.id),
                    ("date_from", ">=", reversal.date_from),
                    ("date_to", "<=", reversal.date_to),
                    ("deliberation_id.surcharge_ids", "in", reversal.surcharge_id.ids),
                    ("id", "not in", already.declaration_id.ids),
                ]
            )
            remittances = self.env["tourism.tax.remittance"].search(
                [
                    ("state", "=", "posted"),
                    ("company_id", "=", reversal.company_id.id),
                    ("date", ">=", reversal.date_from),
                    ("date", "<=", reversal.date_to),
                    ("id", "not in", already.remittance_id.ids),
                ]
            )
            vals_list = [
                {
                    "reversal_id": reversal.id,
                    "surcharge_id": reversal.surcharge_id.id,
                    "declaration_id": declaration.id,
                    "amount": float(reversal._share(declaration, lookups)),
                }
                for declaration in declarations
            ]
            for remittance in remittances:
                share = reversal._remittance_share(remittance)
                if share:
                    vals_list.append(
                        {
                            "reversal_id": reversal.id,
                            "surcharge_id": reversal.surcharge_id.id,
                            "remittance_id": remittance.id,
                            "amount": float(share),
                        }
                    )
            Line._money_create(vals_list)

    def _remittance_share(self, remittance):
        """The add-on in what a platform remitted (its statement split back)."""
        return remittance._breakdown().surcharge_amount(self.surcharge_id.id)

    def _share(self, declaration, lookups=None):
        """The add-on in a declaration, net of its rectifications, as submitted."""
        breakdown = declaration._submitted_tax_breakdown(lookups)
        amount = breakdown.surcharge_amount(self.surcharge_id.id)
        if declaration.rectified_id:
            previous = declaration.rectified_id._submitted_tax_breakdown(lookups)
            amount -= previous.surcharge_amount(self.surcharge_id.id)
        return amount

    def _statement_by_commune(self):
        """Lines of the reversal statement: [(commune name, declarations,
        person-nights, base, add-on)], amounts Decimal, by commune."""
        self.ensure_one()
        totals = {}
        lookups = {}  # see tourism.tax.stay._breakdowns
        for declaration in self.declaration_ids:
            commune = declaration.lodging_id.commune_id.display_name or ""
            breakdown = declaration._submitted_tax_breakdown(lookups)
            line = totals.setdefault(commune, [0, 0, Decimal(0), Decimal(0)])
            line[0] += 1
            line[1] += breakdown.nights
            line[2] += breakdown.base_amount
            line[3] += self._share(declaration, lookups)
        rows = [(commune, *totals[commune]) for commune in sorted(totals)]
        for remittance in self.remittance_ids:
            breakdown = remittance._breakdown()
            rows.append(
                (
                    self.env._("Platform %(name)s", name=remittance.display_name),
                    len(remittance.line_ids),
                    breakdown.nights,
                    breakdown.base_amount,
                    self._remittance_share(remittance),
                )
            )
        return rows

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for reversal in self:
            if reversal.date_to < reversal.date_from:
                raise ValidationError(
                    self.env._("The statement cannot end before it starts.")
                )

    def action_validate(self):
        for reversal in self:
            if reversal.state != "draft":
                raise UserError(self.env._("This statement is already validated."))
            if not (reversal.declaration_ids or reversal.remittance_ids):
                raise UserError(
                    self.env._("There is nothing to pass back for these periods.")
                )
            account = reversal.surcharge_id.account_id
            if not account:
                raise UserError(
                    self.env._(
                        "Set the third-party account of %(name)s.",
                        name=reversal.surcharge_id.name,
                    )
                )
            bill = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "in_invoice",
                        "partner_id": reversal.beneficiary_id.id,
                        "invoice_date": fields.Date.context_today(self),
                        "ref": reversal.display_name,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": reversal.display_name,
                                    "account_id": account.id,
                                    "quantity": 1,
                                    "price_unit": reversal.amount,
                                    "tax_ids": [Command.set([])],
                                }
                            )
                        ],
                    }
                )
            )
            bill.action_post()
            reversal._money_set_state("done", {"bill_id": bill.id})

    @api.model_create_multi
    def create(self, vals_list):
        reversals = super().create(vals_list)
        reversals._generate_lines()
        return reversals

    def write(self, vals):
        result = super().write(vals)
        if {"surcharge_id", "date_from", "date_to", "company_id"} & set(vals):
            self._generate_lines()
        return result

    def action_refresh(self):
        """Draw the statement up again (declarations paid since)."""
        if any(reversal.state != "draft" for reversal in self):
            raise UserError(self.env._("This statement is already validated."))
        self._generate_lines()
