# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ambassador card arithmetic: card numbers and shop discounts.

Pure functions, no ORM: Decimal in, Decimal out, so the POS screen, the server
check of a synced order and the tests all agree to the cent.
"""

from collections import namedtuple
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from odoo.addons.tourism_base.tools.money import CENT, HUNDRED

#: Cards are read by the POS barcode nomenclature through this prefix.
CARD_PREFIX = "045"
#: 16 digits, as a payment card: never 12/13 digits, which the POS would
#: read as UPC/EAN product codes.
CARD_LENGTH = 16

LineBenefit = namedtuple("LineBenefit", ["percent", "amount"])


def luhn_check_digit(payload):
    """Luhn (ISO/IEC 7812) check digit of a string of digits."""
    if not payload or not payload.isdigit():
        raise ValueError(f"not a number: {payload!r}")
    total = 0
    # From the right, every second digit of the payload is doubled, because the
    # check digit will take the rightmost place.
    for index, char in enumerate(reversed(payload)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def make_card_number(serial, prefix=CARD_PREFIX, length=CARD_LENGTH):
    """Card number: prefix, zero-padded serial, Luhn check digit."""
    if serial < 0:
        raise ValueError("serial must be positive")
    body_length = length - len(prefix) - 1
    body = str(serial).rjust(body_length, "0")
    if len(body) > body_length:
        raise ValueError(f"serial {serial} does not fit in {length} digits")
    payload = prefix + body
    return payload + luhn_check_digit(payload)


def is_valid_card_number(number, prefix=CARD_PREFIX, length=CARD_LENGTH):
    """True when the number has our prefix, length and a right check digit
    (catches a mistyped digit or two swapped neighbours)."""
    number = (number or "").strip()
    if len(number) != length or not number.isdigit():
        return False
    if not number.startswith(prefix):
        return False
    return luhn_check_digit(number[:-1]) == number[-1]


def remaining_cap(cap, used):
    """What is left of a yearly cap; None when the card has no cap."""
    if cap is None or Decimal(cap) <= 0:
        return None
    left = Decimal(cap) - Decimal(used)
    return max(left, Decimal(0)).quantize(CENT, ROUND_HALF_UP)


def line_discounts(lines, rate, cap_left=None):
    """Card discount of each line of a sale.

    :param lines: iterable of (base, eligible): base is unit price x quantity
        before discount, eligible says whether the product's category carries
        the card's benefit (never tickets resold for others nor tax products).
    :param rate: discount percent of the card type, e.g. Decimal("10").
    :param cap_left: what is left of the yearly cap, or None for no cap.
    :returns: list of LineBenefit(percent, amount), in the order of the lines.
        When the cap is reached, the line that crosses it gets a smaller percent
        (2 decimals, rounded down so the cap is never exceeded) and the next
        ones none.
    """
    rate = Decimal(rate)
    if rate < 0 or rate > HUNDRED:
        raise ValueError("rate must be between 0 and 100")
    left = None if cap_left is None else Decimal(cap_left)
    result = []
    for base, eligible in lines:
        base = Decimal(base)
        if not eligible or base <= 0 or rate == 0:
            result.append(LineBenefit(Decimal("0.00"), Decimal("0.00")))
            continue
        percent = rate
        amount = (base * percent / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        if left is not None and amount > left:
            percent = (left * HUNDRED / base).quantize(CENT, ROUND_DOWN)
            amount = (base * percent / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        if left is not None:
            left -= amount
        result.append(LineBenefit(percent.quantize(CENT), amount))
    return result


def discount_amount(base, percent):
    """Amount taken off a line by a discount percent, to the cent."""
    return (Decimal(base) * Decimal(percent) / HUNDRED).quantize(CENT, ROUND_HALF_UP)
