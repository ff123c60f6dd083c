# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Settlement periods of a mandate, by its settlement frequency.

No ORM: dates in, dates out. A period is due once it has ended, that is the day after
its last day; the scheduled action settles the latest period due.
"""

from datetime import date, timedelta

FREQUENCIES = ("monthly", "quarterly", "event", "season")


def month_bounds(day):
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def quarter_bounds(day):
    first_month = 3 * ((day.month - 1) // 3) + 1
    first = date(day.year, first_month, 1)
    last = month_bounds(date(day.year, first_month + 2, 1))[1]
    return first, last


def last_ended_period(frequency, today, season_end=None, event_ends=()):
    """The latest period of ``frequency`` ended before ``today``: (first, last day),
    first being None when the period has no start of its own (the settlement then
    starts where the previous one ended). None when no period has ended.

    - monthly / quarterly: the calendar month / quarter before the current one;
    - season: the season ending on ``season_end`` (the mandate's end, else 31
      December of the year before ``today``);
    - event: up to the last day of the latest event ended before ``today``
      (``event_ends``: the last days of the organiser's events).
    """
    if frequency == "monthly":
        return month_bounds(month_bounds(today)[0] - timedelta(days=1))
    if frequency == "quarterly":
        return quarter_bounds(quarter_bounds(today)[0] - timedelta(days=1))
    if frequency == "season":
        end = season_end or date(today.year - 1, 12, 31)
        return (None, end) if end < today else None
    if frequency == "event":
        ended = [end for end in event_ends if end and end < today]
        return (None, max(ended)) if ended else None
    raise ValueError(f"unknown settlement frequency {frequency!r}")
