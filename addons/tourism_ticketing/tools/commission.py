# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ticket resale under a mandate: commission, its VAT and the settlement totals.

No ORM. Amounts go in as int, str or Decimal (a float is read through ``str``) and
come out as Decimal quantized to the cent. The ticket price itself is the
organiser's money (débours, CGI 267 II 2°): only the commission is the office's
turnover, so only the commission carries the office's VAT.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from odoo.addons.tourism_base.tools import money as money_kit
from odoo.addons.tourism_base.tools.money import HUNDRED


class CommissionError(money_kit.CodedError):
    """Bad input. ``code`` is a key of MESSAGES; ``params`` fill it."""

    MESSAGES = {
        "invalid_number": "%(field)s is not a number.",
        "negative_amount": "%(field)s cannot be negative.",
        "percent_out_of_range": "The commission percentage must be between 0 and 100.",
        "discount_out_of_range": "The discount must be between 0 and 100 %%.",
    }


# The money kit's exact Decimal, with this module's error.
to_decimal = partial(money_kit.to_decimal, error=CommissionError)


def money(value):
    """Round to the cent, half up as on French documents."""
    return money_kit.round_money(value, "amount", CommissionError)


def commission_per_ticket(price, fixed=0, percent=0):
    """Commission kept on one ticket sold at ``price``: a fixed amount, a percentage
    of the price, or both. Never more than the price: the office cannot keep more
    than it collected (a free ticket carries no commission)."""
    price = to_decimal(price, "price")
    fixed = to_decimal(fixed, "fixed")
    percent = to_decimal(percent, "percent")
    if price < 0:
        raise CommissionError("negative_amount", field="price")
    if fixed < 0:
        raise CommissionError("negative_amount", field="fixed")
    if not 0 <= percent <= HUNDRED:
        raise CommissionError("percent_out_of_range")
    commission = money(fixed + price * percent / HUNDRED)
    return min(commission, money(price))


def net_price(price, discount=0):
    """Price of one ticket after the line's discount (in percent), exactly: the
    commission is worked out on it before any rounding. Multiplying the float
    price by ``1 - discount / 100`` first gave 1.4999999999999998 for 15 € at 90 %,
    and a commission one cent short once rounded."""
    price = to_decimal(price, "price")
    discount = to_decimal(discount, "discount")
    if not 0 <= discount <= HUNDRED:
        raise CommissionError("discount_out_of_range")
    return price * (HUNDRED - discount) / HUNDRED


def line_commission(price, quantity, fixed=0, percent=0, discount=0):
    """Commission of a sale line: per ticket on its price after the line's
    ``discount``, rounded, times the quantity. A refund (negative quantity) gives
    the same commission back, to the cent."""
    quantity = to_decimal(quantity, "quantity")
    per_ticket = commission_per_ticket(net_price(price, discount), fixed, percent)
    return money(per_ticket * quantity)


@dataclass(frozen=True)
class VatSplit:
    excluded: Decimal
    tax: Decimal
    included: Decimal


def split_vat(amount, rate, included=True):
    """VAT of the commission. ``rate`` in percent (20 for 20 %). With ``included``
    the amount is tax included and the VAT is extracted from it, otherwise the VAT
    is added. Rounded as Odoo does for one invoice line."""
    amount = to_decimal(amount)
    rate = to_decimal(rate, "rate")
    if rate < 0:
        raise CommissionError("negative_amount", field="rate")
    if included:
        # Odoo's way for a tax-included price: the tax is rounded, the rest is
        # the base (at an exact half cent the two roundings would disagree).
        incl = money(amount)
        tax = money(incl * rate / (HUNDRED + rate))
        return VatSplit(incl - tax, tax, incl)
    excl = money(amount)
    tax = money(excl * rate / HUNDRED)
    return VatSplit(excl, tax, excl + tax)


@dataclass(frozen=True)
class SettlementTotals:
    tickets_sold: Decimal
    tickets_refunded: Decimal
    gross_sold: Decimal
    gross_refunded: Decimal  # positive
    gross: Decimal  # collected for the organiser, refunds deducted
    commission_excluded: Decimal
    commission_tax: Decimal
    commission_included: Decimal
    net_due: Decimal  # what the office pays the organiser


def settlement_totals(lines, vat_rate, included=True):
    """Totals of a settlement from its lines ``(quantity, amount, commission)``,
    where a refund has a negative quantity, amount and commission. The commission
    VAT is worked out once on the total, as on the commission invoice."""
    sold = refunded = gross_sold = gross_refunded = commission = Decimal(0)
    for quantity, amount, line_commission_amount in lines:
        quantity = to_decimal(quantity, "quantity")
        amount = money(amount)
        commission += money(line_commission_amount)
        if quantity < 0 or amount < 0:
            refunded -= quantity
            gross_refunded -= amount
        else:
            sold += quantity
            gross_sold += amount
    vat = split_vat(commission, vat_rate, included)
    gross = gross_sold - gross_refunded
    return SettlementTotals(
        tickets_sold=sold,
        tickets_refunded=refunded,
        gross_sold=gross_sold,
        gross_refunded=gross_refunded,
        gross=gross,
        commission_excluded=vat.excluded,
        commission_tax=vat.tax,
        commission_included=vat.included,
        net_due=gross - vat.included,
    )


# The French amount in words of statements: one definition for the suite
# (tourism_base's money kit).
amount_in_words = money_kit.amount_in_words
