# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Group package pricing, margin and margin VAT (CGI 266-1-e), no ORM.

Numbers come in as int, str or Decimal (a float is read through ``str``) and money goes
out as Decimal quantized to the cent.

Vocabulary:
- *paying*: the participants the client pays for;
- *free places*: the coach driver(s), the group's escort(s) and one place per N paying
  (they eat and visit too, so they cost, but pay nothing);
- *headcount*: paying + free places, what the suppliers bill per person.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
# Standard rate applied to the margin of travel packages (CGI 266-1-e, 278).
STANDARD_RATE = Decimal("20")

ROUNDING_METHODS = ("half_up", "up")

ERROR_MESSAGES = {
    "invalid_number": "%(field)s is not a number.",
    "not_an_integer": "%(field)s must be a whole number.",
    "negative": "%(field)s cannot be negative.",
    "no_participant": "A group has at least one paying participant.",
    "no_bracket": "No price bracket covers %(paying)s paying participants.",
    "overlapping_brackets": "The price brackets %(first)s and %(second)s overlap.",
    "bad_bracket": "A bracket goes from a smaller size to a larger one.",
    "unknown_basis": "Unknown cost basis: %(value)s.",
    "unknown_rounding": "Unknown rounding method: %(value)s.",
    "invalid_step": "The rounding step must be positive.",
    "too_small": "The group is smaller than the minimum of %(minimum)s.",
    "too_large": "The group is larger than the maximum of %(maximum)s.",
}


class PricingError(ValueError):
    """Bad input. ``code`` is a key of ERROR_MESSAGES; ``params`` fill it."""

    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(ERROR_MESSAGES[code] % params)


def to_decimal(value, field="amount"):
    """Read int, str, Decimal or float (through str) as an exact Decimal."""
    if isinstance(value, Decimal):
        result = value
    else:
        try:
            result = Decimal(str(value))
        except (InvalidOperation, ValueError, TypeError) as error:
            raise PricingError("invalid_number", field=field) from error
    if not result.is_finite():
        raise PricingError("invalid_number", field=field)
    return result


def to_count(value, field):
    """A non-negative whole number of persons."""
    number = to_decimal(value, field)
    if number != number.to_integral_value():
        raise PricingError("not_an_integer", field=field)
    if number < 0:
        raise PricingError("negative", field=field)
    return int(number)


def round_money(amount, step=CENT, method="half_up"):
    """Round to a multiple of ``step``: half up (away from zero) or up (ceiling)."""
    if method not in ROUNDING_METHODS:
        raise PricingError("unknown_rounding", value=method)
    amount = to_decimal(amount)
    step = to_decimal(step, "step")
    if step <= 0:
        raise PricingError("invalid_step")
    rounding = ROUND_HALF_UP if method == "half_up" else ROUND_CEILING
    units = (amount / step).quantize(Decimal(1), rounding=rounding)
    return (units * step).quantize(CENT if step >= CENT else step)


def free_places(paying, drivers=0, escorts=0, one_free_per=0):
    """Number of free places: drivers + escorts + one per ``one_free_per`` paying."""
    paying = to_count(paying, "paying")
    drivers = to_count(drivers, "drivers")
    escorts = to_count(escorts, "escorts")
    one_free_per = to_count(one_free_per, "one_free_per")
    per_paying = paying // one_free_per if one_free_per else 0
    return drivers + escorts + per_paying


def check_brackets(brackets):
    """``brackets``: iterable of (min_size, max_size, price). max_size 0 means no limit.

    Returns them sorted by min_size; raises when one is reversed or two overlap.
    """
    rows = []
    for low, high, price in brackets:
        low, high = to_count(low, "min_size"), to_count(high, "max_size")
        price = to_decimal(price, "price")
        if price < 0:
            raise PricingError("negative", field="price")
        if high and high < low:
            raise PricingError("bad_bracket")
        rows.append((low, high, price))
    rows.sort(key=lambda row: row[0])
    for first, second in zip(rows, rows[1:], strict=False):
        if not first[1] or first[1] >= second[0]:
            raise PricingError(
                "overlapping_brackets",
                first=_label(first),
                second=_label(second),
            )
    return rows


def _label(row):
    return f"{row[0]}-{row[1]}" if row[1] else f"{row[0]}+"


def bracket_price(brackets, paying):
    """Selling price per paying person of the bracket that holds ``paying``."""
    paying = to_count(paying, "paying")
    for low, high, price in check_brackets(brackets):
        if low <= paying and (not high or paying <= high):
            return price.quantize(CENT)
    raise PricingError("no_bracket", paying=paying)


