# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Taxe de séjour arithmetic (CGCT L2333-26 and following), no ORM.

Numbers come in as int, str or Decimal (a float is read through ``str``, so 0.1 is
0.1) and money goes out as Decimal quantized to the cent. Intermediate values are
exact fractions: the only roundings are the ones documented for each mode.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Context, Decimal
from fractions import Fraction
from typing import NamedTuple

from odoo.addons.tourism_base.tools import money
from odoo.addons.tourism_base.tools.money import CENT

# Fixed precision for the one inexact operation, whatever the caller's context.
_DIVISION = Context(prec=28)

# Order of rounding for the réel (see compute_stay_tax). No official rule exists
# (docs/domain.md §1.7), so the order is a setting of the collectivité.
ROUNDING_MODES = ("per_person_night", "per_component", "per_stay")

# L2333-41: the forfait allowance (abattement) is voted between 10 % and 80 %.
ALLOWANCE_MIN = Decimal("0.10")
ALLOWANCE_MAX = Decimal("0.80")


class TaxCalculationError(money.CodedError):
    """Bad input. ``code`` is a stable key of MESSAGES; ``params`` fill it."""

    # English source messages; the Odoo layer translates from the code.
    MESSAGES = {
        "invalid_number": "%(field)s is not a number.",
        "not_an_integer": "%(field)s must be a whole number.",
        "negative_nights": "The number of nights cannot be negative.",
        "negative_persons": "%(field)s cannot be negative.",
        "exempt_exceeds_persons": "There are more exempt persons than persons.",
        "missing_tariff": (
            "Give a tariff, or a proportional rate and a price per night."
        ),
        "both_tariff_and_rate": "Give a tariff or a proportional rate, not both.",
        "missing_price": "The proportional rate needs the price per night.",
        "zero_persons_unclassified": (
            "The price per night of an unclassified lodging is divided by the "
            "occupants: there must be at least one."
        ),
        "unknown_rounding": "Unknown rounding mode: %(value)s.",
        "negative_amount": "%(field)s cannot be negative.",
        "negative_capacity": "The capacity cannot be negative.",
        "allowance_out_of_range": "The allowance must be between 0.10 and 0.80.",
        "invalid_date": "%(field)s must be a date.",
        "departure_before_arrival": "The departure is before the arrival.",
        "no_night": "A stay has at least one night.",
        "invalid_quantum": "The rounding step must be positive.",
    }


ERROR_MESSAGES = TaxCalculationError.MESSAGES
ERROR_CODES = frozenset(ERROR_MESSAGES)


@dataclass(frozen=True)
class StayTax:
    """Tax of one stay au réel. ``base + sum(surcharges) == total``."""

    taxable_person_nights: int
    tariff_per_person_night: Decimal  # base tariff after the cap, not rounded
    total_per_person_night: Decimal  # add-ons included, to the cent
    base: Decimal  # the collectivité's own share
    surcharges: tuple  # one amount per add-on rate, in the order given
    total: Decimal


@dataclass(frozen=True)
class FlatRateTax:
    """Tax au forfait of one lodging. ``base + sum(surcharges) == total``."""

    taxable_units: Decimal  # capacity after the allowance, exact
    base: Decimal
    surcharges: tuple
    total: Decimal


# -- conversions ---------------------------------------------------------------


def to_decimal(value, field="value"):
    """The money kit's exact Decimal, with this module's error."""
    return money.to_decimal(value, field, TaxCalculationError)


def _to_int(value, field):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = to_decimal(value, field)
    if number != number.to_integral_value():
        raise TaxCalculationError("not_an_integer", field=field)
    return int(number)


def _to_ratio(value, field):
    """Non-negative exact ratio (numerator, denominator)."""
    number = to_decimal(value, field)
    if number < 0:
        raise TaxCalculationError("negative_amount", field=field)
    return number.as_integer_ratio()


def _to_amount(value, field):
    """Non-negative exact fraction."""
    return Fraction(*_to_ratio(value, field))


def _to_rates(surcharge_rates):
    return tuple(
        _to_amount(rate, f"Surcharge rate {index}")
        for index, rate in enumerate(surcharge_rates, start=1)
    )


def _check_rounding(rounding):
    if rounding not in ROUNDING_MODES:
        raise TaxCalculationError("unknown_rounding", value=rounding)


def _round_to_int(value):
    """Nearest integer of a Fraction, halves away from zero (Decimal's HALF_UP)."""
    magnitude = abs(value)
    result = (magnitude.numerator * 2 + magnitude.denominator) // (
        magnitude.denominator * 2
    )
    return -result if value < 0 else result


