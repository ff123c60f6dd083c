# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Arithmetic and checks of a régie de recettes, no ORM.

Money comes in as int, str or Decimal (a float is read through ``str``) and goes
out as Decimal quantized to the cent.
"""

import calendar
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from odoo.addons.tourism_base.tools import money

# Decimal at the cent (half up, as the comptable counts): the money kit's.
to_money = money.round_money


# The French amount in words of receipts and bordereaux: one definition for the
# suite (tourism_base's money kit).
amount_in_words = money.amount_in_words


def cash_difference(expected, counted):
    """Counted minus expected: positive is an excess, negative a shortage."""
    return to_money(counted) - to_money(expected)


def sequence_gaps(numbers):
    """Missing and duplicated numbers of a numbered series (the quittancier).

    Returns (missing, duplicated), both sorted lists of ints, between the lowest
    and the highest number given.
    """
    numbers = [int(n) for n in numbers]
    if not numbers:
        return [], []
    seen = set()
    duplicated = set()
    for number in numbers:
        if number in seen:
            duplicated.add(number)
        seen.add(number)
    missing = [n for n in range(min(seen), max(seen) + 1) if n not in seen]
    return missing, sorted(duplicated)


def chain_hash(previous_hash, payload):
    """SHA-256 of the previous hash and the record's payload (a string)."""
    return hashlib.sha256(
        ((previous_hash or "") + "|" + payload).encode("utf-8")
    ).hexdigest()


def first_broken_link(chain):
    """Index of the first record whose stored hash does not follow the chain.

    ``chain``: iterable of (payload, stored_hash) in order. None when intact.
    """
    previous = ""
    for index, (payload, stored) in enumerate(chain):
        if chain_hash(previous, payload) != stored:
            return index
        previous = stored
    return None


@dataclass(frozen=True)
class Recap:
    """One account's line of the état récapitulatif."""

    opening: Decimal
    receipts: Decimal
    deposits: Decimal
    closing: Decimal


def recap_line(opening, receipts, deposits):
    """Closing balance = opening + receipts - deposits (all at the cent)."""
    opening, receipts, deposits = (
        to_money(opening),
        to_money(receipts),
        to_money(deposits),
    )
    if receipts < 0 or deposits < 0:
        raise ValueError("Receipts and deposits are positive amounts.")
    return Recap(opening, receipts, deposits, opening + receipts - deposits)


def running_balances(opening, moves):
    """Balance after each (in, out) line of the journal de caisse, from the
    opening balance: the last one is what the cash should hold."""
    balance = to_money(opening)
    result = []
    for amount_in, amount_out in moves:
        amount_in, amount_out = to_money(amount_in), to_money(amount_out)
        if amount_in < 0 or amount_out < 0:
            raise ValueError("In and out are positive amounts.")
        balance += amount_in - amount_out
        result.append(balance)
    return result


def cash_to_deposit(balance, cash_float):
    """What leaves the till at a versement: everything but the float, never less
    than nothing."""
    return max(to_money(balance) - to_money(cash_float), Decimal("0.00"))


def held_against_maximum(held, till_balances, cash_float):
    """Cash and cheques held that count against the maximum encaisse.

    The fonds de caisse permanent is not counted in the ceiling (arrêté du 6
    janvier 2014 relatif à l'encaisse des comptables publics et des régisseurs,
    on the régisseurs of CGCT R1617-1: "l'appréciation du plafond ... ne tient pas
    compte ... du fonds de caisse permanent"). ``till_balances``: the cash of each
    till, whose float (at most what the till holds) is left out.
    """
    cash_float = to_money(cash_float)
    floats = sum(
        (min(max(to_money(balance), Decimal("0.00")), cash_float))
        for balance in till_balances
    )
    return to_money(held) - floats


def month_index(day):
    """Months since year 0: two days are in the same calendar month when equal."""
    return day.year * 12 + day.month - 1


def deposit_due(held, maximum, last_deposit, today, max_days=0, remind_days=7):
    """Reasons a versement is due.

    - 'maximum': the cash held (floats left out) has *reached* the maximum
      encaisse set by the acte (CGCT R1617-10; the actes constitutifs: the cash is
      paid in "lorsque le montant de l'encaisse ... est atteint").
    - 'monthly': each calendar month has its versement with its justification,
      even when no cash was collected (instruction 06-031-A-B-M: "au minimum une
      fois par mois"): due in the last ``remind_days`` days of a month without
      one, and overdue as soon as a whole month went by without one. A rolling
      31 days would skip February after a versement on 31 January.
    - ``max_days`` (optional, from the acte: weekly...): also due when that many
      days went by since the last versement.

    ``last_deposit`` and ``today`` are dates (``last_deposit`` may be None).
    """
    reasons = []
    held = to_money(held)
    if maximum is not None and to_money(maximum) > 0 and held >= to_money(maximum):
        reasons.append("maximum")
    if last_deposit and month_index(last_deposit) == month_index(today):
        due = bool(max_days) and (today - last_deposit).days >= max_days
    elif last_deposit and month_index(today) - month_index(last_deposit) >= 2:
        due = True  # a whole calendar month without a versement
    else:
        last_day = calendar.monthrange(today.year, today.month)[1]
        due = today.day > last_day - remind_days or (
            bool(max_days)
            and last_deposit is not None
            and (today - last_deposit).days >= max_days
        )
    if due:
        reasons.append("monthly")
    return reasons


def suppleance_within_limit(date_from, date_to):
    """A suppléant replaces the régisseur for two months at most: beyond that an
    intérimaire is appointed (CGCT R1617-5-1, 2°; instruction 06-031-A-B-M)."""
    if not date_to:
        return False
    return date_to <= add_months(date_from, 2)


def add_months(day, months):
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = month_index(day) + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def match_statement(statement_lines, book_items, max_days=5):
    """Pair statement lines with book items (versements, card payouts).

    Each side is a list of dicts with 'id', 'amount' (Decimal), 'date' and 'ref'
    (str or None). Rules, in order: same amount and the book reference appears in
    the statement label; then same amount and the closest date within
    ``max_days``. Each item is used once. Returns (pairs, unmatched statement ids,
    unmatched book ids).
    """
    free_book = list(book_items)
    pairs = []
    unmatched = []
    pending = []
    for line in statement_lines:
        label = (line.get("ref") or "").upper()
        found = None
        for item in free_book:
            ref = (item.get("ref") or "").upper()
            if (
                ref
                and ref in label
                and to_money(item["amount"]) == to_money(line["amount"])
            ):
                found = item
                break
        if found:
            free_book.remove(found)
            pairs.append((line["id"], found["id"]))
        else:
            pending.append(line)
    for line in pending:
        candidates = [
            item
            for item in free_book
            if to_money(item["amount"]) == to_money(line["amount"])
            and abs((item["date"] - line["date"]).days) <= max_days
        ]
        if candidates:
            best = min(
                candidates,
                key=lambda item: (abs((item["date"] - line["date"]).days), item["id"]),
            )
            free_book.remove(best)
            pairs.append((line["id"], best["id"]))
        else:
            unmatched.append(line["id"])
    return pairs, unmatched, [item["id"] for item in free_book]
