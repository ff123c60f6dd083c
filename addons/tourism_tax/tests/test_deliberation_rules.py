# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools.calculator import TaxCalculationError, compute_stay_tax
from ..tools.deliberation_rules import (
    UNCLASSIFIED,
    Problem,
    check_tariffs,
    highest_tariff,
)

# A legal deliberation under the 2025 barème (docs/domain.md §1.3): code, group, rank,
# tariff, floor, ceiling. Category codes as in tools/categories.py.
LEGAL = [
    ("palace", "hotel", 6, "3.00", "0.70", "4.80"),
    ("stars_5", "hotel", 5, "2.30", "0.70", "3.50"),
    ("stars_4", "hotel", 4, "1.70", "0.70", "2.60"),
    ("stars_3", "hotel", 3, "1.20", "0.50", "1.70"),
    ("stars_2", "hotel", 2, "0.90", "0.30", "1.00"),
    ("stars_1", "hotel", 1, "0.80", "0.20", "0.80"),
    ("outdoor_3_5", "outdoor", 2, "0.60", "0.20", "0.60"),
    ("outdoor_1_2", "outdoor", 1, "0.20", "0.20", "0.20"),  # single rate
]


def make_rows(**tariffs):
    """LEGAL as dicts, with some tariffs replaced (None: category not adopted)."""
    rows = []
    for code, group, rank, tariff, floor, ceiling in LEGAL:
        tariff = tariffs.get(code, tariff)
        rows.append(
            {
                "code": code,
                "group": group,
                "rank": rank,
                "tariff": None if tariff is None else D(tariff),
                "floor": D(floor),
                "ceiling": D(ceiling),
            }
        )
    return rows


