# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict, namedtuple
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.models import PREFETCH_MAX
from odoo.tools import float_round

from ..tools.calculator import (
    TaxBreakdown,
    TaxCalculationError,
    compute_platform_difference,
    from_cents,
    low_rent_exemption,
    split_stay,
    stay_tax_cents,
    tariff_boundaries,
)
from .tourism_tax_deliberation import to_decimal

# The stay's fields the tax is computed from, read a column at a time.
_ROW_FIELDS = (
    "arrival",
    "departure",
    "nights",
    "persons",
    "exempt_persons",
    "price_per_night",
    "channel",
    "platform_collected",
    "free_of_charge",
)
_Row = namedtuple("_Row", _ROW_FIELDS)
_EXEMPT_FIELDS = (
    "exempt_minors",
    "exempt_seasonal",
    "exempt_emergency",
    "exempt_low_rent",
    "resident_persons",
)
# The amounts a stay computes, in the order of _amount_values.
_AMOUNT_FIELDS = (
    "taxable_person_nights",
    "amount_base",
    "amount_surcharges",
    "amount_total",
)


def _nights(arrival, departure):
    valid = arrival and departure and departure > arrival
    return (departure - arrival).days if valid else 0


def _amount_values(part):
    """The stored amounts of a stay (see _AMOUNT_FIELDS) from its TaxBreakdown. An
    invalid stay (part None) is refused when the host submits; it keeps no amount
    meanwhile."""
    if part is None:
        return (0, 0.0, 0.0, 0.0)
    # An int divided by 100 is the float nearest to the amount, as float("12.34").
    total = part.total
    return (part.nights, part.base / 100, (total - part.base) / 100, total / 100)


def _ratio(value):
    """A Decimal (or None) as the calculator's (numerator, denominator)."""
    return None if value is None else value.as_integer_ratio()


# What the tax of a batch of stays needs of their lodgings, deliberations and
# categories, looked up once for the batch.
_LodgingInfo = namedtuple(
    "_LodgingInfo", ("record", "id", "commune", "epci_id", "classification_expiry")
)
# The rates and amounts as ratios of ints (see calculator.stay_tax_cents).
_DeliberationInfo = namedtuple(
    "_DeliberationInfo", ("record", "rounding", "proportional_rate", "cap")
)
_CategoryInfo = namedtuple("_CategoryInfo", ("record", "id", "is_proportional"))
_NO_TAX = TaxBreakdown()


