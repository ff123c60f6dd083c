# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bounds of the civil fines of the taxe de séjour (CGCT L2333-34-1, L2333-43-1 for
the forfait), no ORM. The fine is imposed by the président du tribunal judiciaire at
the collectivity's request; the office keeps the request within the legal range."""

from decimal import Decimal

# ground: (minimum, maximum) in euros; "error" is per omission or inaccuracy.
GROUNDS = {
    "late_declaration": (Decimal(750), Decimal(12500)),
    "error": (Decimal(150), Decimal(150)),
    "not_collected": (Decimal(750), Decimal(2500)),
    "not_remitted": (Decimal(750), Decimal(2500)),
}
ERROR_CAP = Decimal(12500)  # all omissions and inaccuracies of one declaration


def fine_bounds(ground, omissions=1):
    """(minimum, maximum) of the fine the collectivity may request, Decimal."""
    if ground not in GROUNDS:
        raise ValueError(f"unknown ground: {ground}")
    low, high = GROUNDS[ground]
    if ground != "error":
        return low, high
    if isinstance(omissions, bool) or not isinstance(omissions, int) or omissions < 1:
        raise ValueError("at least one omission or inaccuracy")
    amount = min(low * omissions, ERROR_CAP)
    return amount, amount


def check_fine_amount(ground, amount, omissions=1):
    """True when `amount` (Decimal or str) lies within the legal range."""
    low, high = fine_bounds(ground, omissions)
    return low <= Decimal(str(amount)) <= high