@tagged("post_install", "-at_install")
class TestDeliberationRules(BaseCase):
    """Pure checks, no database."""

    def test_check_tariffs(self):
        cases = [
            ("legal deliberation", make_rows(), []),
            (
                "tariffs at the limits",
                make_rows(palace="4.80", stars_1="0.20", outdoor_3_5="0.20"),
                [],
            ),
            ("same tariff as the category above", make_rows(stars_3="1.70"), []),
            (
                "palace above its ceiling",
                make_rows(palace="5.00"),
                [Problem("above_ceiling", "palace", D("4.80"))],
            ),
            (
                # Below its floor, and so below the lower categories too: those are
                # reported, on the lower category, naming stars_3.
                "3-star below its floor",
                make_rows(stars_3="0.40"),
                [
                    Problem("below_floor", "stars_3", D("0.50")),
                    Problem("above_higher_category", "stars_2", "stars_3"),
                    Problem("above_higher_category", "stars_1", "stars_3"),
                ],
            ),
            (
                "4-star within its range but below the 3-star",
                make_rows(stars_4="1.10"),
                [Problem("above_higher_category", "stars_3", "stars_4")],
            ),
            (
                "1-star above its ceiling and two higher categories",
                make_rows(stars_1="1.50"),
                [
                    Problem("above_ceiling", "stars_1", D("0.80")),
                    Problem("above_higher_category", "stars_1", "stars_2"),
                    Problem("above_higher_category", "stars_1", "stars_3"),
                ],
            ),
            (
                "single-rate campsite above its rate",
                make_rows(outdoor_1_2="0.25"),
                [Problem("above_ceiling", "outdoor_1_2", D("0.20"))],
            ),
            (
                "single-rate campsite below its rate",
                make_rows(outdoor_1_2="0.15"),
                [Problem("below_floor", "outdoor_1_2", D("0.20"))],
            ),
            (
                "campsites 1-2 and 3-5 stars at the same rate",
                make_rows(outdoor_3_5="0.20", outdoor_1_2="0.20"),
                [],
            ),
            (
                # The hierarchy holds within a nature only.
                "campsite above a 1-star hotel: other group",
                make_rows(stars_1="0.50", stars_2="0.55"),
                [],
            ),
            ("category not adopted", make_rows(palace=None), []),
            (
                "a higher category not adopted does not count",
                make_rows(stars_4=None, stars_3="1.70", stars_5="1.50"),
                [Problem("above_higher_category", "stars_3", "stars_5")],
            ),
        ]
        for name, rows, expected in cases:
            with self.subTest(name):
                self.assertEqual(check_tariffs(rows), expected)

    def test_without_bounds(self):
        """Floor and ceiling unknown: only the hierarchy is checked."""
        rows = [
            {
                "code": "stars_2",
                "group": "hotel",
                "rank": 2,
                "tariff": 9,
                "floor": None,
            },
            {"code": "stars_1", "group": "hotel", "rank": 1, "tariff": "9.50"},
        ]
        self.assertEqual(
            check_tariffs(rows),
            [Problem("above_higher_category", "stars_1", "stars_2")],
        )

    def test_input_types(self):
        """Floats from Odoo fields, strings and ints are read like Decimals."""
        rows = [
            {
                "code": "stars_3",
                "group": "hotel",
                "rank": "3",
                "tariff": 1.2,
                "floor": 0.5,
                "ceiling": "1.70",
            },
            {
                "code": "stars_2",
                "group": "hotel",
                "rank": 2,
                "tariff": "1.00",
                "floor": 0.3,
                "ceiling": 1,
            },
        ]
        self.assertEqual(check_tariffs(rows, unclassified_rate=0.05), [])
        self.assertEqual(highest_tariff(rows), D("1.2"))
        with self.assertRaises(TaxCalculationError) as caught:
            check_tariffs([{**rows[0], "tariff": "1,20"}])
        self.assertEqual(caught.exception.code, "invalid_number")

    def test_unclassified_rate(self):
        cases = [
            # rate, bounds (None: default 1 %-5 %), expected problems
            ("0.01", None, []),
            ("0.05", None, []),
            ("0.03", None, []),
            (0.05, None, []),
            (
                D("0.0099"),
                None,
                [Problem("rate_out_of_bounds", UNCLASSIFIED, D("0.01"))],
            ),
            # Mimizan publishes 5.5 %: 5 % plus the Département's 10 %; the voted
            # rate must be 5 %.
            ("0.055", None, [Problem("rate_out_of_bounds", UNCLASSIFIED, D("0.05"))]),
            ("0.08", None, [Problem("rate_out_of_bounds", UNCLASSIFIED, D("0.05"))]),
            # The 8 % cap debated for LF 2026 (A.10) is a matter of bounds.
            ("0.08", (D("0.01"), D("0.08")), []),
            (
                "0.09",
                ("0.01", "0.08"),
                [Problem("rate_out_of_bounds", UNCLASSIFIED, D("0.08"))],
            ),
            (None, None, []),
        ]
        for rate, bounds, expected in cases:
            with self.subTest(rate=rate, bounds=bounds):
                kwargs = {"unclassified_rate": rate}
                if bounds is not None:
                    kwargs["rate_bounds"] = bounds
                self.assertEqual(check_tariffs(make_rows(), **kwargs), expected)

    def test_tariff_problems_come_before_the_rate(self):
        self.assertEqual(
            check_tariffs(make_rows(palace="5.00"), unclassified_rate="0.06"),
            [
                Problem("above_ceiling", "palace", D("4.80")),
                Problem("rate_out_of_bounds", UNCLASSIFIED, D("0.05")),
            ],
        )

    def test_highest_tariff(self):
        cases = [
            ("legal deliberation", make_rows(), D("3.00")),
            ("no palace", make_rows(palace=None), D("2.30")),
            (
                "nothing adopted",
                make_rows(**{code: None for code, *_rest in LEGAL}),
                None,
            ),
            ("no row", [], None),
            (
                "strings",
                [
                    {"code": "a", "group": "g", "rank": 1, "tariff": "0.9"},
                    {"code": "b", "group": "g", "rank": 2, "tariff": "1.10"},
                ],
                D("1.10"),
            ),
        ]
        for name, rows, expected in cases:
            with self.subTest(name):
                self.assertEqual(highest_tariff(rows), expected)

    def test_highest_tariff_caps_unclassified(self):
        """5 % of 300 €/night for 2 = 7.50, capped at the palace's 3.00, × 1.44."""
        result = compute_stay_tax(
            nights=1,
            persons=2,
            proportional_rate="0.05",
            price_per_night=300,
            cap=highest_tariff(make_rows()),
            surcharge_rates=(D("0.10"), D("0.34")),
        )
        self.assertEqual(result.tariff_per_person_night, D("3.00"))
        self.assertEqual(result.total_per_person_night, D("4.32"))
        self.assertEqual(result.total, D("8.64"))