def _half_up(numerator, denominator):
    """Nearest integer of numerator / denominator (both non-negative), halves up."""
    return (numerator * 2 + denominator) // (denominator * 2)


def _cents(value):
    """Fraction of euros → whole number of cents, half-up."""
    return _round_to_int(value * 100)


def from_cents(cents):
    """Whole cents → Decimal euros (1234 → Decimal("12.34"))."""
    # Built from a string so that no Decimal context can round it.
    return Decimal(f"{cents}E-2")


def _exact_decimal(value):
    """Fraction → Decimal, exact when the expansion ends (it does for rates and
    tariffs given to the cent); otherwise 28 significant digits."""
    return _decimal_of(value.numerator, value.denominator)


def _decimal_of(numerator, denominator):
    """numerator / denominator (a reduced fraction) as _exact_decimal does."""
    rest = denominator
    twos = fives = 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest == 1:
        digits = max(twos, fives)
        return Decimal(f"{numerator * 10**digits // denominator}E-{digits}")
    return _DIVISION.divide(Decimal(numerator), Decimal(denominator))


def round_half_up(amount, quantum=CENT):
    """Round ``amount`` to a multiple of ``quantum``; halves go away from zero."""
    amount = to_decimal(amount, "amount")
    quantum = to_decimal(quantum, "quantum")
    if quantum <= 0:
        raise TaxCalculationError("invalid_quantum")
    steps = _round_to_int(Fraction(amount) / Fraction(quantum))
    _sign, digits, exponent = quantum.as_tuple()
    step = int("".join(map(str, digits)))
    # Same exponent as the quantum: round_half_up(1, "0.01") is 1.00.
    return Decimal(f"{steps * step}E{exponent}")


# -- réel ----------------------------------------------------------------------


def compute_stay_tax(
    *,
    nights,
    persons,
    exempt_persons=0,
    tariff=None,
    proportional_rate=None,
    price_per_night=None,
    cap=None,
    surcharge_rates=(),
    rounding="per_person_night",
):
    """Taxe de séjour of one stay au réel, add-ons included.

    Give either ``tariff`` (classified lodging, € per person per night) or
    ``proportional_rate`` (e.g. 0.05) and ``price_per_night`` (excluding taxes) for an
    unclassified lodging: the price is divided by all ``persons``, exempt ones
    included (A.4), times the rate. ``cap`` (the highest tariff the collectivité
    adopted) limits the base tariff before the add-ons. ``surcharge_rates`` are the
    add-ons as fractions of the base: (0.10, 0.34) for the Département and the GPSO
    in the Landes.

    Rounding modes (each amount ends at the cent):

    * ``per_person_night`` (Mimizan): the tariff add-ons included is rounded half-up
      once, then multiplied by the person-nights. Each add-on's share is its exact
      amount for the stay rounded half-up; the base takes what is left, so the
      rounding residual stays with the collectivité and the parts add up.
    * ``per_component``: the base tariff is rounded, then each add-on per
      person-night is rounded from the rounded base; all are multiplied.
    * ``per_stay``: the base for the stay is rounded, then each add-on from it;
      ``total_per_person_night`` is only informative (total / person-nights).
    """
    _check_rounding(rounding)
    cents = stay_tax_cents(
        nights=_to_int(nights, "Nights"),
        persons=_to_int(persons, "Persons"),
        exempt_persons=_to_int(exempt_persons, "Exempt persons"),
        surcharge_rates=tuple(
            _to_ratio(rate, f"Surcharge rate {index}")
            for index, rate in enumerate(surcharge_rates, start=1)
        ),
        tariff=None if tariff is None else _to_ratio(tariff, "Tariff"),
        proportional_rate=(
            None
            if proportional_rate is None
            else _to_ratio(proportional_rate, "Proportional rate")
        ),
        price_per_night=(
            None
            if price_per_night is None
            else _to_ratio(price_per_night, "Price per night")
        ),
        cap=None if cap is None else _to_ratio(cap, "Cap"),
        rounding=rounding,
    )
    numerator, denominator = cents.tariff_per_person_night
    divisor = math.gcd(numerator, denominator)
    return StayTax(
        taxable_person_nights=cents.taxable_person_nights,
        tariff_per_person_night=_decimal_of(
            numerator // divisor, denominator // divisor
        ),
        total_per_person_night=from_cents(cents.total_per_person_night),
        base=from_cents(cents.base),
        surcharges=tuple(from_cents(amount) for amount in cents.surcharges),
        total=from_cents(cents.total),
    )


