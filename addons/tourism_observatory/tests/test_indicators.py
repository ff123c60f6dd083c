# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.indicators import compare, figure, month_series, variation


@tagged("post_install", "-at_install")
class TestIndicatorMaths(BaseCase):
    """The comparisons are plain arithmetic on the monthly sums."""

    def test_figure(self):
        for kind, value, weight, expected in (
            ("sum", 12.0, 0.0, 12.0),
            ("rate", 3.0, 4.0, 75.0),
            ("rate", 0.0, 0.0, None),  # nothing answered: no rate, not 0 %
            ("avg", 10.0, 4.0, 2.5),
            ("avg", 1.0, 3.0, 0.3),
        ):
            with self.subTest(kind=kind, value=value, weight=weight):
                self.assertEqual(figure(kind, value, weight), expected)

    def test_variation(self):
        for current, previous, expected in (
            (150.0, 100.0, 50.0),
            (50.0, 100.0, -50.0),
            (10.0, 0.0, None),  # no percentage from nothing
            (None, 10.0, None),
            (-5.0, -10.0, 50.0),  # a loss halved is a gain
            (1.0, 3.0, -66.7),
        ):
            with self.subTest(current=current, previous=previous):
                self.assertEqual(variation(current, previous), expected)

    def test_compare_month_ytd_year(self):
        monthly = {
            ("contacts", 2040, 1): (10.0, 0.0),
            ("contacts", 2040, 3): (30.0, 0.0),
            ("contacts", 2040, 5): (99.0, 0.0),  # after March: not in the YTD
            ("contacts", 2039, 3): (20.0, 0.0),
            ("contacts", 2039, 12): (5.0, 0.0),
            ("complaints_on_time", 2040, 2): (1.0, 2.0),
            ("complaints_on_time", 2040, 3): (2.0, 2.0),
        }
        result = compare(monthly, 2040, 3)
        contacts = result["contacts"]
        self.assertEqual(contacts["month"], 30.0)
        self.assertEqual(contacts["month_prev"], 20.0)
        self.assertEqual(contacts["month_var"], 50.0)
        self.assertEqual(contacts["ytd"], 40.0)
        self.assertEqual(contacts["ytd_prev"], 20.0)
        self.assertEqual(contacts["ytd_var"], 100.0)
        self.assertEqual(contacts["year"], 139.0)
        self.assertEqual(contacts["year_prev"], 25.0)
        # A rate over two months is 3 on time out of 4, not the mean of 50 and 100.
        self.assertEqual(result["complaints_on_time"]["ytd"], 75.0)
        self.assertIsNone(result["complaints_on_time"]["month_prev"])
        self.assertEqual(
            month_series(monthly, "contacts", 2040)[:5], [10.0, 0.0, 30.0, 0.0, 99.0]
        )
