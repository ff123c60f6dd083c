# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from ..tools.calculator import ROUNDING_MODES
from ..tools.categories import regime
from ..tools.deliberation_rules import (
    adopted_in_time,
    adoption_deadline,
    check_tariffs,
    deliberation_in_force,
    tariff_within_scale,
)

ROUNDING_LABELS = {
    "per_person_night": "Per person and night, add-ons included (half-up to the cent)",
    "per_component": "Base and each add-on per person and night",
    "per_stay": "Per stay",
}
FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def to_decimal(value, digits=4):
    return Decimal(str(float_round(value or 0.0, precision_digits=digits)))


class TourismTaxDeliberation(models.Model):
    """The collectivity's deliberation setting the tourist tax of a year."""

    _name = "tourism.tax.deliberation"
    _description = "Tourist Tax Deliberation"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    year = fields.Integer(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
    )
    epci_id = fields.Many2one(
        "tourism.epci",
        string="Collectivity",
        required=True,
        tracking=True,
        help="The intercommunality (or commune) that levies the tax on its communes.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    reference = fields.Char(string="Deliberation No.", tracking=True)
    date_adopted = fields.Date(string="Adopted on", tracking=True)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("adopted", "Adopted")],
        default="draft",
        required=True,
        tracking=True,
    )
    tariff_ids = fields.One2many(
        "tourism.tax.deliberation.tariff",
        "deliberation_id",
        string="Tariffs",
        copy=True,
    )
    unclassified_rate = fields.Float(
        string="Unclassified Rate (%)",
        digits=(16, 2),
        default=5.0,
        tracking=True,
        help="Percentage of the price per person and night (1 to 5 %), capped at the "
        "highest tariff adopted.",
    )
    highest_tariff = fields.Float(
        string="Cap for Unclassified Lodgings",
        digits=(16, 2),
        compute="_compute_highest_tariff",
    )
    flat_rate_nature_ids = fields.Many2many(
        "tourism.lodging.nature",
        string="Natures taxed at a Flat Rate",
        help="Every other nature is taxed au réel. Unclassified lodgings other than "
        "outdoor ones are always taxed au réel (L2333-26).",
    )
    allowance_rate = fields.Float(
        string="Flat-rate Allowance (%)",
        digits=(16, 2),
        default=50.0,
        help="Reduction of the capacity for the flat rate, 10 to 80 %.",
    )
    low_rent_threshold = fields.Float(
        string="Low-rent Exemption below (per night)",
        digits=(16, 2),
        help="Occupants paying less than this per night are exempt (L2333-31 4°).",
    )
    rounding = fields.Selection(
        selection=[(mode, ROUNDING_LABELS[mode]) for mode in ROUNDING_MODES],
        default="per_person_night",
        required=True,
    )
    surcharge_ids = fields.Many2many(
        "tourism.tax.surcharge", string="Add-ons", help="Additional taxes levied here."
    )
    period_ids = fields.One2many(
        "tourism.tax.period", "deliberation_id", string="Collection Periods", copy=True
    )
    period_frequency = fields.Selection(
        selection=[
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("half_yearly", "Half-yearly"),
            ("yearly", "Yearly"),
        ],
        default="quarterly",
        help="Used by the button that generates the collection periods.",
    )
    declaration_delay = fields.Integer(
        string="Declaration within (days)",
        default=15,
        help="Days after the end of a period to declare.",
    )
    payment_delay = fields.Integer(
        string="Payment within (days)",
        default=30,
        help="Days after the end of a period to pay.",
    )
    base_account_id = fields.Many2one(
        "account.account",
        string="Tourist Tax Account",
        check_company=True,
        help="Revenue account of the tourist tax (the collectivity's share).",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "year_epci_uniq",
            "unique(year, epci_id, company_id)",
            "A collectivity has one deliberation per year.",
        ),
    ]

    @api.depends("year", "epci_id")
    def _compute_display_name(self):
        for deliberation in self:
            deliberation.display_name = self.env._(
                "Tourist tax %(year)s - %(collectivity)s",
                year=deliberation.year,
                collectivity=deliberation.epci_id.name or "",
            )

    @api.depends("tariff_ids.tariff")
    def _compute_highest_tariff(self):
        for deliberation in self:
            deliberation.highest_tariff = max(
                deliberation.tariff_ids.filtered(
                    lambda t: not t.category_id.is_proportional
                ).mapped("tariff")
                or [0.0]
            )

    @api.constrains("unclassified_rate", "allowance_rate", "year")
    def _check_rates(self):
        for deliberation in self:
            if not 1 <= deliberation.unclassified_rate <= 5:
                raise ValidationError(
                    self.env._(
                        "The rate for unclassified lodgings must be between "
                        "1 % and 5 %."
                    )
                )
            if deliberation.flat_rate_nature_ids and not (
                10 <= deliberation.allowance_rate <= 80
            ):
                raise ValidationError(
                    self.env._("The flat-rate allowance must be between 10 % and 80 %.")
                )

    @api.constrains("state", "date_adopted", "year")
    def _check_adoption_date(self):
        for deliberation in self.filtered(lambda d: d.state == "adopted"):
            deliberation._check_adopted_in_time(deliberation.date_adopted)

    def _check_adopted_in_time(self, date_adopted):
        # CGCT L2333-26: adopted before 1 July to apply from the next year.
        for deliberation in self:
            if date_adopted and not adopted_in_time(deliberation.year, date_adopted):
                raise ValidationError(
                    self.env._(
                        "A deliberation for %(year)s must be adopted before "
                        "%(deadline)s (CGCT L2333-26).",
                        year=deliberation.year,
                        deadline=adoption_deadline(deliberation.year).strftime(
                            "%d/%m/%Y"
                        ),
                    )
                )

    def _is_used(self):
        """Declarations (not cancelled) rest on its periods: its stored amounts,
        and the invoices posted from them, come from its figures."""
        return bool(
            self.env["tourism.tax.declaration"].search_count(
                [("period_id", "in", self.period_ids.ids), ("state", "!=", "cancel")],
                limit=1,
            )
        )

    def write(self, vals):
        # What is posted stays posted: an adopted deliberation in use is amended by
        # a new deliberation, never edited behind the declarations it taxed.
        editable = {"note", "reference", "period_ids", "message_main_attachment_id"}
        if set(vals) - editable and any(
            d.state == "adopted" and d._is_used() for d in self
        ):
            raise UserError(
                self.env._(
                    "This deliberation is adopted and declarations use it: amend it "
                    "with a new deliberation."
                )
            )
        return super().write(vals)

    @api.constrains("state", "tariff_ids")
    def _check_tariffs(self):
        for deliberation in self.filtered(lambda d: d.state == "adopted"):
            deliberation._check_against_legal_scale()

    def _check_against_legal_scale(self):
        self.ensure_one()
        scale = self.env["tourism.tax.legal.scale"]._get_scale(self.year)
        if not scale:
            raise ValidationError(
                self.env._(
                    "There is no legal scale for %(year)s: enter it in Configuration > "
                    "Legal Scale first.",
                    year=self.year,
                )
            )
        rows = []
        for line in self.tariff_ids.filtered(
            lambda t: not t.category_id.is_proportional
        ):
            floor, ceiling = scale.get(line.category_id, (None, None))
            rows.append(
                {
                    "code": line.category_id.code,
                    "group": line.category_id.group,
                    "rank": line.category_id.rank,
                    "tariff": to_decimal(line.tariff, 2),
                    "floor": None if floor is None else to_decimal(floor),
                    "ceiling": None if ceiling is None else to_decimal(ceiling),
                }
            )
        problems = check_tariffs(rows)
        if problems:
            names = {
                c.code: c.name for c in self.env["tourism.tax.category"].search([])
            }
            messages = {
                "below_floor": self.env._(
                    "%(category)s: the tariff is below the legal floor."
                ),
                "above_ceiling": self.env._(
                    "%(category)s: the tariff is above the legal ceiling."
                ),
                "above_higher_category": self.env._(
                    "%(category)s: the tariff is above the one of %(other)s, a higher "
                    "category."
                ),
            }
            lines = [
                messages.get(p.code, "%(category)s")
                % {
                    "category": names.get(p.category, p.category),
                    "other": names.get(p.detail, p.detail or ""),
                }
                for p in problems
            ]
            raise ValidationError("\n".join(lines))

    def action_adopt(self):
        for deliberation in self:
            if not deliberation.tariff_ids:
                raise UserError(
                    self.env._("Enter the tariffs before adopting the deliberation.")
                )
            if not deliberation.period_ids:
                raise UserError(
                    self.env._(
                        "Enter or generate the collection periods before adopting."
                    )
                )
            deliberation._check_adopted_in_time(
                deliberation.date_adopted or fields.Date.context_today(deliberation)
            )
            deliberation._check_against_legal_scale()
            deliberation.write(
                {
                    "state": "adopted",
                    "date_adopted": deliberation.date_adopted
                    or fields.Date.context_today(deliberation),
                }
            )

    def action_reset_to_draft(self):
        if any(deliberation._is_used() for deliberation in self):
            raise UserError(
                self.env._(
                    "Declarations use this deliberation: it cannot go back to draft; "
                    "amend it with a new deliberation."
                )
            )
        self.write({"state": "draft"})

    def action_load_categories(self):
        """One tariff line per category of the legal table, at the legal floor."""
        for deliberation in self:
            scale = self.env["tourism.tax.legal.scale"]._get_scale(deliberation.year)
            existing = deliberation.tariff_ids.category_id
            commands = [
                Command.create(
                    {
                        "category_id": category.id,
                        "tariff": scale.get(category, (0.0,))[0],
                    }
                )
                for category in self.env["tourism.tax.category"].search(
                    [("is_proportional", "=", False)]
                )
                if category not in existing
            ]
            deliberation.tariff_ids = commands

    def action_generate_periods(self):
        """Collection periods over the year, with their due dates."""
        for deliberation in self:
            if deliberation.state != "draft":
                raise UserError(self.env._("Only a draft deliberation can be changed."))
            deliberation.period_ids = [
                Command.clear(),
                *deliberation._period_commands(deliberation.year),
            ]

    def action_extend_periods(self):
        """The periods of the next year, for a deliberation still in force then: it
        applies until another replaces it (L2333-26), and its hosts keep
        declaring."""
        for deliberation in self:
            if deliberation.state != "adopted":
                raise UserError(self.env._("Only an adopted deliberation is extended."))
            year = max([p.date_to.year for p in deliberation.period_ids] or [0]) + 1
            year = max(year, deliberation.year)
            if self.search_count(
                [
                    ("epci_id", "=", deliberation.epci_id.id),
                    ("company_id", "=", deliberation.company_id.id),
                    ("year", "=", year),
                ],
                limit=1,
            ):
                raise UserError(
                    self.env._(
                        "A deliberation for %(year)s replaces this one: its periods "
                        "are that deliberation's.",
                        year=year,
                    )
                )
            deliberation.period_ids = deliberation._period_commands(year)

    def _period_commands(self, year):
        """Commands creating the collection periods of `year`."""
        self.ensure_one()
        deliberation = self
        months = FREQUENCY_MONTHS[deliberation.period_frequency]
        start = date(year, 1, 1)
        commands = []
        while start.year == year:
            end = start + relativedelta(months=months, days=-1)
            commands.append(
                Command.create(
                    {
                        "date_from": start,
                        "date_to": end,
                        "declaration_due": end
                        + relativedelta(days=deliberation.declaration_delay),
                        "payment_due": end
                        + relativedelta(days=deliberation.payment_delay),
                    }
                )
            )
            start = end + relativedelta(days=1)
        return commands

    @api.model
    def _find(self, commune, year):
        """The adopted deliberation in force in `year` for `commune`: that of the
        year, or the latest before it (in force until replaced, L2333-26)."""
        if not commune or not commune.epci_id:
            return self.browse()
        found = self.search(
            [
                ("epci_id", "=", commune.epci_id.id),
                ("year", "<=", year),
                ("state", "=", "adopted"),
            ],
            order="year desc",
        )
        in_force = deliberation_in_force(found.mapped("year"), year)
        return found.filtered(lambda d: d.year == in_force)[:1]

    def _regime_for(self, lodging, day=None):
        """The regime of `lodging` on `day` (today by default), from its nature
        and its category that day (L2333-26)."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        return regime(
            lodging.nature_id.code,
            lodging._category_code(day),
            set(self.flat_rate_nature_ids.mapped("code")),
        )

    def _surcharges_on(self, day):
        """(add-ons levied on `day` in their order, their rates as fractions)."""
        self.ensure_one()
        surcharges = self.surcharge_ids.sorted("sequence")._applies_on(day)
        return surcharges, [to_decimal(s.rate) / 100 for s in surcharges]

    def _tariff_for(self, category, year=None):
        """Tariff per person and night of a classified category (Decimal) for the
        nights of `year` (the deliberation's own by default): within that year's
        legal scale (L2333-30) when the deliberation stays in force after its
        year."""
        self.ensure_one()
        line = self.tariff_ids.filtered(lambda t: t.category_id == category)[:1]
        if not line:
            return None
        tariff = to_decimal(line.tariff, 2)
        if year and year != self.year:
            floor, ceiling = (
                self.env["tourism.tax.legal.scale"]
                ._get_scale(year)
                .get(category, (None, None))
            )
            tariff = tariff_within_scale(
                tariff,
                None if floor is None else to_decimal(floor, 2),
                None if ceiling is None else to_decimal(ceiling, 2),
            )
        return tariff
