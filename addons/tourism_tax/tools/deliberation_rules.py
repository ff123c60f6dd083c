# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Consistency of the tariffs a collectivité votes (CGCT L2333-30), no ORM."""

import datetime
from decimal import Decimal
from typing import NamedTuple

from .calculator import to_decimal

# Category reported by the check of the unclassified proportional rate.
UNCLASSIFIED = "unclassified"
RATE_BOUNDS = (Decimal("0.01"), Decimal("0.05"))


class Problem(NamedTuple):
    """One breach: ``detail`` is the limit broken (a Decimal) or, for
    above_higher_category, the code of the higher category."""

    code: str
    category: str
    detail: object


def _optional_decimal(row, key):
    value = row.get(key)
    return None if value is None else to_decimal(value, key)


def _normalise(rows):
    """Rows with a tariff, amounts as Decimal; a category without a tariff is not
    adopted and checks nothing."""
    result = []
    for row in rows:
        tariff = _optional_decimal(row, "tariff")
        if tariff is None:
            continue
        result.append(
            {
                "code": row["code"],
                "group": row["group"],
                "rank": int(row["rank"]),
                "tariff": tariff,
                "floor": _optional_decimal(row, "floor"),
                "ceiling": _optional_decimal(row, "ceiling"),
            }
        )
    return result


def check_tariffs(rows, unclassified_rate=None, rate_bounds=RATE_BOUNDS):
    """Problems of a deliberation, in row order; an empty list when it is legal.

    ``rows``: dicts with code, group (the nature family in which categories are
    ranked), rank (higher = higher category), tariff, floor and ceiling (None when
    unknown; floor == ceiling for a single-rate category). ``unclassified_rate`` is
    a fraction (0.05 for 5 %), checked against ``rate_bounds`` inclusive.
    """
    rows = _normalise(rows)
    problems = []
    for row in rows:
        code, tariff = row["code"], row["tariff"]
        if row["floor"] is not None and tariff < row["floor"]:
            problems.append(Problem("below_floor", code, row["floor"]))
        if row["ceiling"] is not None and tariff > row["ceiling"]:
            problems.append(Problem("above_ceiling", code, row["ceiling"]))
        # L2333-30: a category may not be taxed above a higher category of the same
        # nature. Reported on the lower one, nearest higher category first.
        higher = sorted(
            (
                other
                for other in rows
                if other["group"] == row["group"] and other["rank"] > row["rank"]
            ),
            key=lambda other: other["rank"],
        )
        for other in higher:
            if tariff > other["tariff"]:
                problems.append(Problem("above_higher_category", code, other["code"]))
    if unclassified_rate is not None:
        rate = to_decimal(unclassified_rate, "Unclassified rate")
        low, high = (to_decimal(bound, "Rate bound") for bound in rate_bounds)
        if rate < low:
            problems.append(Problem("rate_out_of_bounds", UNCLASSIFIED, low))
        elif rate > high:
            problems.append(Problem("rate_out_of_bounds", UNCLASSIFIED, high))
    return problems


def highest_tariff(rows):
    """The highest adopted tariff, i.e. the cap of the unclassified tariff (None
    when no tariff is adopted)."""
    tariffs = [row["tariff"] for row in _normalise(rows)]
    return max(tariffs) if tariffs else None


def adoption_deadline(year):
    """CGCT L2333-26 (and L2333-30 for the tariffs): a deliberation applies from
    the next year when adopted before 1 July; for `year` it must therefore be
    adopted before 1 July of year - 1. Returns that 1 July (excluded)."""
    return datetime.date(int(year) - 1, 7, 1)


def adopted_in_time(year, date_adopted):
    """True when `date_adopted` comes before the deadline for `year`."""
    return date_adopted < adoption_deadline(year)


def deliberation_in_force(years, year):
    """The deliberation year in force for `year` among the adopted `years`: the
    latest not after it. A deliberation stays in force until another replaces it
    (L2333-26: "délibération ... applicable à compter de l'année suivante", with no
    term). None when none was adopted yet."""
    earlier = [adopted for adopted in years if adopted <= year]
    return max(earlier) if earlier else None


def tariff_within_scale(tariff, floor=None, ceiling=None):
    """The tariff applied to a night of a year whose legal scale (L2333-30, limits
    revalued each year) no longer contains the adopted one: brought back within
    [floor, ceiling]; unchanged without a scale."""
    tariff = to_decimal(tariff, "tariff")
    if floor is not None and tariff < to_decimal(floor, "floor"):
        return to_decimal(floor, "floor")
    if ceiling is not None and tariff > to_decimal(ceiling, "ceiling"):
        return to_decimal(ceiling, "ceiling")
    return tariff


def flat_rate_declaration_due(period_start):
    """CGCT L2333-43: the logeur au forfait declares (capacity, opening period)
    "un mois au moins avant le début de chaque période de perception": the
    latest day is one month before the period starts (the same day of the
    previous month, or its last day when shorter)."""
    year, month = period_start.year, period_start.month - 1
    if not month:
        year, month = year - 1, 12
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(period_start.day, last_day))
