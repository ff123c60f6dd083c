# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.tourism_base.tools.locks import try_lock_now

from ..tools.calculator import (
    TaxBreakdown,
    compute_flat_rate_tax,
    compute_stay_tax,
    late_interest,
)
from ..tools.stay_import import MAX_ROWS, ImportProblem, parse_stays
from .tourism_lodging import CLASSIFICATION
from .tourism_tax_deliberation import to_decimal

# What the declaration was computed from, frozen when it leaves draft.
FROZEN_FIELDS = (
    "submitted_breakdown",
    "submitted_classification",
    "submitted_category_id",
    "submitted_capacity",
    "submitted_commune_id",
    "submitted_nature_id",
)
# Set by the server only, never by a user (any state): the late interest is
# computed by the taxation d'office (L2333-38), the invoice by the validation, the
# link to the rectified declaration by the rectification, the frozen inputs when
# the declaration leaves draft.
SERVER_FIELDS = (
    "interest_amount",
    "rectified_id",
    "interest_invoice_id",
    "invoice_id",
    *FROZEN_FIELDS,
)


class TourismTaxDeclaration(models.Model):
    """What a host declares for one lodging and one collection period."""

    _name = "tourism.tax.declaration"
    _description = "Tourist Tax Declaration"
    _inherit = [
        "tourism.money.document.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, id desc"
    # Once submitted, what makes the amount, its accounts, dates and host is final:
    # corrections are rectifying declarations (tourism.money.document.mixin).
    _money_locked_fields = (
        "name",
        "lodging_id",
        "host_id",
        "company_id",
        "period_id",
        "regime",
        "is_zero",
        "ex_officio",
        "stay_ids",
        *SERVER_FIELDS,
    )

    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    lodging_id = fields.Many2one(
        "tourism.lodging", required=True, index=True, tracking=True, ondelete="restrict"
    )
    # The host who declares: kept when the office later gives the lodging to another
    # host (depends on the lodging only, not on the lodging's host).
    host_id = fields.Many2one(
        "res.partner",
        string="Host",
        compute="_compute_host_id",
        store=True,
        precompute=True,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="lodging_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_id = fields.Many2one(
        "tourism.tax.period",
        string="Collection Period",
        required=True,
        tracking=True,
        ondelete="restrict",
    )
    deliberation_id = fields.Many2one(related="period_id.deliberation_id", store=True)
    date_from = fields.Date(related="period_id.date_from", store=True)
    date_to = fields.Date(related="period_id.date_to", store=True)
    regime = fields.Selection(
        selection=[("real", "Actual (au réel)"), ("flat", "Flat rate (au forfait)")],
        compute="_compute_regime",
        store=True,
        help="Set by the deliberation for the lodging's nature (L2333-26); an "
        "unclassified lodging other than plein air is always taxed au réel.",
    )
    is_zero = fields.Boolean(
        string="Nothing to Declare",
        help="No taxable night during the period (or only nights collected by "
        "platforms). Au réel only: the forfait is owed whatever the occupancy "
        "(L2333-41).",
    )
    stay_ids = fields.One2many("tourism.tax.stay", "declaration_id", string="Stays")
    ex_officio = fields.Boolean(
        string="Taxation d'office",
        readonly=True,
        copy=False,
        help="Drawn up by the office after an unanswered formal notice (L2333-38): "
        "the person-nights the host declared for the same period a year before, or "
        "failing that capacity x open nights, at this year's tariff, with the late "
        "interest.",
    )
    interest_amount = fields.Monetary(string="Late Interest", readonly=True, copy=False)
    interest_invoice_id = fields.Many2one(
        "account.move",
        string="Late Interest Invoice",
        readonly=True,
        copy=False,
        help="Interest of 0.20 % per month started on a tax paid after its due date "
        "(L2333-38).",
    )
    ex_officio_basis = fields.Selection(
        selection=[
            ("history", "Nights declared for the same period a year before"),
            ("capacity", "Capacity x open nights"),
        ],
        string="Basis of the Estimate",
        compute="_compute_ex_officio_basis",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("invoiced", "Invoiced"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        compute="_compute_state",
        store=True,
        readonly=False,
    )
    rectified_id = fields.Many2one(
        "tourism.tax.declaration",
        string="Rectifies",
        readonly=True,
        copy=False,
        help="The validated declaration this one corrects.",
    )
    invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, tracking=True
    )
    payment_state = fields.Selection(related="invoice_id.payment_state")
    amount_base = fields.Monetary(
        string="Base Tax", compute="_compute_amounts", store=True
    )
    amount_surcharges = fields.Monetary(
        string="Add-ons", compute="_compute_amounts", store=True
    )
    amount_total = fields.Monetary(
        string="Total Due", compute="_compute_amounts", store=True
    )
    person_nights = fields.Integer(
        string="Taxable Nights",
        compute="_compute_amounts",
        store=True,
        help="Taxable person-nights declared (flat rate: unit-nights).",
    )
    # What the declaration was computed from when it left draft: a later change of
    # the lodging (its host edits the classification and the capacity from the
    # portal) never changes a submitted, invoiced or paid declaration; only a
    # rectifying declaration does.
    submitted_breakdown = fields.Json(readonly=True, copy=False)
    submitted_classification = fields.Selection(
        CLASSIFICATION, string="Classification Declared", readonly=True, copy=False
    )
    submitted_category_id = fields.Many2one(
        "tourism.tax.category",
        string="Tax Category Declared",
        readonly=True,
        copy=False,
    )
    submitted_capacity = fields.Integer(
        string="Capacity Declared", readonly=True, copy=False
    )
    submitted_commune_id = fields.Many2one(
        "tourism.commune", string="Commune Declared", readonly=True, copy=False
    )
    submitted_nature_id = fields.Many2one(
        "tourism.lodging.nature", string="Nature Declared", readonly=True, copy=False
    )

    @api.depends("lodging_id")
    def _compute_host_id(self):
        for declaration in self:
            declaration.host_id = declaration.lodging_id.host_id

    @api.depends(
        "lodging_id.nature_id",
        "lodging_id.classification",
        "lodging_id.classification_expiry",
        "period_id",
    )
    def _compute_regime(self):
        for declaration in self:
            deliberation = declaration.period_id.deliberation_id
            declaration.regime = (
                deliberation._regime_for(
                    declaration.lodging_id, declaration.period_id.date_from
                )
                if deliberation and declaration.lodging_id
                else "real"
            )

    @api.constrains("is_zero", "regime")
    def _check_zero_is_real(self):
        # L2333-41: the forfait is assessed on the capacity and the open nights,
        # not on the nights let: there is no "nothing to declare" au forfait.
        if any(d.is_zero and d.regime == "flat" for d in self):
            raise ValidationError(
                self.env._(
                    'A flat-rate declaration is owed whatever the occupancy: "Nothing '
                    'to declare" is for the actual regime only.'
                )
            )

    @api.depends("invoice_id.payment_state")
    def _compute_state(self):
        for declaration in self:
            if declaration.state in ("invoiced", "paid") and declaration.invoice_id:
                paid = declaration.invoice_id.payment_state in ("paid", "in_payment")
                declaration.state = "paid" if paid else "invoiced"
            elif not declaration.state:
                declaration.state = "draft"

    @api.depends(
        "regime",
        "is_zero",
        "ex_officio",
        "stay_ids.amount_total",
        "stay_ids.amount_base",
        "stay_ids.amount_surcharges",
        "stay_ids.taxable_person_nights",
        "lodging_id.capacity",
        "lodging_id.period_ids",
        "submitted_breakdown",
    )
    def _compute_amounts(self):
        totals = self._stay_totals()
        lookups = {}  # see tourism.tax.stay._breakdowns
        for declaration in self:
            frozen = declaration.submitted_breakdown
            if declaration.regime == "real" and not (
                frozen or declaration.is_zero or declaration.ex_officio
            ):  # au forfait (L2333-41) the capacity and opening dates are the basis
                # The stays hold their own amounts: add them up.
                base, surcharges, total, nights = totals[declaration.id]
            else:
                # Out of draft: what was submitted, whatever the lodging became.
                breakdown = declaration._submitted_tax_breakdown(lookups)
                base = float(breakdown.base_amount)
                surcharges = float(breakdown.surcharges_amount)
                total = float(breakdown.total_amount)
                nights = breakdown.nights
            # Rounded to the currency as the monetary fields round what they get.
            currency = declaration.currency_id
            declaration.update(
                {
                    name: currency.round(value) if currency else value
                    for name, value in (
                        ("amount_base", base),
                        ("amount_surcharges", surcharges),
                        ("amount_total", total),
                    )
                }
            )
            declaration.person_nights = nights

    def _stay_totals(self):
        """{declaration id: [base, add-ons, total, person-nights]} of the stays."""
        names = ("amount_base", "amount_surcharges", "amount_total")
        totals = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
        for declaration in self:
            # The stays of the batch's declarations are read together (prefetch).
            stays = declaration.stay_ids
            totals[declaration.id] = [
                *(sum(stays.mapped(name)) for name in names),
                sum(stays.mapped("taxable_person_nights")),
            ]
        return totals

    def _tax_breakdown(self, lookups=None):
        """The declaration's TaxBreakdown. `lookups`: a dict the caller keeps for
        a batch of declarations (see tourism.tax.stay._breakdowns)."""
        self.ensure_one()
        if (self.is_zero and self.regime == "real") or not self.period_id:
            return TaxBreakdown()
        if self.ex_officio:
            return self._ex_officio_breakdown()
        if self.regime == "flat":
            return self._flat_rate_breakdown()
        result = TaxBreakdown()
        for part in self.stay_ids._breakdowns(lookups):
            result = result.plus(part)
        return result

    def _submitted_tax_breakdown(self, lookups=None):
        """The TaxBreakdown the declaration was submitted with (see _freeze); a
        draft's is computed from the lodging of today."""
        self.ensure_one()
        frozen = self.submitted_breakdown
        if not frozen:
            return self._tax_breakdown(lookups)
        return TaxBreakdown.from_json(frozen)

    def _freeze(self):
        """Keep what the declarations are computed from as they leave draft: the
        amounts per component (base, each add-on) the host saw, the lodging's
        classification, category, capacity, commune and nature. The invoice is
        made of these amounts."""
        lookups = {}
        for declaration in self:
            lodging = declaration.lodging_id
            breakdown = declaration._tax_breakdown(lookups)
            declaration._money_write(
                {
                    "submitted_breakdown": breakdown.to_json(),
                    "submitted_classification": lodging.classification,
                    "submitted_category_id": lodging._get_category(
                        declaration.date_from
                    ).id,
                    "submitted_capacity": lodging.capacity,
                    "submitted_commune_id": lodging.commune_id.id,
                    "submitted_nature_id": lodging.nature_id.id,
                }
            )

    def _money_set_state(self, state, values=None):
        # Leaving draft freezes what the declaration is computed from; going back
        # to draft (a submitted declaration the host corrects) computes it again.
        draft = self._money_draft_states
        if state in ("submitted", "invoiced", "paid"):
            self.filtered(lambda d: d.state in draft)._freeze()
        elif state in draft:
            self._money_write(dict.fromkeys(FROZEN_FIELDS, False))
        return super()._money_set_state(state, values)

    def _flat_rate_breakdown(self):
        deliberation = self.period_id.deliberation_id
        lodging = self.lodging_id
        nights = lodging.period_ids._nights_between(self.date_from, self.date_to)
        tariff = deliberation._tariff_for(
            lodging._get_category(self.date_from), self.date_from.year
        )
        if not nights or not lodging.capacity_units or tariff is None:
            return TaxBreakdown()
        surcharges, rates = deliberation._surcharges_on(self.date_from)
        tax = compute_flat_rate_tax(
            # Units of capacity: persons, three per emplacement (R2333-59).
            capacity=lodging.capacity_units,
            tariff=tariff,
            nights=nights,
            allowance_rate=to_decimal(deliberation.allowance_rate) / 100,
            surcharge_rates=rates,
        )
        return TaxBreakdown.of(
            tax.base, surcharges.ids, tax.surcharges, int(tax.taxable_units * nights)
        )

    def _root(self):
        """First declaration of a chain of rectifications."""
        declaration = self
        while declaration.rectified_id:
            declaration = declaration.rectified_id
        return declaration

    @api.depends("ex_officio", "lodging_id", "date_from", "date_to")
    def _compute_ex_officio_basis(self):
        for declaration in self:
            declaration.ex_officio_basis = declaration.ex_officio and (
                "history" if declaration._history_person_nights() else "capacity"
            )

    def _history_person_nights(self):
        """Taxable person-nights the host declared (directly, not through a
        platform) for the same dates a year before: the latest validated
        declaration of each period, never an estimate."""
        self.ensure_one()
        if not self.lodging_id or not self.date_from or not self.date_to:
            return 0
        start = self.date_from - relativedelta(years=1)
        end = self.date_to - relativedelta(years=1)
        previous = self.search(
            [
                ("lodging_id", "=", self.lodging_id.id),
                ("state", "in", ("invoiced", "paid")),
                ("ex_officio", "=", False),
                ("date_from", ">=", start),
                ("date_to", "<=", end),
            ]
        )
        # A rectified declaration is replaced by the one that rectifies it.
        latest = previous - previous.rectified_id
        return sum(
            latest.stay_ids.filtered(lambda s: s.channel == "direct").mapped(
                "taxable_person_nights"
            )
        )

    def _ex_officio_breakdown(self):
        """Estimate: the person-nights declared a year before for the same dates;
        failing that, every bed taken every night the lodging is open. A lodging
        au forfait owes the forfait itself, its allowance applied (L2333-46 refers
        to the taxation d'office of L2333-38 for the tax as L2333-41 assesses it)."""
        if self.regime == "flat":
            return self._flat_rate_breakdown()
        deliberation = self.period_id.deliberation_id
        lodging = self.lodging_id
        category = lodging._get_category(self.date_from)
        tariff = (
            to_decimal(deliberation.highest_tariff, 2)
            if category.is_proportional
            else deliberation._tariff_for(category, self.date_from.year)
        )
        if not tariff:
            return TaxBreakdown()
        person_nights = self._history_person_nights()
        if person_nights:
            nights, persons = person_nights, 1
        else:
            nights = lodging.period_ids._nights_between(
                self.date_from, self.date_to
            ) or ((self.date_to - self.date_from).days + 1)
            persons = lodging.capacity
        if not persons:
            return TaxBreakdown()
        surcharges, rates = deliberation._surcharges_on(self.date_from)
        tax = compute_stay_tax(
            nights=nights,
            persons=persons,
            tariff=tariff,
            surcharge_rates=rates,
            rounding=deliberation.rounding,
        )
        return TaxBreakdown.of(
            tax.base, surcharges.ids, tax.surcharges, tax.taxable_person_nights
        )

    def _validate_ex_officio(self):
        """Invoice the estimate and the late interest: 0.20 % per month started since
        the payment was due (L2333-38)."""
        self.ensure_one()
        self._set_late_interest()
        self._create_invoice()
        self._money_set_state("invoiced")

    def _set_late_interest(self):
        """CGCT L2333-38: the tax assessed ex officio bears 0.20 % per month
        started since the payment was due."""
        for declaration in self:
            today = fields.Date.context_today(declaration)
            interest = late_interest(
                to_decimal(declaration.amount_total, 2),
                declaration.period_id.payment_due,
                today,
            )
            # The interest is the server's: never written by a user (see write()).
            declaration._money_write({"interest_amount": float(interest)})

    def _paid_on(self):
        """The day the invoice was settled (its last reconciliation), or None."""
        self.ensure_one()
        partials = self.invoice_id.line_ids.matched_credit_ids
        dates = [date for date in partials.mapped("max_date") if date]
        return max(dates) if dates else None

    @api.model
    def _cron_invoice_late_interest(self):
        """CGCT L2333-38, last paragraph: the tax paid after its due date bears the
        same 0.20 % per month started, for an ordinary declaration as for one
        assessed ex officio: one interest invoice per declaration paid late."""
        declarations = self.search(
            [
                ("state", "=", "paid"),
                ("ex_officio", "=", False),
                ("interest_invoice_id", "=", False),
                ("invoice_id.move_type", "=", "out_invoice"),
            ]
        )
        invoiced = self.browse()
        for declaration in declarations:
            invoice = declaration.invoice_id
            paid_on = declaration._paid_on()
            if not paid_on or paid_on <= invoice.invoice_date_due:
                continue
            interest = late_interest(
                to_decimal(invoice.amount_total, 2), invoice.invoice_date_due, paid_on
            )
            if not interest:
                continue
            account = declaration.deliberation_id.base_account_id
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": declaration.host_id.id,
                        "invoice_date": fields.Date.context_today(self),
                        "invoice_origin": declaration.name,
                        "ref": declaration.name,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": self.env._(
                                        "Late interest (0.20 %% per month, L2333-38)"
                                        " - %(number)s paid on %(date)s",
                                        number=declaration.name,
                                        date=paid_on.strftime("%d/%m/%Y"),
                                    ),
                                    "account_id": account.id,
                                    "quantity": 1,
                                    "price_unit": float(interest),
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            move.action_post()
            declaration._money_write({"interest_invoice_id": move.id})
            invoiced |= declaration
        return invoiced

    @api.constrains("lodging_id", "period_id", "state", "rectified_id")
    def _check_unique_period(self):
        for declaration in self.filtered(lambda d: d.state != "cancel"):
            root = declaration._root()
            others = self.search(
                [
                    ("id", "!=", declaration.id),
                    ("lodging_id", "=", declaration.lodging_id.id),
                    ("period_id", "=", declaration.period_id.id),
                    ("state", "!=", "cancel"),
                ]
            ).filtered(lambda other, root=root: other._root() != root)
            if others:
                raise declaration._duplicate_error(others[0])

    def _duplicate_error(self, other):
        return ValidationError(
            self.env._(
                "%(lodging)s already has a declaration for %(period)s "
                "(%(number)s): correct it with a rectifying declaration.",
                lodging=other.lodging_id.name,
                period=other.period_id.name,
                number=other.name,
            )
        )

    def init(self):
        result = super().init()
        # One declaration per lodging and period, enforced by the database so that
        # two requests at once (a double click, two tabs) cannot both create one.
        # Rectifying declarations share their period with the declaration they
        # correct: one live rectification per declaration instead.
        self.env.cr.execute(
            SQL(
                """
            CREATE UNIQUE INDEX IF NOT EXISTS tourism_tax_declaration_period_uniq
                ON tourism_tax_declaration (lodging_id, period_id)
             WHERE state != 'cancel' AND rectified_id IS NULL;
            CREATE UNIQUE INDEX IF NOT EXISTS tourism_tax_declaration_rectified_uniq
                ON tourism_tax_declaration (rectified_id)
             WHERE state != 'cancel' AND rectified_id IS NOT NULL;
            """
            )
        )
        return result

    @api.model
    def _declare(self, lodging, period):
        """The id of the lodging's declaration for the period: the one that exists,
        or a new draft. A second click on "Déclarer" lands on the first one, even
        when both requests run at the same moment."""
        domain = [
            ("lodging_id", "=", lodging.id),
            ("period_id", "=", period.id),
            ("state", "!=", "cancel"),
            ("rectified_id", "=", False),
        ]
        existing = self.search(domain, limit=1)
        if existing:
            return existing.id
        try:
            with self.env.cr.savepoint():
                return self.create(
                    {"lodging_id": lodging.id, "period_id": period.id}
                ).id
        except psycopg2.errors.UniqueViolation:
            # The other request committed it while this one waited on the index:
            # this transaction's snapshot cannot see it, a new one can.
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        """SELECT id FROM tourism_tax_declaration
                            WHERE lodging_id = %s AND period_id = %s
                              AND state != 'cancel' AND rectified_id IS NULL""",
                        lodging.id,
                        period.id,
                    )
                )
                row = cr.fetchone()
            if not row:
                raise
            return row[0]

    def _lock_for_submit(self):
        """Take this declaration's row for the submission, or say that another
        request has it (False): a second "Envoyer" clicked while the first is being
        written. Waiting would end in a serialization failure and Odoo's retry,
        seconds later, only to find the declaration sent; NOWAIT answers at once."""
        self.ensure_one()
        return try_lock_now(self)

    @api.constrains("period_id", "lodging_id")
    def _check_period_covers_lodging(self):
        for declaration in self:
            epci = declaration.lodging_id.commune_id.epci_id
            if declaration.period_id.deliberation_id.epci_id != epci:
                raise ValidationError(
                    self.env._(
                        "The period %(period)s is not one of the collectivity of "
                        "%(commune)s.",
                        period=declaration.period_id.name,
                        commune=declaration.lodging_id.commune_id.name,
                    )
                )

    def _check_server_fields(self, vals_list):
        """The late interest, the invoice, the rectified declaration and the frozen
        inputs are the server's (see SERVER_FIELDS): no user sets them, whatever
        his rights or the declaration's state."""
        if self._money_is_trusted():
            return
        for vals in vals_list:
            given = [name for name in SERVER_FIELDS if vals.get(name)]
            if given:
                raise UserError(
                    self.env._(
                        "%(fields)s of a declaration are set by the tourism office's "
                        "server only (validation, taxation d'office, rectification).",
                        fields=", ".join(
                            self._fields[name]._description_string(self.env)
                            for name in given
                        ),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_server_fields(vals_list)
        # Told before the unique index refuses it (see init).
        for vals in vals_list:
            if (
                vals.get("lodging_id")
                and vals.get("period_id")
                and not vals.get("rectified_id")
                and vals.get("state", "draft") != "cancel"
            ):
                other = self.sudo().search(
                    [
                        ("lodging_id", "=", vals["lodging_id"]),
                        ("period_id", "=", vals["period_id"]),
                        ("rectified_id", "=", False),
                        ("state", "!=", "cancel"),
                    ],
                    limit=1,
                )
                if other:
                    raise self._duplicate_error(other)
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "tourism.tax.declaration"
                ) or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        # Even a zero or an empty value: the interest is never the user's.
        self._check_server_fields([{name: True for name in vals}])
        return super().write(vals)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for declaration in self:
            declaration.access_url = f"/my/tax/declarations/{declaration.id}"
        return res

    def action_submit(self):
        for declaration in self:
            if declaration.state != "draft":
                raise UserError(
                    self.env._("Only a draft declaration can be submitted.")
                )
            if (
                not declaration.is_zero
                and declaration.regime == "real"
                and not (declaration.stay_ids)
            ):
                raise UserError(
                    self.env._(
                        'Declare the stays of the period, or tick "Nothing to declare".'
                    )
                )
            declaration.stay_ids._check_stay_values()
            declaration.stay_ids._breakdowns()  # raises a message naming the line
            declaration._money_set_state("submitted")

    def action_back_to_draft(self):
        for declaration in self:
            if declaration.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted declaration can go back to draft.")
                )
            declaration._money_set_state("draft")

    def action_validate(self):
        """The office accepts the declaration: the invoice (avis des sommes à payer)
        is created and posted, one line per component."""
        # Liquidating the tax and issuing its titre are the ordonnateur's acts
        # (décret 2012-1246 art. 11; docs/domain.md §2.1); the régisseur collects.
        if not (
            self.env.su
            or self.env.user.has_group("tourism_base.group_tourism_ordonnateur")
        ):
            raise AccessError(
                self.env._(
                    "Only the ordonnateur (or his delegate) validates declarations "
                    "into titres: the régisseur collects, he does not liquidate "
                    "(décret 2012-1246 art. 11)."
                )
            )
        if any(declaration.state != "submitted" for declaration in self):
            raise UserError(
                self.env._("Only a submitted declaration can be validated.")
            )
        self._create_invoice()
        # Nothing due: nothing to pay. One write per state for the batch.
        invoiced = self.filtered("invoice_id")
        invoiced._money_set_state("invoiced")
        (self - invoiced)._money_set_state("paid")
        for declaration in self:
            if declaration.rectified_id:
                declaration.rectified_id.message_post(
                    body=self.env._("Rectified by %(number)s.", number=declaration.name)
                )

    def _amount_lines(self, lookups=None):
        """[(account, label, amount Decimal)]: the base, then each add-on; for a
        rectifying declaration, the difference with the declaration it corrects."""
        self.ensure_one()
        deliberation = self.period_id.deliberation_id
        current = self._submitted_tax_breakdown(lookups)
        previous = (
            self.rectified_id._submitted_tax_breakdown(lookups)
            if self.rectified_id
            else TaxBreakdown()
        )
        if not deliberation.base_account_id:
            raise UserError(
                self.env._(
                    "Set the account of the tourist tax on the deliberation %(name)s.",
                    name=deliberation.display_name,
                )
            )
        lines = [
            (
                deliberation.base_account_id,
                self.env._("Tourist tax"),
                current.base_amount - previous.base_amount,
            )
        ]
        for surcharge in deliberation.surcharge_ids.sorted("sequence"):
            amount = current.surcharge_amount(surcharge.id) - previous.surcharge_amount(
                surcharge.id
            )
            if amount and not surcharge.account_id:
                raise UserError(
                    self.env._(
                        "Set the third-party account of %(name)s.", name=surcharge.name
                    )
                )
            lines.append((surcharge.account_id, surcharge.name, amount))
        if self.interest_amount:
            lines.append(
                (
                    deliberation.base_account_id,
                    self.env._("Late interest (0.20 % per month, L2333-38)"),
                    to_decimal(self.interest_amount, 2),
                )
            )
        return [line for line in lines if line[2]]

    def _prepare_invoice_vals(self, lookups=None):
        """Values of the invoice (avis des sommes à payer), or None if nothing is due
        or to refund."""
        self.ensure_one()
        lines = self._amount_lines(lookups)
        total = sum(amount for _account, _label, amount in lines)
        if not lines:
            return None
        move_type = "out_invoice" if total > 0 else "out_refund"
        sign = 1 if total > 0 else -1
        label = self.env._(
            "%(lodging)s, %(period)s",
            lodging=self.lodging_id.name,
            period=self.period_id.name,
        )
        today = fields.Date.context_today(self)
        return {
            "move_type": move_type,
            "partner_id": self.host_id.id,
            "invoice_date": today,
            "invoice_date_due": max(self.period_id.payment_due, today),
            "invoice_origin": self.name,
            "ref": self.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": f"{name} - {label}",
                        "account_id": account.id,
                        "quantity": 1,
                        "price_unit": float(amount * sign),
                        "tax_ids": [Command.set([])],
                    }
                )
                for account, name, amount in lines
            ],
        }

    def _create_invoice(self):
        """Create and post the invoices of the declarations, all in one batch (a
        month of a department is thousands of declarations)."""
        to_invoice = self.browse()
        vals_list = []
        lookups = {}  # deliberations, tariffs, add-ons: once for the batch
        for declaration in self:
            vals = declaration._prepare_invoice_vals(lookups)
            if vals:
                to_invoice |= declaration
                vals_list.append(vals)
        if not vals_list:
            return
        # The office's staff validate declarations without being accountants.
        invoices = self.env["account.move"].sudo().create(vals_list)
        invoices.action_post()
        for declaration, invoice in zip(to_invoice, invoices, strict=True):
            declaration._money_write({"invoice_id": invoice.id})

    def action_rectify(self):
        """A correction is a new declaration; the validated one is never edited."""
        self.ensure_one()
        if self.state not in ("invoiced", "paid"):
            raise UserError(
                self.env._("Only a validated declaration can be rectified.")
            )
        if self.search_count(
            [("rectified_id", "=", self.id), ("state", "!=", "cancel")], limit=1
        ):
            raise UserError(
                self.env._(
                    "This declaration is already rectified: correct the latest one."
                )
            )
        # Created by the server: the link to the rectified declaration is its own.
        rectifying = self._money_create(
            self.copy_data(
                {
                    "rectified_id": self.id,
                    # The host who declared, even if the lodging changed hands.
                    "host_id": self.host_id.id,
                    "state": "draft",
                    "stay_ids": [
                        Command.create(stay.copy_data()[0]) for stay in self.stay_ids
                    ],
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": rectifying.id,
            "view_mode": "form",
        }

    def action_cancel(self):
        for declaration in self:
            if declaration.state not in ("draft", "submitted"):
                raise UserError(
                    self.env._("A validated declaration is corrected, not cancelled.")
                )
            declaration._money_set_state("cancel")

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Tourist tax %(number)s", number=self.name.replace("/", "-"))

    def _import_stays(self, content, filename):
        """Add the stays of a CSV/XLSX file: all of them, or none with every problem
        listed by line."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Stays are added to a draft declaration only."))
        Stay = self.env["tourism.tax.stay"]
        try:
            rows, errors = parse_stays(content, filename)
        except ImportProblem as problem:
            messages = {
                "empty": self.env._("The file holds no stay."),
                "format": self.env._(
                    "The file cannot be read: send a CSV or XLSX file."
                ),
                "encoding": self.env._(
                    "The file is not in UTF-8 nor in Windows-1252: save it again as "
                    "CSV UTF-8."
                ),
                "too_large": self.env._(
                    "The file is too large: send at most %(rows)s stays in a file "
                    "of at most 10 MB.",
                    rows=MAX_ROWS,
                ),
                "missing_column": self.env._(
                    "The file lacks the columns: %(columns)s (see the template).",
                    columns=problem.detail,
                ),
                "too_many_rows": self.env._(
                    "The file has too many lines: send at most %(rows)s stays per "
                    "file.",
                    rows=MAX_ROWS,
                ),
            }
            raise UserError(messages[problem.code]) from problem
        problems = [
            self.env._(
                "Line %(line)s: %(field)s is not valid (%(value)s).",
                line=line,
                field=Stay._fields[field]._description_string(self.env),
                value=value,
            )
            for line, field, value in errors
        ]
        if not problems:
            try:
                with self.env.cr.savepoint():
                    for row in rows:
                        line = row.pop("line")
                        try:
                            stay = Stay.create(
                                dict(
                                    row,
                                    declaration_id=self.id,
                                    price_per_night=float(
                                        row.get("price_per_night") or 0
                                    ),
                                    platform_collected=float(
                                        row.get("platform_collected") or 0
                                    )
                                    if row["channel"] == "platform"
                                    else 0.0,
                                )
                            )
                            stay._tax_breakdown()
                        except (ValidationError, UserError) as error:
                            problems.append(
                                self.env._(
                                    "Line %(line)s: %(error)s",
                                    line=line,
                                    error=error.args[0],
                                )
                            )
                    if problems:
                        raise UserError("\n".join(problems))
            except UserError:
                # Rolled back to the savepoint: forget the stays created meanwhile.
                self.invalidate_recordset(["stay_ids"])
        if problems:
            raise UserError(
                self.env._("Nothing was imported:") + "\n" + "\n".join(problems[:50])
            )
        self.invalidate_recordset(["stay_ids"])
        return len(rows)