class StayTaxCents(NamedTuple):
    """stay_tax_cents(): StayTax in whole cents, the tariff as a ratio."""

    taxable_person_nights: int
    tariff_per_person_night: tuple  # (numerator, denominator), not reduced
    total_per_person_night: int
    base: int
    surcharges: tuple
    total: int


class TaxBreakdown(NamedTuple):
    """The tax of a stay, a declaration or a platform's remittance by component, in
    whole cents: the collectivité's own tax (``base``), each add-on by its key (the
    id of the add-on: L3333-1 departmental, regional) and the taxable
    person-nights. The one shape the stays, the declarations (and the copy frozen
    when they are submitted), the invoices and the reversal statements share."""

    base: int = 0
    surcharges: tuple = ()  # ((add-on key, cents), ...): each key once, in order
    nights: int = 0

    @classmethod
    def of(cls, base, keys, amounts, nights=0):
        """From the calculator's amounts: ``amounts`` one per add-on of ``keys``,
        in cents (int) or in euros (Decimal, to the cent)."""
        if isinstance(base, Decimal):
            base, amounts = _cents_of(base), [_cents_of(a) for a in amounts]
        return cls(base, tuple(zip(keys, amounts, strict=True)), nights)

    @property
    def total(self):
        """Base and add-ons, in cents."""
        return self.base + sum(cents for _key, cents in self.surcharges)

    def surcharge(self, key):
        """The cents of the add-on ``key`` (0 when it has none)."""
        return next((cents for k, cents in self.surcharges if k == key), 0)

    def plus(self, other):
        """The sum of two breakdowns, component by component."""
        merged = dict(self.surcharges)
        for key, cents in other.surcharges:
            merged[key] = merged.get(key, 0) + cents
        return TaxBreakdown(
            self.base + other.base, tuple(merged.items()), self.nights + other.nights
        )

    # Euros, for the invoices and the screens.
    @property
    def base_amount(self):
        return from_cents(self.base)

    @property
    def surcharges_amount(self):
        return from_cents(self.total - self.base)

    @property
    def total_amount(self):
        return from_cents(self.total)

    def surcharge_amount(self, key):
        return from_cents(self.surcharge(key))

    def to_json(self):
        """As a JSON object: amounts as decimal strings in euros, add-on keys as
        strings (the format a submitted declaration keeps)."""
        return {
            "base": str(self.base_amount),
            "surcharges": {
                str(key): str(from_cents(cents)) for key, cents in self.surcharges
            },
            "nights": self.nights,
        }

    @classmethod
    def from_json(cls, data):
        """The breakdown to_json() gave (add-on keys back to int)."""
        return cls(
            _cents_of(Decimal(data["base"])),
            tuple(
                (int(key), _cents_of(Decimal(amount)))
                for key, amount in data["surcharges"].items()
            ),
            data["nights"],
        )


def _cents_of(amount):
    """A Decimal to the cent → whole cents (Decimal("12.34") → 1234)."""
    return int(amount.scaleb(2))


