# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import date
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.calculator import (
    TaxCalculationError,
    compute_platform_difference,
    compute_stay_tax,
    split_stay,
)
from .tourism_tax_deliberation import to_decimal


class LazyLabel:
    """The label of a stay, made when a message is formatted."""

    __slots__ = ("stay",)

    def __init__(self, stay):
        self.stay = stay

    def __str__(self):
        return self.stay._line_label()


class TourismTaxStay(models.Model):
    """A stay declared by a host: the line of the registre du logeur."""

    _name = "tourism.tax.stay"
    _description = "Declared Stay"
    _order = "arrival, id"

    declaration_id = fields.Many2one(
        "tourism.tax.declaration", required=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="declaration_id.currency_id")
    # Stored for the statistics (nights and tax by commune, nature, month, channel).
    # Computed per declaration rather than as related fields, which are computed
    # one stay at a time: a month's register is thousands of stays.
    lodging_id = fields.Many2one(
        "tourism.lodging", compute="_compute_from_declaration", store=True
    )
    commune_id = fields.Many2one(
        "tourism.commune", compute="_compute_from_declaration", store=True
    )
    nature_id = fields.Many2one(
        "tourism.lodging.nature", compute="_compute_from_declaration", store=True
    )
    classification = fields.Selection(
        selection=lambda self: self.env["tourism.lodging"]
        ._fields["classification"]
        ._description_selection(self.env),
        compute="_compute_from_declaration",
        store=True,
    )
    period_start = fields.Date(compute="_compute_from_declaration", store=True)
    state = fields.Selection(
        selection=lambda self: self.env["tourism.tax.declaration"]
        ._fields["state"]
        ._description_selection(self.env),
        compute="_compute_from_declaration",
        store=True,
    )
    arrival = fields.Date(required=True)
    departure = fields.Date(required=True)
    nights = fields.Integer(compute="_compute_nights", store=True)
    persons = fields.Integer(required=True, default=1)
    exempt_minors = fields.Integer(string="Minors")
    exempt_seasonal = fields.Integer(string="Seasonal Workers")
    exempt_emergency = fields.Integer(string="Emergency Housing")
    exempt_low_rent = fields.Integer(string="Low Rent")
    exempt_persons = fields.Integer(compute="_compute_exempt_persons", store=True)
    price_per_night = fields.Float(
        string="Price per Night excl. Taxes",
        digits=(16, 2),
        help="Needed for unclassified lodgings: the tax is a percentage of it.",
    )
    channel = fields.Selection(
        selection=[("direct", "Direct"), ("platform", "Collected by a platform")],
        default="direct",
        required=True,
    )
    platform_id = fields.Many2one(
        "res.partner", string="Platform", domain=[("is_tourism_platform", "=", True)]
    )
    platform_collected = fields.Float(
        string="Tax Collected by the Platform",
        digits=(16, 2),
        help="For a classified lodging whose platform collected the tax at the "
        "unclassified rate: the tax the platform collected for this stay, add-ons "
        "included. The host declares the difference with the tax at his "
        "classified tariff. Leave empty when the platform collected at the right "
        "tariff: nothing is then due by the host for this stay.",
    )
    taxable_person_nights = fields.Integer(compute="_compute_amounts", store=True)
    # Floats rounded to the cent rather than Monetary fields: the calculator already
    # rounds each amount to the cent in euros, and a monetary field looks its
    # currency up for every line it writes, which halves the lines computed per
    # second on a department's month. Shown with the monetary widget.
    amount_base = fields.Float(
        string="Base Tax", digits=(16, 2), compute="_compute_amounts", store=True
    )
    amount_surcharges = fields.Float(
        string="Add-ons", digits=(16, 2), compute="_compute_amounts", store=True
    )
    amount_total = fields.Float(
        string="Total Due", digits=(16, 2), compute="_compute_amounts", store=True
    )

    @api.depends(
        "declaration_id.lodging_id.commune_id",
        "declaration_id.lodging_id.nature_id",
        "declaration_id.lodging_id.classification",
        "declaration_id.date_from",
        "declaration_id.state",
    )
    def _compute_from_declaration(self):
        by_declaration = defaultdict(list)
        for stay in self:
            by_declaration[stay.declaration_id].append(stay.id)
        for declaration, ids in by_declaration.items():
            lodging = declaration.lodging_id
            self.browse(ids).update(
                {
                    "lodging_id": lodging.id,
                    "commune_id": lodging.commune_id.id,
                    "nature_id": lodging.nature_id.id,
                    "classification": lodging.classification,
                    "period_start": declaration.date_from,
                    "state": declaration.state,
                }
            )

    @api.depends("arrival", "departure")
    def _compute_nights(self):
        for stay in self:
            valid = stay.arrival and stay.departure and stay.departure > stay.arrival
            stay.nights = (stay.departure - stay.arrival).days if valid else 0

    @api.depends(
        "exempt_minors", "exempt_seasonal", "exempt_emergency", "exempt_low_rent"
    )
    def _compute_exempt_persons(self):
        for stay in self:
            stay.exempt_persons = (
                stay.exempt_minors
                + stay.exempt_seasonal
                + stay.exempt_emergency
                + stay.exempt_low_rent
            )

    @api.depends(
        "arrival",
        "departure",
        "persons",
        "exempt_persons",
        "price_per_night",
        "channel",
        "platform_collected",
        "declaration_id.lodging_id",
        "declaration_id.period_id",
    )
    def _compute_amounts(self):
        cache = {}  # deliberations, categories, tariffs: looked up once for the batch
        names = ("taxable_person_nights", "amount_base", "amount_surcharges")
        values = {name: [] for name in (*names, "amount_total")}
        for stay in self:
            try:
                part = stay._tax_breakdown(cache)
            except ValidationError:
                # Shown when the host submits; the line keeps no amount meanwhile.
                part = {"base": Decimal(0), "surcharges": {}, "nights": 0}
            surcharges = sum(part["surcharges"].values(), Decimal(0))
            values["taxable_person_nights"].append(part["nights"])
            values["amount_base"].append(float(part["base"]))
            values["amount_surcharges"].append(float(surcharges))
            values["amount_total"].append(float(part["base"] + surcharges))
        if all(self._ids):
            # Hot path (a month of a department is 25,000 lines): the calculator
            # returns amounts already rounded to the cent, so they go to the cache
            # as they are; assigning each monetary field one record at a time would
            # cost more than computing the tax.
            for name, column in values.items():
                field = self._fields[name]
                self.env.remove_to_compute(field, self)
                self.env.cache.update(self, field, column, dirty=True)
            return
        for stay, *row in zip(self, *values.values(), strict=True):
            stay.update(dict(zip(values, row, strict=True)))

    def _line_label(self):
        return _(
            "Stay from %(arrival)s to %(departure)s",
            arrival=self.arrival and self.arrival.strftime("%d/%m/%Y"),
            departure=self.departure and self.departure.strftime("%d/%m/%Y"),
        )

    def _tax_breakdown(self, deliberations=None):
        """{'base', 'surcharges': {surcharge: amount}, 'nights'}; the tariff in force on
        each night applies, so a stay across 31 December uses both years'.
        `deliberations`: a dict the caller keeps to look each deliberation, category,
        add-on and tariff up once for a batch of stays."""
        if deliberations is None:
            deliberations = {}
        self.ensure_one()
        result = {"base": Decimal(0), "surcharges": defaultdict(Decimal), "nights": 0}
        lodging = self.declaration_id.lodging_id
        # A platform collected the tax: nothing is due by the host, unless it
        # collected less than his classified tariff (then the difference is).
        difference = self.channel == "platform" and self.platform_collected > 0
        if (self.channel == "platform" and not difference) or not lodging:
            return result
        if not self.nights:
            return result
        boundaries = [
            date(year, 1, 1)
            for year in range(self.arrival.year + 1, self.departure.year + 1)
        ]
        Deliberation = self.env["tourism.tax.deliberation"]
        for first_night, _last_night, nights in split_stay(
            self.arrival, self.departure, boundaries
        ):
            key = (lodging.commune_id.epci_id.id, first_night.year)
            if key not in deliberations:
                deliberations[key] = Deliberation._find(lodging.commune_id, key[1])
            deliberation = deliberations[key]
            if not deliberation:
                raise ValidationError(
                    _(
                        "%(line)s: there is no adopted deliberation for %(year)s.",
                        line=self._line_label(),
                        year=first_night.year,
                    )
                )
            key = ("category", lodging.id, first_night)
            if key not in deliberations:
                deliberations[key] = lodging._get_category(first_night)
            category = deliberations[key]
            key = ("surcharges", deliberation.id, first_night)
            if key not in deliberations:
                deliberations[key] = deliberation._surcharges_on(first_night)
            surcharges, rates = deliberations[key]
            if difference and category.is_proportional:
                continue  # unclassified: the platform's rate is the lodging's own
            params = {
                "nights": nights,
                "persons": self.persons,
                "exempt_persons": self.exempt_persons,
                "surcharge_rates": rates,
                "rounding": deliberation.rounding,
            }
            if category.is_proportional:
                params.update(
                    proportional_rate=to_decimal(deliberation.unclassified_rate) / 100,
                    price_per_night=(
                        to_decimal(self.price_per_night, 2)
                        if self.price_per_night
                        else None
                    ),
                    cap=to_decimal(deliberation.highest_tariff, 2),
                )
            else:
                key = ("tariff", deliberation.id, category.id)
                if key not in deliberations:
                    deliberations[key] = deliberation._tariff_for(category)
                params["tariff"] = deliberations[key]
            try:
                tax = compute_stay_tax(**params)
            except TaxCalculationError as error:
                raise ValidationError(self._error_message(error)) from error
            result["base"] += tax.base
            result["nights"] += tax.taxable_person_nights
            for surcharge, amount in zip(surcharges, tax.surcharges, strict=True):
                result["surcharges"][surcharge] += amount
        if difference:
            result = self._platform_difference(result)
        return result

    def _platform_difference(self, full):
        """The part of `full` (the tax at the classified tariff) that the platform
        did not collect; the platform's nights are not the host's."""
        order = list(full["surcharges"])
        try:
            due = compute_platform_difference(
                base=full["base"],
                surcharges=[full["surcharges"][surcharge] for surcharge in order],
                collected=to_decimal(self.platform_collected, 2),
            )
        except TaxCalculationError as error:
            raise ValidationError(self._error_message(error)) from error
        return {
            "base": due.base,
            "surcharges": defaultdict(Decimal, zip(order, due.surcharges, strict=True)),
            "nights": 0,
        }

    def _error_message(self, error):
        messages = {
            "exempt_exceeds_persons": _("more exempt persons than persons"),
            "negative_amount": _("the tax collected by the platform is negative"),
            "missing_price": _(
                "the price per night is needed for an unclassified lodging"
            ),
            "missing_tariff": _("the deliberation has no tariff for this category"),
            "zero_persons_unclassified": _("at least one person stays"),
        }
        return _(
            "%(line)s: %(problem)s.",
            line=self._line_label(),
            problem=messages.get(error.code, _("the values are not valid")),
        )

    @api.constrains("arrival", "departure", "persons", "exempt_persons")
    def _check_stay_values(self):
        for stay in self:
            # The label (dates formatted, translated) only when there is an error.
            label = LazyLabel(stay)
            if stay.departure <= stay.arrival:
                raise ValidationError(
                    _("%(line)s: the departure must be after the arrival.", line=label)
                )
            if (
                stay.persons < 1
                or min(
                    stay.exempt_minors,
                    stay.exempt_seasonal,
                    stay.exempt_emergency,
                    stay.exempt_low_rent,
                )
                < 0
            ):
                raise ValidationError(
                    _("%(line)s: the numbers of persons must be positive.", line=label)
                )
            if stay.exempt_persons > stay.persons:
                raise ValidationError(
                    _("%(line)s: more exempt persons than persons.", line=label)
                )
            period = stay.declaration_id.period_id
            last_night = stay.departure and date.fromordinal(
                stay.departure.toordinal() - 1
            )
            if period and (
                stay.arrival < period.date_from or last_night > period.date_to
            ):
                raise ValidationError(
                    _(
                        "%(line)s: its nights must fall within the period %(period)s; "
                        "declare the other nights with their own period.",
                        line=label,
                        period=period.name,
                    )
                )

    def _check_declaration_open(self):
        if any(
            stay.declaration_id.state not in ("draft", "submitted") for stay in self
        ):
            raise UserError(
                _(
                    "A validated declaration cannot be changed: create a rectifying "
                    "declaration."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        stays = super().create(vals_list)
        stays._check_declaration_open()
        return stays

    def write(self, vals):
        self._check_declaration_open()
        return super().write(vals)

    def unlink(self):
        self._check_declaration_open()
        return super().unlink()