class TourismTaxStay(models.Model):
    """A stay declared by a host: the line of the registre du logeur."""

    _name = "tourism.tax.stay"
    _description = "Declared Stay"
    _inherit = ["tourism.money.document.mixin"]
    _order = "arrival, id"
    # A line of its declaration: frozen whole (creation and deletion too) once the
    # declaration is submitted.
    _money_parent_field = "declaration_id"

    declaration_id = fields.Many2one(
        "tourism.tax.declaration", required=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="declaration_id.currency_id")
    # Stored for the statistics (nights and tax by commune, nature, month, channel).
    # Computed per declaration rather than as related fields, which are computed
    # one stay at a time: a month's register is thousands of stays. Precomputed:
    # computed before the rows are inserted, not updated after.
    lodging_id = fields.Many2one(
        "tourism.lodging",
        compute="_compute_from_declaration",
        store=True,
        precompute=True,
    )
    commune_id = fields.Many2one(
        "tourism.commune",
        compute="_compute_from_declaration",
        store=True,
        precompute=True,
    )
    nature_id = fields.Many2one(
        "tourism.lodging.nature",
        compute="_compute_from_declaration",
        store=True,
        precompute=True,
    )
    classification = fields.Selection(
        selection=lambda self: self.env["tourism.lodging"]
        ._fields["classification"]
        ._description_selection(self.env),
        compute="_compute_from_declaration",
        store=True,
        precompute=True,
    )
    period_start = fields.Date(
        compute="_compute_from_declaration", store=True, precompute=True
    )
    state = fields.Selection(
        selection=lambda self: self.env["tourism.tax.declaration"]
        ._fields["state"]
        ._description_selection(self.env),
        compute="_compute_from_declaration",
        store=True,
        precompute=True,
    )
    # Every input of the tax has a default: the stays being created are computed
    # before they are inserted (precompute), and a value neither given nor
    # defaulted is looked up stay by stay.
    # Indexed: the observatory's monthly sums read the stays by arrival date
    # (tourism_observatory, tourism.observatory.fact._monthly).
    arrival = fields.Date(required=True, index=True)
    departure = fields.Date(required=True)
    nights = fields.Integer(compute="_compute_nights", store=True, precompute=True)
    persons = fields.Integer(required=True, default=1)
    exempt_minors = fields.Integer(string="Minors", default=0)
    exempt_seasonal = fields.Integer(string="Seasonal Workers", default=0)
    exempt_emergency = fields.Integer(string="Emergency Housing", default=0)
    exempt_low_rent = fields.Integer(
        string="Low Rent",
        default=0,
        help="Occupants of a lodging let below the threshold the deliberation voted "
        "(L2333-31 4°); without a threshold there is no such exemption.",
    )
    resident_persons = fields.Integer(
        string="Domiciled in the Commune",
        default=0,
        help="Persons domiciled in the commune are outside the tax (L2333-29).",
    )
    free_of_charge = fields.Boolean(
        default=False,
        help="Nothing is paid for the lodging: only a stay for consideration is "
        "taxed (L2333-26).",
    )
    exempt_persons = fields.Integer(
        compute="_compute_exempt_persons", store=True, precompute=True
    )
    price_per_night = fields.Float(
        string="Price per Night excl. Taxes",
        digits=(16, 2),
        default=0.0,
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
        default=0.0,
        help="For a classified lodging whose platform collected the tax at the "
        "unclassified rate: the tax the platform collected for this stay, add-ons "
        "included. The host declares the difference with the tax at his "
        "classified tariff. Leave empty when the platform collected at the right "
        "tariff: nothing is then due by the host for this stay.",
    )
    taxable_person_nights = fields.Integer(
        compute="_compute_amounts", store=True, precompute=True
    )
    # Floats rounded to the cent rather than Monetary fields: the calculator already
    # rounds each amount to the cent in euros, and a monetary field looks its
    # currency up for every line it writes, which halves the lines computed per
    # second on a department's month. Shown with the monetary widget.
    amount_base = fields.Float(
        string="Base Tax",
        digits=(16, 2),
        compute="_compute_amounts",
        store=True,
        precompute=True,
    )
    amount_surcharges = fields.Float(
        string="Add-ons",
        digits=(16, 2),
        compute="_compute_amounts",
        store=True,
        precompute=True,
    )
    amount_total = fields.Float(
        string="Total Due",
        digits=(16, 2),
        compute="_compute_amounts",
        store=True,
        precompute=True,
    )

    @api.depends(
        "declaration_id.lodging_id.commune_id",
        "declaration_id.lodging_id.nature_id",
        "declaration_id.lodging_id.classification",
        "declaration_id.submitted_commune_id",
        "declaration_id.submitted_nature_id",
        "declaration_id.submitted_classification",
        "declaration_id.date_from",
        "declaration_id.state",
    )
    def _compute_from_declaration(self):
        for declaration, stays in self.grouped("declaration_id").items():
            stays.update(self._declaration_values(declaration))

    @api.model
    def _declaration_values(self, declaration):
        """The fields a stay copies from its declaration, for the statistics: once
        submitted, the lodging as it was declared."""
        lodging = declaration.lodging_id
        return {
            "lodging_id": lodging.id,
            "commune_id": (declaration.submitted_commune_id or lodging.commune_id).id,
            "nature_id": (declaration.submitted_nature_id or lodging.nature_id).id,
            "classification": declaration.submitted_classification
            or lodging.classification,
            "period_start": declaration.date_from,
            "state": declaration.state,
        }

    @api.depends("arrival", "departure")
    def _compute_nights(self):
        for stay in self:
            stay.nights = _nights(stay.arrival, stay.departure)

    @api.depends(*_EXEMPT_FIELDS)
    def _compute_exempt_persons(self):
        for stay in self:
            stay.exempt_persons = sum(stay[name] for name in _EXEMPT_FIELDS)

    @api.depends(
        "arrival",
        "departure",
        "persons",
        "exempt_persons",
        "price_per_night",
        "channel",
        "platform_collected",
        "free_of_charge",
        "declaration_id.lodging_id",
        "declaration_id.period_id",
    )
    def _compute_amounts(self):
        # Odoo computes them for up to 1,000 stays at a time (a month's register
        # is thousands): their inputs are read a column at a time, their
        # lodgings, deliberations and tariffs looked up once for the batch, and
        # the stays with the same amounts (most of a month's) assigned together.
        same_amounts = defaultdict(list)
        parts = self._breakdowns(raise_errors=False)
        for stay, part in zip(self, parts, strict=True):
            same_amounts[_amount_values(part)].append(stay.id)
        for values, ids in same_amounts.items():
            self.browse(ids).update(dict(zip(_AMOUNT_FIELDS, values, strict=True)))

    def _line_label(self):
        return self._label_of(self.arrival, self.departure)

    def _label_of(self, arrival, departure):
        return self.env._(
            "Stay from %(arrival)s to %(departure)s",
            arrival=arrival and arrival.strftime("%d/%m/%Y"),
            departure=departure and departure.strftime("%d/%m/%Y"),
        )

    def _error_message(self, error, row):
        messages = {
            "exempt_exceeds_persons": self.env._("more exempt persons than persons"),
            "negative_amount": self.env._(
                "the tax collected by the platform is negative"
            ),
            "missing_price": self.env._(
                "the price per night is needed for an unclassified lodging"
            ),
            "missing_tariff": self.env._(
                "the deliberation has no tariff for this category"
            ),
            "zero_persons_unclassified": self.env._("at least one person stays"),
        }
        return self.env._(
            "%(line)s: %(problem)s.",
            line=self._label_of(row.arrival, row.departure),
            problem=messages.get(error.code, self.env._("the values are not valid")),
        )

    def _platform_difference(self, full, row):
        """The part of `full` (a TaxBreakdown, the tax at the classified tariff)
        that the platform did not collect; the platform's nights are not the
        host's."""
        keys = [key for key, _cents in full.surcharges]
        try:
            due = compute_platform_difference(
                base=from_cents(full.base),
                surcharges=[from_cents(cents) for _key, cents in full.surcharges],
                collected=to_decimal(row.platform_collected, 2),
            )
        except TaxCalculationError as error:
            raise ValidationError(self._error_message(error, row)) from error
        return TaxBreakdown.of(due.base, keys, due.surcharges)

    def _tax_breakdown(self, lookups=None):
        """The stay's TaxBreakdown; the tariff in force on each night applies, so a
        stay across 31 December uses both years'. `lookups`: a dict the caller
        keeps to look each deliberation, category, add-on and tariff up once for
        a batch of stays. Raises a ValidationError naming the line when its tax
        cannot be computed."""
        self.ensure_one()
        return self._breakdowns(lookups)[0]

    def _breakdowns(self, lookups=None, raise_errors=True):
        """The TaxBreakdown of each stay (in order), its inputs read a column at a
        time: reading them stay by stay costs more than computing the tax. Raises
        a ValidationError naming the first line whose tax cannot be computed;
        with `raise_errors` False, an invalid stay gets None instead."""
        lookups = {} if lookups is None else lookups
        if len(self) > PREFETCH_MAX and all(self._ids):
            # In one query: each field read on its own reads 1,000 stays at a time.
            self.fetch(["declaration_id", *_ROW_FIELDS])
        # The lodgings, their communes and natures, read once for the batch.
        self.declaration_id.lodging_id.mapped("commune_id.epci_id")
        self.declaration_id.lodging_id.nature_id.mapped("code")
        rows = zip(*(self.mapped(name) for name in _ROW_FIELDS), strict=True)
        results = []
        breakdown = self._breakdown
        for stay, values in zip(self, rows, strict=True):
            lodging = self._lodging_info(stay.declaration_id, lookups)
            try:
                results.append(breakdown(_Row._make(values), lodging, lookups))
            except ValidationError:
                if raise_errors:
                    raise
                results.append(None)
        return results

    @api.model
    def _lodging_info(self, declaration, lookups):
        key = ("lodging", declaration.id)
        if key not in lookups:
            lodging = declaration.lodging_id
            lookups[key] = lodging and _LodgingInfo(
                lodging,
                lodging.id,
                lodging.commune_id,
                lodging.commune_id.epci_id.id,
                lodging.classification_expiry,
            )
        return lookups[key]

    @api.model
    def _deliberation_info(self, lodging, year, lookups):
        key = (lodging.epci_id, year)
        if key not in lookups:
            found = self.env["tourism.tax.deliberation"]._find(lodging.commune, year)
            lookups[key] = found and _DeliberationInfo(
                found,
                found.rounding,
                _ratio(to_decimal(found.unclassified_rate) / 100),
                _ratio(to_decimal(found.highest_tariff, 2)),
            )
        return lookups[key]

    @api.model
    def _category_info(self, lodging, day, lookups):
        # The category changes only when the classification expires.
        expiry = lodging.classification_expiry
        key = ("category", lodging.id, bool(expiry and expiry < day))
        if key not in lookups:
            code = lodging.record._category_code(day)
            if ("code", code) not in lookups:
                category = lodging.record._category_of_code(code)
                lookups["code", code] = _CategoryInfo(
                    category, category.id, category.is_proportional
                )
            lookups[key] = lookups["code", code]
        return lookups[key]

    def _breakdown(self, row, lodging, lookups):
        """TaxBreakdown of the stay `row` in `lodging` (a _LodgingInfo)."""
        result = _NO_TAX
        # A platform collected the tax: nothing is due by the host, unless it
        # collected less than his classified tariff (then the difference is).
        difference = row.channel == "platform" and row.platform_collected > 0
        if (row.channel == "platform" and not difference) or not lodging:
            return result
        # L2333-26: the tax is levied on stays "à titre onéreux"; a free night is
        # not taxed, classified or not (no price to take a percentage of).
        if row.free_of_charge:
            return result
        if not row.nights:
            return result
        for first_night, nights in self._segments(row, lodging):
            deliberation = self._deliberation_info(lodging, first_night.year, lookups)
            if not deliberation:
                raise ValidationError(
                    self.env._(
                        "%(line)s: there is no adopted deliberation for %(year)s.",
                        line=self._label_of(row.arrival, row.departure),
                        year=first_night.year,
                    )
                )
            category = self._category_info(lodging, first_night, lookups)
            key = ("surcharges", deliberation.record.id, first_night)
            if key not in lookups:
                surcharges, rates = deliberation.record._surcharges_on(first_night)
                lookups[key] = surcharges.ids, tuple(_ratio(rate) for rate in rates)
            surcharges, rates = lookups[key]
            if difference and category.is_proportional:
                continue  # unclassified: the platform's rate is the lodging's own
            tax = self._segment_tax(
                row, nights, deliberation, category, rates, lookups, first_night.year
            )
            segment = TaxBreakdown.of(
                tax.base, surcharges, tax.surcharges, tax.taxable_person_nights
            )
            # Most stays are one segment: nothing to add it to.
            result = segment if result == _NO_TAX else result.plus(segment)
        if difference:
            result = self._platform_difference(result, row)
        return result

    @api.model
    def _segments(self, row, lodging):
        """(first night, nights) of the stay `row` in each year and each
        classification of `lodging` (a _LodgingInfo): the tariff in force on each
        night applies, that of the night's year and of the category the lodging
        is in that night (L2333-30; see calculator.tariff_boundaries)."""
        expiry = lodging.classification_expiry
        if row.arrival.year == row.departure.year and not (
            expiry and row.arrival <= expiry < row.departure
        ):
            return ((row.arrival, row.nights),)  # the usual stay, one tariff
        boundaries = tariff_boundaries(row.arrival, row.departure, expiry or None)
        return [
            (first_night, nights)
            for first_night, _last_night, nights in split_stay(
                row.arrival, row.departure, boundaries
            )
        ]

    def _segment_tax(
        self, row, nights, deliberation, category, rates, lookups, year=None
    ):
        """The calculator's tax in cents of `nights` of the stay `row` under
        `deliberation` (a _DeliberationInfo) and `category` (a _CategoryInfo)."""
        if category.is_proportional:
            tariff, rate = None, deliberation.proportional_rate
            cap, price = deliberation.cap, None
            if row.price_per_night:
                # To the cent as stored (to_decimal(price, 2)), in whole cents.
                cents = float_round(row.price_per_night, precision_digits=2) * 100
                price = (round(cents), 100)
        else:
            key = ("tariff", deliberation.record.id, category.id, year)
            if key not in lookups:
                lookups[key] = _ratio(
                    deliberation.record._tariff_for(category.record, year)
                )
            tariff, rate, price, cap = lookups[key], None, None, None
        # The calculator is a pure function: most stays of a month share their
        # nights, persons and tariff, so each distinct computation is done once.
        key = (
            "tax",
            nights,
            row.persons,
            row.exempt_persons,
            tariff,
            rate,
            price,
            cap,
            rates,
            deliberation.rounding,
        )
        tax = lookups.get(key)
        if tax is None:
            try:
                if price and price[0] < 0:
                    raise TaxCalculationError(
                        "negative_amount", field="Price per night"
                    )
                tax = stay_tax_cents(
                    nights=nights,
                    persons=row.persons,
                    exempt_persons=row.exempt_persons,
                    tariff=tariff,
                    proportional_rate=rate,
                    price_per_night=price,
                    cap=cap,
                    surcharge_rates=rates,
                    rounding=deliberation.rounding,
                )
            except TaxCalculationError as error:
                tax = error
            lookups[key] = tax
        if isinstance(tax, TaxCalculationError):
            raise ValidationError(self._error_message(tax, row))
        return tax

    @api.constrains("arrival", "departure", "persons", "exempt_persons")
    def _check_stay_values(self):
        # Columns rather than stay by stay: a month's register is thousands of stays.
        names = (
            "arrival",
            "departure",
            "persons",
            "exempt_minors",
            "exempt_seasonal",
            "exempt_emergency",
            "exempt_low_rent",
            "exempt_persons",
        )
        rows = zip(*(self.mapped(name) for name in names), strict=True)
        self.mapped("declaration_id.period_id")  # fetched together
        periods = {}
        for stay, row in zip(self, rows, strict=True):
            arrival, departure, persons, *exempt, exempt_persons = row
            declaration = stay.declaration_id
            if declaration.id not in periods:
                periods[declaration.id] = declaration.period_id
            period = periods[declaration.id]
            problem = None
            if departure <= arrival:
                problem = self.env._(
                    "%(line)s: the departure must be after the arrival."
                )
            elif persons < 1 or min(exempt) < 0:
                problem = self.env._(
                    "%(line)s: the numbers of persons must be positive."
                )
            elif exempt_persons > persons:
                problem = self.env._("%(line)s: more exempt persons than persons.")
            elif period and (
                arrival < period.date_from
                or date.fromordinal(departure.toordinal() - 1) > period.date_to
            ):
                problem = self.env._(
                    "%(line)s: its nights must fall within the period %(period)s; "
                    "declare the other nights with their own period."
                )
            if problem:
                raise ValidationError(
                    problem
                    % {
                        "line": self._label_of(arrival, departure),
                        "period": period.name,
                    }
                )

    @api.constrains("exempt_low_rent", "price_per_night", "declaration_id")
    def _check_low_rent(self):
        """CGCT L2333-31 4°: the occupants of a lodging whose rent is below the
        threshold the council voted are exempt; no threshold, no exemption, and at
        or above it nobody is exempt."""
        for stay in self.filtered("exempt_low_rent"):
            deliberation = stay.declaration_id.period_id.deliberation_id
            threshold = deliberation.low_rent_threshold or None
            price = stay.price_per_night if stay.price_per_night else None
            if threshold is None:
                problem = self.env._(
                    "%(line)s: the deliberation voted no low-rent threshold, so "
                    "nobody is exempt for a low rent."
                )
            elif not low_rent_exemption(
                None if price is None else to_decimal(price, 2),
                to_decimal(threshold, 2),
            ):
                problem = self.env._(
                    "%(line)s: the low-rent exemption applies only below "
                    "%(threshold)s per night: give the price per night, under it."
                )
            else:
                continue
            raise ValidationError(
                problem
                % {
                    "line": stay._line_label(),
                    "threshold": f"{threshold or 0:.2f}",
                }
            )