def component_cost(unit_cost, basis, headcount):
    """Cost of one component: per person (times the headcount) or per group."""
    unit_cost = to_decimal(unit_cost, "unit_cost")
    if unit_cost < 0:
        raise PricingError("negative", field="unit_cost")
    headcount = to_count(headcount, "headcount")
    if basis == "person":
        return (unit_cost * headcount).quantize(CENT, ROUND_HALF_UP)
    if basis == "group":
        return unit_cost.quantize(CENT, ROUND_HALF_UP)
    raise PricingError("unknown_basis", value=basis)


@dataclass(frozen=True)
class GroupPrice:
    """Price of one group. ``unit_price * paying == total``."""

    paying: int
    free: int
    headcount: int
    unit_price: Decimal  # per paying person, to the cent (or the rounding step)
    total: Decimal
    cost: Decimal  # supplier costs for the whole headcount
    margin: Decimal  # total - cost, may be negative


def price_group(
    brackets,
    paying,
    components=(),
    drivers=0,
    escorts=0,
    one_free_per=0,
    base_components=None,
    markup="1",
    step=CENT,
    rounding="half_up",
    min_size=0,
    max_size=0,
):
    """Price a group from the brackets, with made-to-measure changes.

    ``components``: (unit_cost, basis) of the quote; ``base_components``: those of the
    catalogue package (None: the quote keeps the package's). The bracket price is
    adjusted by the cost difference per paying person times ``markup``, then rounded
    to ``step``.
    """
    paying = to_count(paying, "paying")
    if not paying:
        raise PricingError("no_participant")
    min_size, max_size = to_count(min_size, "min_size"), to_count(max_size, "max_size")
    if paying < min_size:
        raise PricingError("too_small", minimum=min_size)
    if max_size and paying > max_size:
        raise PricingError("too_large", maximum=max_size)
    free = free_places(paying, drivers, escorts, one_free_per)
    headcount = paying + free
    cost = sum(
        (component_cost(unit, basis, headcount) for unit, basis in components),
        Decimal(0),
    )
    unit_price = bracket_price(brackets, paying)
    if base_components is not None:
        base_cost = sum(
            (component_cost(unit, basis, headcount) for unit, basis in base_components),
            Decimal(0),
        )
        markup = to_decimal(markup, "markup")
        if markup < 0:
            raise PricingError("negative", field="markup")
        unit_price = unit_price + (cost - base_cost) * markup / paying
        unit_price = max(round_money(unit_price, step, rounding), Decimal("0.00"))
    total = (unit_price * paying).quantize(CENT)
    return GroupPrice(
        paying=paying,
        free=free,
        headcount=headcount,
        unit_price=unit_price,
        total=total,
        cost=cost,
        margin=total - cost,
    )


@dataclass(frozen=True)
class MarginVat:
    """Margin VAT of an operation or a period: vat + net_margin == taxable_margin."""

    sales: Decimal  # price paid by the clients, VAT included
    costs: Decimal  # bought-in services, VAT included (no deduction)
    margin: Decimal  # sales - costs, may be negative
    taxable_margin: Decimal  # the margin when positive, else 0 (never carried over)
    vat: Decimal  # VAT included in the taxable margin
    net_margin: Decimal  # taxable margin without VAT


def margin_vat(sales, costs, rate=STANDARD_RATE):
    """VAT on the margin, included in it: vat = margin * rate / (100 + rate).

    A negative margin gives no VAT and is not carried over to another period
    (reference.md §E): the caller computes each period on its own.
    """
    sales = to_decimal(sales, "sales").quantize(CENT, ROUND_HALF_UP)
    costs = to_decimal(costs, "costs").quantize(CENT, ROUND_HALF_UP)
    rate = to_decimal(rate, "rate")
    if rate < 0:
        raise PricingError("negative", field="rate")
    margin = sales - costs
    taxable = max(margin, Decimal("0.00"))
    vat = (taxable * rate / (100 + rate)).quantize(CENT, ROUND_HALF_UP)
    return MarginVat(
        sales=sales,
        costs=costs,
        margin=margin,
        taxable_margin=taxable,
        vat=vat,
        net_margin=taxable - vat,
    )


def period_margin_vat(operations, rate=STANDARD_RATE):
    """Global margin of one period from (sales, costs) pairs of its operations.

    Operations of the period offset each other; the period's negative total is lost.
    """
    sales = sum((to_decimal(s, "sales") for s, _c in operations), Decimal(0))
    costs = sum((to_decimal(c, "costs") for _s, c in operations), Decimal(0))
    return margin_vat(sales, costs, rate)
