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
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import partial

from odoo.addons.tourism_base.tools import money
from odoo.addons.tourism_base.tools.money import CENT

# Standard rate applied to the margin of travel packages (CGI 266-1-e, 278).
STANDARD_RATE = Decimal("20")

ROUNDING_METHODS = ("half_up", "up")


class PricingError(money.CodedError):
    """Bad input. ``code`` is a key of MESSAGES; ``params`` fill it."""

    MESSAGES = {
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


ERROR_MESSAGES = PricingError.MESSAGES
# The money kit's exact Decimal, with this module's error.
to_decimal = partial(money.to_decimal, error=PricingError)


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

    sales: Decimal  # price paid by the clients, VAT included (margin-scheme part)
    costs: Decimal  # bought-in services, VAT included (no deduction)
    margin: Decimal  # sales - costs, may be negative
    taxable_margin: Decimal  # margin less the loss carried in, when positive, else 0
    vat: Decimal  # VAT included in the taxable margin
    net_margin: Decimal  # taxable margin without VAT
    loss_carried_in: Decimal = Decimal("0.00")  # from the earlier periods
    loss_carried_out: Decimal = Decimal("0.00")  # to the next periods


def margin_vat(sales, costs, rate=STANDARD_RATE, loss_carried_in=0):
    """VAT on the margin, included in it: vat = margin * rate / (100 + rate).

    CGI art. 266-1-e: the base is the price paid by the client less the sums
    invoiced by the third parties who supply the services. The margin is worked
    out globally for each period (encaissements less dépenses, BOI-TVA-SECT-60);
    a period whose expenses exceed its receipts gives no VAT and its excess is
    carried forward onto the following periods' base (``loss_carried_in`` here,
    ``loss_carried_out`` for the next one): over time the VAT is that of the
    real margin, as when a deposit taxed on receipt is followed by the bills.
    """
    sales = to_decimal(sales, "sales").quantize(CENT, ROUND_HALF_UP)
    costs = to_decimal(costs, "costs").quantize(CENT, ROUND_HALF_UP)
    carried_in = to_decimal(loss_carried_in, "loss_carried_in").quantize(
        CENT, ROUND_HALF_UP
    )
    rate = to_decimal(rate, "rate")
    if rate < 0:
        raise PricingError("negative", field="rate")
    if carried_in < 0:
        raise PricingError("negative", field="loss_carried_in")
    margin = sales - costs
    base = margin - carried_in
    taxable = max(base, Decimal("0.00"))
    vat = included_vat(taxable, rate)
    return MarginVat(
        sales=sales,
        costs=costs,
        margin=margin,
        taxable_margin=taxable,
        vat=vat,
        net_margin=taxable - vat,
        loss_carried_in=carried_in,
        loss_carried_out=max(-base, Decimal("0.00")),
    )


def included_vat(amount, rate=STANDARD_RATE):
    """VAT included in an amount VAT included, to the cent (half up)."""
    amount = to_decimal(amount)
    rate = to_decimal(rate, "rate")
    return (amount * rate / (100 + rate)).quantize(CENT, ROUND_HALF_UP)


def period_margin_vat(operations, rate=STANDARD_RATE, loss_carried_in=0):
    """Global margin of one period from (sales, costs) pairs of its operations.

    Operations of the period offset each other; a negative total is carried
    forward to the next period (see :func:`margin_vat`)."""
    sales = sum((to_decimal(s, "sales") for s, _c in operations), Decimal(0))
    costs = sum((to_decimal(c, "costs") for _s, c in operations), Decimal(0))
    return margin_vat(sales, costs, rate, loss_carried_in)


@dataclass(frozen=True)
class PackageSplit:
    """A package's price split by the VAT rule each part follows.

    - ``in_house_price``: the share of the price for what the office supplies
      itself (its own guide): outside the margin scheme, taxed under the
      ordinary rules (``in_house_vat`` included in it);
    - ``margin_price``: the rest, under the margin scheme (CGI art. 266-1-e);
    - of which ``price_outside_eu`` for the services bought in and supplied
      outside the European Union: that margin is exempt (CGI art. 262 bis;
      Directive 2006/112/EC art. 309); ``margin_eu`` is the margin taxed in
      France.
    """

    price: Decimal
    in_house_price: Decimal
    in_house_vat: Decimal
    margin_price: Decimal
    costs: Decimal  # bought in, VAT included, wherever supplied
    costs_outside_eu: Decimal
    price_outside_eu: Decimal
    margin: Decimal  # margin_price - costs
    margin_outside_eu: Decimal  # exempt
    margin_eu: Decimal  # taxable under the margin scheme

    @property
    def sales_eu(self):
        return self.margin_price - self.price_outside_eu

    @property
    def costs_eu(self):
        return self.costs - self.costs_outside_eu


def split_package(price, components, in_house_rate=STANDARD_RATE):
    """Split the price paid by the client (VAT included) of a package.

    ``components``: (amount, in_house, outside_eu) triples, amounts VAT included.
    For a bought-in service, its cost as invoiced by the third party; for an
    in-house one, its market value (what the office charges for it alone).

    Directive 2006/112/EC art. 306-307 and CJEU C-308/96 and C-94/97 (Madgett and
    Baldwin): only the services bought in from third parties are under the margin
    scheme; the part of the price for in-house services is taxed under the
    ordinary rules, and that part is worked out from their market value (capped
    at the price). The margin-scheme part is then split between the EU and the
    rest of the world pro rata to the costs supplied in each (CGI art. 262 bis).
    """
    price = to_decimal(price, "price").quantize(CENT, ROUND_HALF_UP)
    in_house = costs = costs_outside = Decimal("0.00")
    for amount, own, outside_eu in components:
        amount = to_decimal(amount, "amount").quantize(CENT, ROUND_HALF_UP)
        if amount < 0:
            raise PricingError("negative", field="amount")
        if own:
            in_house += amount
        else:
            costs += amount
            if outside_eu:
                costs_outside += amount
    in_house_price = min(in_house, max(price, Decimal("0.00")))
    margin_price = price - in_house_price
    price_outside = (
        (margin_price * costs_outside / costs).quantize(CENT, ROUND_HALF_UP)
        if costs
        else Decimal("0.00")
    )
    margin = margin_price - costs
    margin_outside = price_outside - costs_outside
    return PackageSplit(
        price=price,
        in_house_price=in_house_price,
        in_house_vat=included_vat(in_house_price, in_house_rate),
        margin_price=margin_price,
        costs=costs,
        costs_outside_eu=costs_outside,
        price_outside_eu=price_outside,
        margin=margin,
        margin_outside_eu=margin_outside,
        margin_eu=margin - margin_outside,
    )
