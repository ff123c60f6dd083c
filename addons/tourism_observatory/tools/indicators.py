# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The observatory's indicators and their comparisons (N vs N-1, year to date).

Pure functions, no ORM: the figures come in as monthly sums read from the
``tourism.observatory.fact`` view, one row per (indicator, month) with the sum of
the values and the sum of the weights.
"""

from collections import namedtuple

Indicator = namedtuple("Indicator", "key mission kind")

# kind: "sum" (the sum of the values), "avg" (values / weights), "rate" (100 x
# values / weights, a percentage). A rate or an average is never summed over
# months: the values and the weights are, and divided at the end.
INDICATORS = (
    Indicator("contacts", "welcome", "sum"),
    Indicator("visitors", "welcome", "sum"),
    Indicator("visitors_abroad", "welcome", "sum"),
    Indicator("theme_requests", "welcome", "sum"),
    Indicator("nights", "tax", "sum"),
    Indicator("tax_due", "tax", "sum"),
    Indicator("shop_sales", "shop", "sum"),
    Indicator("shop_margin", "shop", "sum"),
    Indicator("tickets", "ticketing", "sum"),
    Indicator("ticket_amount", "ticketing", "sum"),
    Indicator("ticket_commission", "ticketing", "sum"),
    Indicator("group_quotes", "group", "sum"),
    Indicator("group_confirmed", "group", "sum"),
    Indicator("group_margin", "group", "sum"),
    Indicator("card_sales", "card", "sum"),
    Indicator("card_discount", "card", "sum"),
    Indicator("complaints", "quality", "sum"),
    Indicator("complaints_on_time", "quality", "rate"),
    Indicator("answer_days", "quality", "avg"),
    Indicator("survey_responses", "quality", "sum"),
    Indicator("survey_satisfied", "quality", "rate"),
)
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
MISSIONS = ("welcome", "tax", "shop", "ticketing", "group", "card", "quality")
MONEY = {
    "tax_due",
    "shop_sales",
    "shop_margin",
    "ticket_amount",
    "ticket_commission",
    "group_margin",
    "card_discount",
}


def figure(kind, value, weight):
    """The figure a user reads from summed values and weights (None: nothing to
    divide, shown as a dash rather than as a false zero)."""
    if kind == "sum":
        return value
    if not weight:
        return None
    ratio = value / weight
    return round(100.0 * ratio, 1) if kind == "rate" else round(ratio, 1)


def variation(current, previous):
    """Change from the previous figure in percent, one decimal; None when the
    previous figure is missing or zero (no meaningful percentage)."""
    if current is None or not previous:
        return None
    return round(100.0 * (current - previous) / abs(previous), 1)


def compare(monthly, year, month):
    """The dashboard's columns for each indicator.

    ``monthly`` maps (indicator key, year, month) to (value, weight) sums. Returns
    {key: {"month": ..., "month_prev": ..., "month_var": ..., "ytd": ...,
    "ytd_prev": ..., "ytd_var": ..., "year": ..., "year_prev": ..., "year_var":
    ...}}: the month of year N against the same month of N-1, January to that month
    (year to date) against the same months of N-1, the whole years.
    """

    def total(key, kind, years_months):
        value = weight = 0.0
        for y, m in years_months:
            v, w = monthly.get((key, y, m), (0.0, 0.0))
            value += v
            weight += w
        return figure(kind, value, weight)

    result = {}
    for indicator in INDICATORS:
        key, kind = indicator.key, indicator.kind
        cols = {
            "month": total(key, kind, [(year, month)]),
            "month_prev": total(key, kind, [(year - 1, month)]),
            "ytd": total(key, kind, [(year, m) for m in range(1, month + 1)]),
            "ytd_prev": total(key, kind, [(year - 1, m) for m in range(1, month + 1)]),
            "year": total(key, kind, [(year, m) for m in range(1, 13)]),
            "year_prev": total(key, kind, [(year - 1, m) for m in range(1, 13)]),
        }
        for col in ("month", "ytd", "year"):
            cols[f"{col}_var"] = variation(cols[col], cols[f"{col}_prev"])
        result[key] = cols
    return result


def month_series(monthly, key, year):
    """The twelve monthly figures of one indicator for a year (for the charts)."""
    kind = BY_KEY[key].kind
    return [
        figure(kind, *monthly.get((key, year, m), (0.0, 0.0))) for m in range(1, 13)
    ]