def stay_tax_cents(
    *,
    nights,
    persons,
    exempt_persons,
    tariff=None,
    proportional_rate=None,
    price_per_night=None,
    cap=None,
    surcharge_rates=(),
    rounding="per_person_night",
):
    """compute_stay_tax() on numbers already read, in whole numbers: ``nights`` and
    the persons as int, each amount and rate as a ratio ``(numerator, denominator)``
    of non-negative ints (``Decimal("0.34").as_integer_ratio()``), the money out in
    cents. It is compute_stay_tax's own arithmetic: the models call it directly
    for the thousands of stays of a month, where reading and writing Decimals
    costs more than the tax."""
    if rounding not in ROUNDING_MODES:
        raise TaxCalculationError("unknown_rounding", value=rounding)
    if nights < 0:
        raise TaxCalculationError("negative_nights")
    for count, field in ((persons, "Persons"), (exempt_persons, "Exempt persons")):
        if count < 0:
            raise TaxCalculationError("negative_persons", field=field)
    if exempt_persons > persons:
        raise TaxCalculationError("exempt_exceeds_persons")
    numerator, denominator = _base_tariff(
        tariff, proportional_rate, price_per_night, cap, persons, nights
    )
    person_nights = (persons - exempt_persons) * nights

    if rounding == "per_person_night":
        # 1 + the sum of the rates, on the product of their denominators.
        common = math.prod(rate[1] for rate in surcharge_rates)
        factor = common + sum(n * common // d for n, d in surcharge_rates)
        total_ppn = _half_up(100 * numerator * factor, denominator * common)
        total = total_ppn * person_nights
        surcharges = []
        for rate_numerator, rate_denominator in surcharge_rates:
            share = _half_up(
                100 * numerator * rate_numerator * person_nights,
                denominator * rate_denominator,
            )
            # Only a sub-cent tariff can make the shares exceed the total; the
            # base must not go negative.
            surcharges.append(min(share, total - sum(surcharges)))
        base = total - sum(surcharges)
    elif rounding == "per_component":
        base_cents = _half_up(100 * numerator, denominator)
        addons = [_half_up(base_cents * n, d) for n, d in surcharge_rates]
        total_ppn = base_cents + sum(addons)
        base = base_cents * person_nights
        surcharges = [addon * person_nights for addon in addons]
        total = total_ppn * person_nights
    else:  # per_stay
        base = _half_up(100 * numerator * person_nights, denominator)
        surcharges = [_half_up(base * n, d) for n, d in surcharge_rates]
        total = base + sum(surcharges)
        total_ppn = _half_up(total, person_nights) if person_nights else 0

    return StayTaxCents(
        person_nights,
        (numerator, denominator),
        total_ppn,
        base,
        tuple(surcharges),
        total,
    )


def _base_tariff(tariff, proportional_rate, price_per_night, cap, persons, nights):
    """Base tariff per person per night after the cap, as an exact ratio."""
    if tariff is not None:
        if proportional_rate is not None or price_per_night is not None:
            raise TaxCalculationError("both_tariff_and_rate")
        base = tariff
    else:
        if proportional_rate is None:
            raise TaxCalculationError("missing_tariff")
        if price_per_night is None:
            raise TaxCalculationError("missing_price")
        if not persons:
            if nights:
                raise TaxCalculationError("zero_persons_unclassified")
            # Nothing to divide and nothing to tax.
            base = (0, 1)
        else:
            base = (
                price_per_night[0] * proportional_rate[0],
                price_per_night[1] * persons * proportional_rate[1],
            )
    # Written for the unclassified cap (L2333-30), harmless for a classified
    # tariff since the cap is the highest adopted tariff.
    if cap is not None and base[0] * cap[1] > cap[0] * base[1]:
        base = cap
    return base


# -- forfait -------------------------------------------------------------------


def compute_flat_rate_tax(
    *,
    capacity,
    tariff,
    nights,
    allowance_rate,
    surcharge_rates=(),
    rounding="per_stay",
):
    """Taxe de séjour au forfait (L2333-40 and following).

    Taxable units = ``capacity`` × (1 − ``allowance_rate``), kept exact (fractional
    units are legal). Default ``per_stay``: base = units × tariff × nights rounded
    half-up, each add-on rounded from the base. The other modes work per unit-night
    like compute_stay_tax, with a last rounding because units may be fractional.
    """
    _check_rounding(rounding)
    capacity = _to_int(capacity, "Capacity")
    nights = _to_int(nights, "Nights")
    if capacity < 0:
        raise TaxCalculationError("negative_capacity")
    if nights < 0:
        raise TaxCalculationError("negative_nights")
    if tariff is None:
        raise TaxCalculationError("missing_tariff")
    tariff = _to_amount(tariff, "Tariff")
    allowance = to_decimal(allowance_rate, "Allowance rate")
    if not ALLOWANCE_MIN <= allowance <= ALLOWANCE_MAX:
        raise TaxCalculationError("allowance_out_of_range")
    rates = _to_rates(surcharge_rates)
    units = capacity * (1 - Fraction(allowance))
    unit_nights = units * nights

    if rounding == "per_stay":
        base = _cents(tariff * unit_nights)
        surcharges = [_round_to_int(base * rate) for rate in rates]
        total = base + sum(surcharges)
    elif rounding == "per_person_night":
        total = _round_to_int(_cents(tariff * (1 + sum(rates))) * unit_nights)
        surcharges = []
        for rate in rates:
            share = _cents(tariff * rate * unit_nights)
            surcharges.append(min(share, total - sum(surcharges)))
        base = total - sum(surcharges)
    else:  # per_component
        tariff_cents = _cents(tariff)
        base = _round_to_int(tariff_cents * unit_nights)
        surcharges = [
            _round_to_int(_round_to_int(tariff_cents * rate) * unit_nights)
            for rate in rates
        ]
        total = base + sum(surcharges)

    return FlatRateTax(
        taxable_units=_exact_decimal(units),
        base=from_cents(base),
        surcharges=tuple(from_cents(amount) for amount in surcharges),
        total=from_cents(total),
    )


# Capacity of an outdoor lodging under the forfait. CGCT R2333-59 (version in force
# 9 April 2000 - 6 August 2015): the units of capacity are the persons the
# establishment may lodge as its classification decision states them; when the
# decision counts "emplacements d'installations de camping, de caravanage ou
# d'hébergements légers", the units are three times the emplacements. No later
# text gives another figure; the collectivité may still set it per nature.
PERSONS_PER_PITCH = 3


def flat_rate_capacity(capacity, unit="person", persons_per_pitch=PERSONS_PER_PITCH):
    """Units of capacity (persons) of a lodging for the forfait (L2333-41):
    ``capacity`` is persons, or emplacements when ``unit`` is "pitch", each then
    counting ``persons_per_pitch`` persons (R2333-59, three)."""
    capacity = _to_int(capacity, "Capacity")
    if capacity < 0:
        raise TaxCalculationError("negative_capacity")
    if unit == "person":
        return capacity
    persons_per_pitch = _to_int(persons_per_pitch, "Persons per pitch")
    if persons_per_pitch < 1:
        raise TaxCalculationError("negative_capacity")
    return capacity * persons_per_pitch


# -- dates ---------------------------------------------------------------------


def _check_date(value, field):
    # A datetime is a date but cannot be compared with one.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise TaxCalculationError("invalid_date", field=field)


def _check_stay(arrival, departure):
    _check_date(arrival, "Arrival")
    _check_date(departure, "Departure")
    if departure < arrival:
        raise TaxCalculationError("departure_before_arrival")
    if departure == arrival:
        raise TaxCalculationError("no_night")


def split_stay(arrival, departure, boundaries=()):
    """Cut the nights arrival … departure − 1 at each date where a tariff period
    starts: a list of ``(first_night, last_night, nights)``, in order."""
    _check_stay(arrival, departure)
    boundaries = tuple(boundaries)
    for boundary in boundaries:
        _check_date(boundary, "Boundary")
    last_night = departure - datetime.timedelta(days=1)
    # A boundary on the first night or outside the stay cuts nothing.
    starts = sorted({day for day in boundaries if arrival < day <= last_night})
    segments = []
    first = arrival
    for start in [*starts, departure]:
        end = start - datetime.timedelta(days=1)
        segments.append((first, end, (end - first).days + 1))
        first = start
    return segments


def tariff_boundaries(arrival, departure, classification_expiry=None):
    """First nights of a new tariff within a stay: each 1 January (the tariff of
    the night's year, L2333-30 and docs/domain.md §1.6) and the day after the
    lodging's classification expires, from which it is taxed as unclassified
    (L2333-30: the tariff is the one of the category the lodging belongs to on
    the night). The stay is then split there with split_stay()."""
    _check_stay(arrival, departure)
    last_night = departure - datetime.timedelta(days=1)
    boundaries = [
        datetime.date(year, 1, 1)
        for year in range(arrival.year + 1, last_night.year + 1)
    ]
    if classification_expiry is not None:
        _check_date(classification_expiry, "Classification expiry")
        first_unclassified = classification_expiry + datetime.timedelta(days=1)
        if arrival < first_unclassified <= last_night:
            boundaries.append(first_unclassified)
    return sorted(set(boundaries))


def nights_by_year(arrival, departure):
    """``{year: nights}`` in year order: the tariff in force is the one of the night
    (docs/domain.md §1.6), so a stay across 31 December uses both years."""
    _check_stay(arrival, departure)
    last_year = (departure - datetime.timedelta(days=1)).year
    new_years = [
        datetime.date(year, 1, 1) for year in range(arrival.year + 1, last_year + 1)
    ]
    return {
        first.year: nights
        for first, _last, nights in split_stay(arrival, departure, new_years)
    }


# -- platforms -----------------------------------------------------------------


@dataclass(frozen=True)
class PlatformDifference:
    """What a classified host still owes on a stay a platform collected at a lower
    (unclassified) rate. ``base + sum(surcharges) == total``."""

    collected: Decimal
    base: Decimal
    surcharges: tuple
    total: Decimal


def compute_platform_difference(*, base, surcharges=(), collected):
    """Difference between the tax due at the lodging's classified tariff (``base``
    and the add-ons ``surcharges``, as compute_stay_tax returns them) and the tax
    the platform collected for the stay, add-ons included (docs/domain.md §1.8:
    "declare the difference"). Nothing is due when the platform collected as much
    or more: the host is not refunded by his declaration. The difference is split
    between the base and each add-on in the proportions of the full tax, each
    add-on rounded half-up to the cent and the base taking the remainder."""
    base_cents = _cents(_to_amount(base, "Base"))
    surcharge_cents = [
        _cents(_to_amount(amount, f"Surcharge {index}"))
        for index, amount in enumerate(surcharges, start=1)
    ]
    collected_cents = _cents(_to_amount(collected, "Tax collected by the platform"))
    full = base_cents + sum(surcharge_cents)
    due = max(0, full - collected_cents)
    due_surcharges = (
        [_round_to_int(Fraction(cents * due, full)) for cents in surcharge_cents]
        if due
        else [0] * len(surcharge_cents)
    )
    return PlatformDifference(
        collected=from_cents(collected_cents),
        base=from_cents(due - sum(due_surcharges)),
        surcharges=tuple(from_cents(cents) for cents in due_surcharges),
        total=from_cents(due),
    )


# -- late interest -------------------------------------------------------------

# CGCT L2333-38 (and L2333-46 for the forfait): "intérêt de retard égal à 0,20 %
# du montant des droits par mois de retard", every month started counting.
LATE_INTEREST_RATE = Decimal("0.002")


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (
        datetime.date(year + month // 12, month % 12 + 1, 1)
        - datetime.timedelta(days=1)
    ).day
    return datetime.date(year, month, min(day.day, last))


def months_started(due, paid_on):
    """Months of delay, each month started counting in full: 0 when `paid_on` is
    on or before `due`; 1 up to the same day of the next month; and so on."""
    _check_date(due, "Due date")
    _check_date(paid_on, "Payment date")
    months = 0
    while _add_months(due, months) < paid_on:
        months += 1
    return months


def late_interest(amount, due, paid_on, rate=LATE_INTEREST_RATE):
    """Late interest on `amount` (L2333-38): amount x 0.20 % x months started
    between `due` and `paid_on`, half-up to the cent."""
    amount = _to_amount(amount, "Amount")
    rate = _to_amount(rate, "Rate")
    return from_cents(_cents(amount * rate * months_started(due, paid_on)))


# -- scope and exemptions ------------------------------------------------------


def low_rent_exemption(price_per_night, threshold):
    """CGCT L2333-31 4°: are the occupants of a lodging let `price_per_night`
    exempt? Only if the deliberation voted a `threshold` (None: no such
    exemption) and the rent is below it; at or above it, nobody is."""
    if threshold is None or price_per_night is None:
        return False
    threshold = _to_amount(threshold, "Threshold")
    return (
        bool(threshold) and _to_amount(price_per_night, "Price per night") < threshold
    )


# -- platform remittances ------------------------------------------------------


def split_collected(collected, surcharge_rates=()):
    """A tax a platform collected add-ons included (L2333-34 I: it remits the
    tourist tax and the additional taxes together) split into the base and each
    add-on: each add-on is collected x rate / (1 + sum of rates), half-up to the
    cent; the base takes the rest, so the parts add up. (base, (add-ons...))."""
    collected_cents = _cents(_to_amount(collected, "Tax collected"))
    rates = _to_rates(surcharge_rates)
    factor = 1 + sum(rates)
    surcharges = [_round_to_int(collected_cents * rate / factor) for rate in rates]
    base = collected_cents - sum(surcharges)
    return from_cents(base), tuple(from_cents(cents) for cents in surcharges)


def platform_due_dates(collected_on):
    """CGCT L2333-34 I and II: platforms remit twice a year, by 30 June and by
    31 December, what they collected; "les versements effectués au 30 juin
    comprennent, le cas échéant, le solde dû au titre de l'année antérieure".
    (due date, latest date): the tax collected by 30 June is due then; the tax
    collected in the second half is due by 31 December, its balance at the
    latest with the next 30 June payment. Late interest runs after the latest
    date (L2333-38)."""
    _check_date(collected_on, "Collection date")
    year = collected_on.year
    if collected_on.month <= 6:
        june = datetime.date(year, 6, 30)
        return june, june
    return datetime.date(year, 12, 31), datetime.date(year + 1, 6, 30)
