# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The money kit every capability's pure rules share: exact numbers, rounding to the
cent, coded errors and French amounts in words. Plain Python, no ORM.

Odoo's ``res.currency.amount_to_text`` spells the currency labels as configured
("Euros", "Cents") whatever the number; the statements, receipts and bordereaux of
a French public body need the French rules: « un euro », « deux euros »,
« un million d'euros », « centimes ». That is why :func:`amount_in_words` exists.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class CodedError(ValueError):
    """Bad input of a pure rule. ``code`` is a stable key of the subclass's
    ``MESSAGES`` (English, translated by the caller); ``params`` fill it."""

    MESSAGES = {"invalid_number": "%(field)s is not a number."}

    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(self.MESSAGES[code] % params)


def to_decimal(value, field="amount", error=CodedError):
    """``value`` (int, str, Decimal, or float read through its shortest repr) as an
    exact Decimal; booleans, None, NaN and infinities raise ``error("invalid_number")``
    (a bool is an int: True would silently count as 1)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool) or value is None:
        raise error("invalid_number", field=field)
    else:
        try:
            result = Decimal(str(value))
        except (InvalidOperation, ValueError, TypeError):
            raise error("invalid_number", field=field) from None
    if not result.is_finite():
        raise error("invalid_number", field=field)
    return result


def round_money(value, field="amount", error=CodedError):
    """Decimal rounded to the cent, half up, as French documents and the comptable
    count."""
    return to_decimal(value, field, error).quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(value, field="amount", error=CodedError):
    """Whole cents of an amount rounded half up to the cent."""
    return int(round_money(value, field, error) * HUNDRED)


def amount_in_words(amount, currency_unit="euro", cent_unit="centime"):
    """French amount in words: « cent vingt euros et cinq centimes ».

    ``num2words(..., to='currency')`` says « zéro euros » and « un million euros »:
    euros and cents are spelt separately here, the unit is plural from 2, and
    « d'euros » follows a round million or milliard."""
    amount = round_money(amount)
    if amount < 0:
        return "moins " + amount_in_words(-amount, currency_unit, cent_unit)
    units = int(amount)
    cents = int((amount - units) * HUNDRED)
    words = num2words(units, lang="fr")
    plural = currency_unit + ("s" if units > 1 else "")
    if units >= 1_000_000 and units % 1_000_000 == 0:
        elided = "d'" if plural[0] in "aeiouy" else "de "
        text = f"{words} {elided}{plural}"
    else:
        text = f"{words} {plural}"
    if cents:
        text += (
            f" et {num2words(cents, lang='fr')} {cent_unit}{'s' if cents > 1 else ''}"
        )
    return text
