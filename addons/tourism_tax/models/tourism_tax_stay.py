# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars
import itertools
from collections import defaultdict, namedtuple
from datetime import date
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.models import PREFETCH_MAX
from odoo.tools import float_round

from ..tools.calculator import (
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


def _nights(arrival, departure):
    valid = arrival and departure and departure > arrival
    return (departure - arrival).days if valid else 0


def _amount_values(part):
    """The stored amounts of a stay from its breakdown in cents. An invalid stay
    (part None) is refused when the host submits; it keeps no amount meanwhile."""
    if part is None:
        return {
            "taxable_person_nights": 0,
            "amount_base": 0.0,
            "amount_surcharges": 0.0,
            "amount_total": 0.0,
        }
    surcharges = sum(part["surcharges"].values())
    # An int divided by 100 is the float nearest to the amount, as float("12.34").
    return {
        "taxable_person_nights": part["nights"],
        "amount_base": part["base"] / 100,
        "amount_surcharges": surcharges / 100,
        "amount_total": (part["base"] + surcharges) / 100,
    }


def _ratio(value):
    """A Decimal (or None) as the calculator's (numerator, denominator)."""
    return None if value is None else value.as_integer_ratio()


# (field type, value type) that need no conversion (see _precompute).
_PLAIN_TYPES = frozenset(
    (
        ("date", date),
        ("integer", int),
        ("float", float),
        ("selection", str),
        ("boolean", bool),
    )
)
# The stays being created: their defaults per set of fields given, and their
# computed fields (see _prepare_create_values).
_CREATING = contextvars.ContextVar("tourism_tax_stay_creating", default=None)
# What the tax of a batch of stays needs of their lodgings, deliberations and
# categories, read once for the batch.
_LodgingInfo = namedtuple(
    "_LodgingInfo", ("record", "id", "commune", "epci_id", "classification_expiry")
)
# The rates and amounts as ratios of ints (see calculator.stay_tax_cents).
_DeliberationInfo = namedtuple(
    "_DeliberationInfo", ("record", "rounding", "proportional_rate", "cap")
)
_CategoryInfo = namedtuple("_CategoryInfo", ("record", "id", "is_proportional"))
# Most stays computed together (see _compute_amounts).
_COMPUTE_MAX = 50000
# The amounts a stay computes, and from how many dirty stays they are flushed as
# they are in the cache (see _flush).
_AMOUNT_FIELDS = (
    "taxable_person_nights",
    "amount_base",
    "amount_surcharges",
    "amount_total",
)
_FLUSH_AS_IS_MIN = 100


def assign_columns(records, columns):
    """Set computed fields of `records` being computed from lists of values in
    cache format (same order as the records), as Odoo's assignment of a field
    being computed does: a month's register is thousands of stays, and assigning
    them one record at a time costs more than computing them."""
    if not all(records._ids):
        for record, *row in zip(records, *columns.values(), strict=True):
            record.update(dict(zip(columns, row, strict=True)))
        return
    for name, column in columns.items():
        field = records._fields[name]
        records.env.remove_to_compute(field, records)
        records.env.cache.update(records, field, column, dirty=True)


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
    # one stay at a time: a month's register is thousands of stays. The computed
    # fields are precomputed: see _precompute.
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
    arrival = fields.Date(required=True)
    departure = fields.Date(required=True)
    nights = fields.Integer(compute="_compute_nights", store=True, precompute=True)
    persons = fields.Integer(required=True, default=1)
    exempt_minors = fields.Integer(string="Minors")
    exempt_seasonal = fields.Integer(string="Seasonal Workers")
    exempt_emergency = fields.Integer(string="Emergency Housing")
    exempt_low_rent = fields.Integer(
        string="Low Rent",
        help="Occupants of a lodging let below the threshold the deliberation voted "
        "(L2333-31 4°); without a threshold there is no such exemption.",
    )
    resident_persons = fields.Integer(
        string="Domiciled in the Commune",
        help="Persons domiciled in the commune are outside the tax (L2333-29).",
    )
    free_of_charge = fields.Boolean(
        help="Nothing is paid for the lodging: only a stay for consideration is "
        "taxed (L2333-26).",
    )
    exempt_persons = fields.Integer(
        compute="_compute_exempt_persons", store=True, precompute=True
    )
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
        by_declaration = defaultdict(list)
        for stay in self:
            by_declaration[stay.declaration_id].append(stay.id)
        for declaration, ids in by_declaration.items():
            self.browse(ids)._assign(self._declaration_values(declaration))

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
        self._assign_columns(
            {
                "nights": [
                    _nights(arrival, departure)
                    for arrival, departure in zip(
                        self.mapped("arrival"), self.mapped("departure"), strict=True
                    )
                ]
            }
        )

    @api.depends(
        "exempt_minors",
        "exempt_seasonal",
        "exempt_emergency",
        "exempt_low_rent",
        "resident_persons",
    )
    def _compute_exempt_persons(self):
        columns = (self.mapped(name) for name in _EXEMPT_FIELDS)
        self._assign_columns(
            {"exempt_persons": [sum(row) for row in zip(*columns, strict=True)]}
        )

    def _assign(self, values):
        """Set computed fields to the same values on the stays being computed."""
        if not all(self._ids):
            self.update(values)
            return
        # Straight to the cache, as Odoo does for records being computed, without
        # comparing each stay's old value (they are being computed: nothing to keep).
        for name, value in values.items():
            field = self._fields[name]
            self.env.remove_to_compute(field, self)
            value = field.convert_to_cache(value, self)
            self.env.cache.update(self, field, itertools.repeat(value), dirty=True)

    def _assign_columns(self, columns):
        assign_columns(self, columns)

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
        stays = self
        if all(self._ids):
            # Odoo computes stored fields 1,000 records at a time, and a month's
            # stays share their lodgings, deliberations and tariffs: the stays
            # still to compute are computed with these, their lookups done once.
            pending = self.env.records_to_compute(self._fields["amount_total"])
            if pending:
                stays = self | pending[: max(0, _COMPUTE_MAX - len(self))].exists()
        lookups = {}  # deliberations, categories, tariffs, taxes: once for the batch
        values = defaultdict(list)
        for part in stays._breakdowns_cents(lookups, raise_errors=False):
            for name, value in _amount_values(part).items():
                values[name].append(value)
        # The calculator's amounts are already rounded to the cent: they go to the
        # cache as they are.
        stays._assign_columns(values)

    def _flush(self, fnames=None):
        # The amounts of a stay are the calculator's, exact to the cent, and a
        # month's register is thousands of stays: Odoo's conversion of each value
        # before its UPDATE (rounding to the digits again, formatting) costs as
        # much as computing them. Many stays' amounts are written as they are in
        # the cache by Odoo's own multi-row UPDATE; a few stays as Odoo does.
        cache = self.env.cache
        dirty_fields = cache.get_dirty_fields()
        fields = [
            self._fields[name]
            for name in _AMOUNT_FIELDS
            if (fnames is None or name in fnames) and self._fields[name] in dirty_fields
        ]
        dirty = {field: cache.get_dirty_records(self, field)._ids for field in fields}
        ids = sorted(set().union(*dirty.values()))
        if len(ids) >= _FLUSH_AS_IS_MIN:
            columns = []
            for field in fields:
                cache.clear_dirty_field(field)
                columns.append(
                    (
                        field.name,
                        cache._get_field_cache(self, field),
                        set(dirty[field]),
                    )
                )
            self.browse(ids)._write_multi(
                [
                    {
                        name: values[id_]
                        for name, values, dirty_ids in columns
                        if id_ in dirty_ids
                    }
                    for id_ in ids
                ]
            )
        return super()._flush(fnames)

    def _line_label(self):
        return self._label_of(self.arrival, self.departure)

    def _label_of(self, arrival, departure):
        return _(
            "Stay from %(arrival)s to %(departure)s",
            arrival=arrival and arrival.strftime("%d/%m/%Y"),
            departure=departure and departure.strftime("%d/%m/%Y"),
        )

    def _error_message(self, error, row):
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
            line=self._label_of(row.arrival, row.departure),
            problem=messages.get(error.code, _("the values are not valid")),
        )

    def _platform_difference(self, full, row):
        """The part of `full` (the tax at the classified tariff, in cents) that the
        platform did not collect; the platform's nights are not the host's."""
        order = list(full["surcharges"])
        try:
            due = compute_platform_difference(
                base=from_cents(full["base"]),
                surcharges=[
                    from_cents(full["surcharges"][surcharge]) for surcharge in order
                ],
                collected=to_decimal(row.platform_collected, 2),
            )
        except TaxCalculationError as error:
            raise ValidationError(self._error_message(error, row)) from error
        return {
            "base": int(due.base.scaleb(2)),
            "surcharges": defaultdict(
                int,
                zip(
                    order,
                    (int(amount.scaleb(2)) for amount in due.surcharges),
                    strict=True,
                ),
            ),
            "nights": 0,
        }

    def _tax_breakdown(self, lookups=None):
        """{'base', 'surcharges': {surcharge: amount}, 'nights'}; the tariff in force on
        each night applies, so a stay across 31 December uses both years'.
        `lookups`: a dict the caller keeps to look each deliberation, category,
        add-on and tariff up once for a batch of stays. Raises a ValidationError
        naming the line when its tax cannot be computed."""
        self.ensure_one()
        return self._breakdowns(lookups)[0]

    def _breakdowns(self, lookups=None):
        """The breakdown of each stay (in order), amounts in Decimal euros. Raises
        a ValidationError naming the first line whose tax cannot be computed."""
        return [self._in_euros(part) for part in self._breakdowns_cents(lookups)]

    @api.model
    def _in_euros(self, part):
        """A breakdown in cents (add-ons by id) → in Decimal euros (by record)."""
        surcharges = self.env["tourism.tax.surcharge"]
        return {
            "base": from_cents(part["base"]),
            "surcharges": defaultdict(
                Decimal,
                {
                    surcharges.browse(surcharge_id): from_cents(cents)
                    for surcharge_id, cents in part["surcharges"].items()
                },
            ),
            "nights": part["nights"],
        }

    def _breakdowns_cents(self, lookups=None, raise_errors=True):
        """The breakdown of each stay (in order), amounts in cents, its inputs read
        a column at a time: reading them stay by stay costs more than computing
        the tax. With `raise_errors` False, an invalid stay gets None instead of an
        error."""
        lookups = {} if lookups is None else lookups
        if len(self) > PREFETCH_MAX and all(self._ids):
            # In one query: each field read on its own reads 1,000 stays at a time.
            self.fetch(["declaration_id", *_ROW_FIELDS])
        rows = zip(*(self.mapped(name) for name in _ROW_FIELDS), strict=True)
        if all(self._ids):
            declaration_ids = self._declaration_ids()
            declarations = self.env["tourism.tax.declaration"].browse(
                set(declaration_ids)
            )
            declarations.mapped("lodging_id.commune_id")  # fetched together
            by_id = {
                declaration.id: self._lodging_info(declaration, lookups)
                for declaration in declarations
            }
            of_stays = [by_id[id_] for id_ in declaration_ids]
        else:  # new stays (a form being edited) point to new declarations
            of_stays = [
                self._lodging_info(stay.declaration_id, lookups) for stay in self
            ]
        results = []
        breakdown = self._breakdown
        for lodging, values in zip(of_stays, rows, strict=True):
            try:
                results.append(breakdown(_Row._make(values), lodging, lookups))
            except ValidationError:
                if raise_errors:
                    raise
                results.append(None)
        return results

    def _declaration_ids(self):
        """The declaration id of each stay (in order), from the cache: a record for
        each of a month's thousands of stays costs more than their tax."""
        if len(self) > PREFETCH_MAX:
            self.fetch(["declaration_id"])  # in one query
        else:
            self.mapped("declaration_id")  # with the stays' other fields
        return list(self.env.cache.get_values(self, self._fields["declaration_id"]))

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
        """Breakdown in cents of the stay `row` in `lodging` (a _LodgingInfo), the
        add-ons by id."""
        result = {"base": 0, "surcharges": defaultdict(int), "nights": 0}
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
                    _(
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
            result["base"] += tax.base
            result["nights"] += tax.taxable_person_nights
            for surcharge, amount in zip(surcharges, tax.surcharges, strict=True):
                result["surcharges"][surcharge] += amount
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
                problem = _("%(line)s: the departure must be after the arrival.")
            elif persons < 1 or min(exempt) < 0:
                problem = _("%(line)s: the numbers of persons must be positive.")
            elif exempt_persons > persons:
                problem = _("%(line)s: more exempt persons than persons.")
            elif period and (
                arrival < period.date_from
                or date.fromordinal(departure.toordinal() - 1) > period.date_to
            ):
                problem = _(
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
                problem = _(
                    "%(line)s: the deliberation voted no low-rent threshold, so "
                    "nobody is exempt for a low rent."
                )
            elif not low_rent_exemption(
                None if price is None else to_decimal(price, 2),
                to_decimal(threshold, 2),
            ):
                problem = _(
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

    @api.model
    def _precompute(self, vals_list):
        """The computed fields of the stays to create, computed together (one dict
        per values, None for values it cannot read: Odoo computes those). They are
        `precompute` fields: Odoo inserts them with the stays instead of computing
        them afterwards and updating every row again."""
        todo = [
            vals
            for vals in vals_list
            if type(vals.get("declaration_id")) is int  # an id, not False
            and vals.get("arrival")
            and vals.get("departure")
        ]
        if not todo:
            return [None] * len(vals_list)
        names = [
            name
            for name in (*_ROW_FIELDS, *_EXEMPT_FIELDS)
            if name not in ("nights", "exempt_persons")
        ]
        defaults = self.default_get(names)
        types = {name: self._fields[name].type for name in names}
        declarations = self.env["tourism.tax.declaration"].browse(
            {vals["declaration_id"] for vals in todo}
        )
        declarations.mapped("lodging_id.commune_id")  # fetched together
        lookups = {}
        of_declaration = {
            declaration.id: (
                self._lodging_info(declaration, lookups),
                self._declaration_values(declaration),
            )
            for declaration in declarations
        }
        precomputed = {}
        for vals in todo:
            values = {}
            for name in names:
                value = vals.get(name, defaults.get(name))
                # Most values come in the right type: converting them costs more
                # than computing the tax.
                if (types[name], type(value)) not in _PLAIN_TYPES:
                    value = self._plain_value(name, value)
                values[name] = value
            values["nights"] = _nights(values["arrival"], values["departure"])
            values["exempt_persons"] = sum(values[name] for name in _EXEMPT_FIELDS)
            lodging, declaration_values = of_declaration[vals["declaration_id"]]
            try:
                part = self._breakdown(
                    _Row._make(values[name] for name in _ROW_FIELDS), lodging, lookups
                )
            except ValidationError:
                part = None
            precomputed[id(vals)] = {
                "nights": values["nights"],
                "exempt_persons": values["exempt_persons"],
                **declaration_values,
                **_amount_values(part),
            }
        return [precomputed.get(id(vals)) for vals in vals_list]

    @api.model
    def _plain_value(self, name, value):
        """`value` given for the field `name` as the field reads it."""
        field = self._fields[name]
        if field.type == "float" and type(value) is int:
            return float(value)
        return field.convert_to_record(field.convert_to_cache(value, self), self)

    def _prepare_create_values(self, vals_list):
        # Creating a month's register (thousands of stays) one Odoo step at a time
        # costs more than computing its tax: the defaults are looked up once per
        # batch (they depend on the context and on the fields given, not on the
        # values) and the computed fields are computed for the batch together.
        token = _CREATING.set(
            {"defaults": {}, "precomputed": self._precompute(vals_list)}
        )
        try:
            return super()._prepare_create_values(vals_list)
        finally:
            _CREATING.reset(token)

    def _add_precomputed_values(self, vals_list):
        creating = _CREATING.get()
        if creating:
            # Same order as the values given to _prepare_create_values.
            for vals, precomputed in zip(
                vals_list, creating["precomputed"], strict=True
            ):
                for name, value in (precomputed or {}).items():
                    vals.setdefault(name, value)
        return super()._add_precomputed_values(vals_list)

    def _add_missing_default_values(self, values):
        creating = _CREATING.get()
        if creating is None:
            return super()._add_missing_default_values(values)
        memo = creating["defaults"]
        key = frozenset(values)
        if key not in memo:
            memo[key] = {
                name: value
                for name, value in super()
                ._add_missing_default_values(dict.fromkeys(values))
                .items()
                if name not in values
            }
        return {**memo[key], **values}
