# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import dataclasses
import itertools
from datetime import date, datetime
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools.calculator import (
    ERROR_CODES,
    ROUNDING_MODES,
    TaxBreakdown,
    TaxCalculationError,
    compute_flat_rate_tax,
    compute_platform_difference,
    compute_stay_tax,
    nights_by_year,
    round_half_up,
    split_stay,
    stay_tax_cents,
)

LANDES = (D("0.10"), D("0.34"))  # Département 10 %, GPSO 34 % (docs/domain.md §1.5)
DEPARTMENT = (D("0.10"),)


@tagged("post_install", "-at_install")
class TestCalculator(BaseCase):
    """Pure arithmetic, no database."""

    def assertConsistent(self, result):
        """Money at the cent, never negative, and the parts add up to the total."""
        amounts = [result.base, result.total, *result.surcharges]
        if hasattr(result, "total_per_person_night"):
            amounts.append(result.total_per_person_night)
        for amount in amounts:
            self.assertIsInstance(amount, D)
            self.assertEqual(amount.as_tuple().exponent, -2, amount)
            self.assertGreaterEqual(amount, 0)
        self.assertEqual(result.base + sum(result.surcharges), result.total)

    def assertStay(self, result, expected):
        """``expected``: dict of StayTax fields, amounts as strings."""
        self.assertConsistent(result)
        for field, value in expected.items():
            actual = getattr(result, field)
            if field == "surcharges":
                value = tuple(D(amount) for amount in value)
            elif field != "taxable_person_nights":
                value = D(value)
            self.assertEqual(actual, value, field)

    # -- rounding helper ---------------------------------------------------------

    def test_round_half_up(self):
        cases = [
            ("1.375", "0.01", "1.38"),  # Mimizan's published example
            ("0.825", "0.01", "0.83"),  # HALF_EVEN would give 0.82
            ("1.005", "0.01", "1.01"),  # HALF_EVEN would give 1.00
            ("1.3749", "0.01", "1.37"),
            ("0.005", "0.01", "0.01"),
            ("0.0049", "0.01", "0.00"),
            ("-1.375", "0.01", "-1.38"),  # away from zero, like Decimal's HALF_UP
            (1, "0.01", "1.00"),
            (D("12.345678"), "0.0001", "12.3457"),
            ("2.5", "1", "3"),
            ("0.125", "0.05", "0.15"),  # a quantum that is not a power of ten
            (0.1, "0.01", "0.10"),  # a float is read through str(), not its binary
        ]
        for amount, quantum, expected in cases:
            with self.subTest(amount=amount, quantum=quantum):
                result = round_half_up(amount, D(quantum))
                # str() also checks the exponent: 1.00, not 1.
                self.assertEqual(str(result), expected)
        self.assertEqual(str(round_half_up("0.115")), "0.12")  # default quantum

    # -- réel --------------------------------------------------------------------

    def test_worked_examples(self):
        """docs/domain.md §1.10."""
        cases = [
            ("T1 2-star hotel", {"nights": 5, "persons": 2, "tariff": "0.50"}, "5.00"),
            ("T2 3-star hotel", {"nights": 2, "persons": 2, "tariff": "1.50"}, "6.00"),
            (
                "T6 3-star campsite",
                {"nights": 2, "persons": 3, "tariff": "0.40"},
                "2.40",
            ),
        ]
        for name, kwargs, total in cases:
            for rounding in ROUNDING_MODES:
                with self.subTest(name, rounding=rounding):
                    result = compute_stay_tax(rounding=rounding, **kwargs)
                    self.assertStay(
                        result,
                        {"base": total, "surcharges": (), "total": total},
                    )

    def test_classified(self):
        cases = [
            (
                "2 adults and 2 minors, 7 nights, 3-star",
                {"nights": 7, "persons": 4, "exempt_persons": 2, "tariff": "1.50"},
                {"taxable_person_nights": 14, "total": "21.00"},
            ),
            (
                "a seasonal worker among 4, 3 nights, guest room",
                {"nights": 3, "persons": 4, "exempt_persons": 1, "tariff": "0.80"},
                {"taxable_person_nights": 9, "total": "7.20"},
            ),
            (
                "palace, one night",
                {"nights": 1, "persons": 1, "tariff": "4.80"},
                {"taxable_person_nights": 1, "total": "4.80"},
            ),
            (
                # 0.90 × 1.44 = 1.296 → 1.30 per person-night; the add-ons get their
                # exact share (0.72, 2.448 → 2.45), the base keeps the 0.03 residual.
                "2 adults and a minor, 4 nights, 2-star, Landes add-ons",
                {
                    "nights": 4,
                    "persons": 3,
                    "exempt_persons": 1,
                    "tariff": "0.90",
                    "surcharge_rates": LANDES,
                },
                {
                    "taxable_person_nights": 8,
                    "tariff_per_person_night": "0.90",
                    "total_per_person_night": "1.30",
                    "base": "7.23",
                    "surcharges": ("0.72", "2.45"),
                    "total": "10.40",
                },
            ),
            (
                "int, str, float and Decimal inputs",
                {
                    "nights": "3",
                    "persons": D("2"),
                    "exempt_persons": 0,
                    "tariff": 0.5,
                    "surcharge_rates": ["0.10", 0.34],
                },
                {
                    "taxable_person_nights": 6,
                    "total_per_person_night": "0.72",
                    "surcharges": ("0.30", "1.02"),
                    "total": "4.32",
                },
            ),
            (
                # The cap targets unclassified lodgings; it also bounds a tariff.
                "classified tariff above the cap",
                {"nights": 1, "persons": 2, "tariff": "2.00", "cap": "1.50"},
                {"tariff_per_person_night": "1.50", "total": "3.00"},
            ),
        ]
        for name, kwargs, expected in cases:
            with self.subTest(name):
                self.assertStay(compute_stay_tax(**kwargs), expected)

    def test_unclassified(self):
        """A.4: price per night / all occupants × rate, capped, then the add-ons."""
        cases = [
            (
                "5 % of 120 €/night for 4 occupants",
                {"persons": 4, "proportional_rate": "0.05", "price_per_night": 120},
                {"tariff_per_person_night": "1.50", "total": "12.00"},
            ),
            (
                "same, capped at 1.00",
                {
                    "persons": 4,
                    "proportional_rate": "0.05",
                    "price_per_night": 120,
                    "cap": "1.00",
                },
                {"tariff_per_person_night": "1.00", "total": "8.00"},
            ),
            (
                # The 2 minors divide the price (1.50 each, not 3.00) but pay nothing.
                "2 exempt minors among 4 still divide the price",
                {
                    "persons": 4,
                    "exempt_persons": 2,
                    "proportional_rate": "0.05",
                    "price_per_night": 120,
                },
                {
                    "taxable_person_nights": 4,
                    "tariff_per_person_night": "1.50",
                    "total": "6.00",
                },
            ),
            (
                "2 exempt minors, capped",
                {
                    "persons": 4,
                    "exempt_persons": 2,
                    "proportional_rate": "0.05",
                    "price_per_night": 120,
                    "cap": "1.00",
                },
                {"taxable_person_nights": 4, "total": "4.00"},
            ),
            (
                "cap not reached",
                {
                    "persons": 4,
                    "proportional_rate": "0.05",
                    "price_per_night": 120,
                    "cap": "2.30",
                },
                {"tariff_per_person_night": "1.50", "total": "12.00"},
            ),
            (
                "exactly at the cap",
                {
                    "persons": 4,
                    "proportional_rate": "0.05",
                    "price_per_night": 184,
                    "cap": "2.30",
                },
                {"tariff_per_person_night": "2.30", "total": "18.40"},
            ),
            (
                # Mimizan publishes "5.5 % … plafonné à 2.53 €": 5 % × 1.1, cap 2.30.
                "Mimizan's cap with the departmental add-on",
                {
                    "persons": 2,
                    "proportional_rate": "0.05",
                    "price_per_night": 400,
                    "cap": "2.30",
                    "surcharge_rates": DEPARTMENT,
                },
                {
                    "tariff_per_person_night": "2.30",
                    "total_per_person_night": "2.53",
                    "base": "9.20",
                    "surcharges": ("0.92",),
                    "total": "10.12",
                },
            ),
            (
                "Landes add-ons on the capped base",
                {
                    "persons": 4,
                    "proportional_rate": "0.05",
                    "price_per_night": 120,
                    "cap": "1.00",
                    "surcharge_rates": LANDES,
                },
                {
                    "total_per_person_night": "1.44",
                    "base": "8.00",
                    "surcharges": ("0.80", "2.72"),
                    "total": "11.52",
                },
            ),
            (
                "100 €/night for 3: 1.6666… per person-night",
                {"persons": 3, "proportional_rate": "0.05", "price_per_night": 100},
                {"total_per_person_night": "1.67", "total": "10.02"},
            ),
            (
                # 0.15 × 1.44 = 0.216 → 0.22; Département 0.045 → 0.05 (half-up).
                "1 % of 45 € for 3, Landes add-ons",
                {
                    "nights": 1,
                    "persons": 3,
                    "proportional_rate": "0.01",
                    "price_per_night": 45,
                    "surcharge_rates": LANDES,
                },
                {
                    "total_per_person_night": "0.22",
                    "base": "0.46",
                    "surcharges": ("0.05", "0.15"),
                    "total": "0.66",
                },
            ),
            (
                "free stay: no rent, no tax",
                {"persons": 2, "proportional_rate": "0.05", "price_per_night": 0},
                {"tariff_per_person_night": "0", "total": "0.00"},
            ),
        ]
        for name, kwargs, expected in cases:
            kwargs = {"nights": 2, **kwargs}
            with self.subTest(name):
                self.assertStay(compute_stay_tax(**kwargs), expected)

    def test_tariff_per_person_night_is_not_rounded(self):
        result = compute_stay_tax(
            nights=1, persons=4, proportional_rate="0.05", price_per_night=65
        )
        self.assertEqual(result.tariff_per_person_night, D("0.8125"))
        self.assertEqual(result.total_per_person_night, D("0.81"))
        result = compute_stay_tax(
            nights=1, persons=3, proportional_rate="0.05", price_per_night=100
        )
        self.assertLess(abs(result.tariff_per_person_night - D(5) / D(3)), D("1E-20"))

    def test_landes_addons(self):
        """Per person-night, one night: base + 10 % + 34 % = base × 1.44, rounded."""
        cases = [
            # tariff, base, (Département, GPSO), total = tariff × 1.44 to the cent
            ("0.20", "0.20", ("0.02", "0.07"), "0.29"),  # 0.288
            ("0.50", "0.50", ("0.05", "0.17"), "0.72"),
            ("0.80", "0.80", ("0.08", "0.27"), "1.15"),  # 1.152
            ("1.00", "1.00", ("0.10", "0.34"), "1.44"),
            ("1.70", "1.70", ("0.17", "0.58"), "2.45"),  # 2.448
            ("2.30", "2.30", ("0.23", "0.78"), "3.31"),  # 3.312
            ("4.80", "4.80", ("0.48", "1.63"), "6.91"),  # 6.912
        ]
        for tariff, base, surcharges, total in cases:
            with self.subTest(tariff=tariff):
                result = compute_stay_tax(
                    nights=1, persons=1, tariff=tariff, surcharge_rates=LANDES
                )
                self.assertStay(
                    result,
                    {
                        "tariff_per_person_night": tariff,
                        "total_per_person_night": total,
                        "base": base,
                        "surcharges": surcharges,
                        "total": total,
                    },
                )
                self.assertEqual(total, str(round_half_up(D(tariff) * D("1.44"))))

    def test_mimizan_half_up(self):
        """The tariff with add-ons ends in 5 at the third decimal: it goes up."""
        cases = [
            # kwargs, rates, total per person-night (x 6 person-nights)
            ({"tariff": "1.25"}, DEPARTMENT, "1.38"),  # 1.375, Mimizan's example
            ({"tariff": "0.75"}, DEPARTMENT, "0.83"),  # 0.825; HALF_EVEN: 0.82
            ({"tariff": "0.25"}, (D("0.34"),), "0.34"),  # 0.335
            ({"tariff": "0.75"}, (D("0.34"),), "1.01"),  # 1.005; HALF_EVEN: 1.00
            (
                # 121.25 / 9 × 2.5 % = 0.33680555…, × 1.44 = 0.485 exactly: the
                # calculator must not lose the exact half in the division.
                {
                    "proportional_rate": "0.025",
                    "price_per_night": "121.25",
                    "persons": 9,
                    "exempt_persons": 7,
                },
                LANDES,
                "0.49",
            ),
        ]
        for kwargs, rates, total_ppn in cases:
            kwargs = {"nights": 3, "persons": 2, **kwargs}
            with self.subTest(kwargs=kwargs, rates=rates):
                result = compute_stay_tax(surcharge_rates=rates, **kwargs)
                self.assertEqual(result.taxable_person_nights, 6)
                self.assertStay(
                    result,
                    {
                        "total_per_person_night": total_ppn,
                        "total": str(D(total_ppn) * 6),
                    },
                )

    def test_rounding_modes(self):
        """The same stays in each mode; where they differ."""
        unclassified = {
            # 65 / 4 × 5 % = 0.8125 per person-night, 12 person-nights
            "nights": 3,
            "persons": 4,
            "proportional_rate": "0.05",
            "price_per_night": 65,
            "surcharge_rates": LANDES,
        }
        two_star = {
            "nights": 4,
            "persons": 2,
            "tariff": "0.90",
            "surcharge_rates": LANDES,
        }
        low = {"nights": 3, "persons": 1, "tariff": "0.25", "surcharge_rates": LANDES}
        # 99.60 / 4 × 5 % = 1.245 per person-night, 4 person-nights
        rounded_up = {
            "nights": 1,
            "persons": 4,
            "proportional_rate": "0.05",
            "price_per_night": "99.60",
            "surcharge_rates": LANDES,
        }
        cases = [
            # stay, mode, total per person-night, base, surcharges, total
            # 0.8125 × 1.44 = 1.17 exactly; 0.975 → 0.98 and 3.315 → 3.32 for the
            # add-ons; the base keeps the rest (9.74 instead of 9.75).
            (
                unclassified,
                "per_person_night",
                "1.17",
                "9.74",
                ("0.98", "3.32"),
                "14.04",
            ),
            # Base rounded to 0.81 first: add-ons 0.081 → 0.08 and 0.2754 → 0.28.
            (unclassified, "per_component", "1.17", "9.72", ("0.96", "3.36"), "14.04"),
            # 9.75 for the stay, add-ons 0.975 → 0.98 and 3.315 → 3.32: 1 cent more.
            (unclassified, "per_stay", "1.17", "9.75", ("0.98", "3.32"), "14.05"),
            # 0.90 × 1.44 = 1.296 → 1.30
            (two_star, "per_person_night", "1.30", "7.23", ("0.72", "2.45"), "10.40"),
            # 0.09 + 0.306 → 0.31: 1.30 too, but the split is exact per component.
            (two_star, "per_component", "1.30", "7.20", ("0.72", "2.48"), "10.40"),
            # 7.20 + 0.72 + 2.448 → 2.45 = 10.37: 3 cents less.
            (two_star, "per_stay", "1.30", "7.20", ("0.72", "2.45"), "10.37"),
            # 0.25 × 1.44 = 0.36
            (low, "per_person_night", "0.36", "0.74", ("0.08", "0.26"), "1.08"),
            # 0.25 + 0.025 → 0.03 + 0.085 → 0.09 = 0.37: rounding twice costs more.
            (low, "per_component", "0.37", "0.75", ("0.09", "0.27"), "1.11"),
            # 0.75 + 0.075 → 0.08 + 0.255 → 0.26 = 1.09; 1.09 / 3 → 0.36
            (low, "per_stay", "0.36", "0.75", ("0.08", "0.26"), "1.09"),
            # 1.245 × 1.44 = 1.7928 → 1.79; shares 0.498 → 0.50 and 1.6932 → 1.69
            (rounded_up, "per_person_night", "1.79", "4.97", ("0.50", "1.69"), "7.16"),
            # 1.245 → 1.25 first, then 0.125 → 0.13 and 0.425 → 0.43 (from 1.245
            # they would be 0.12 and 0.42): 1.81
            (rounded_up, "per_component", "1.81", "5.00", ("0.52", "1.72"), "7.24"),
            # 4.98 + 0.498 → 0.50 + 1.6932 → 1.69 = 7.17; 7.17 / 4 → 1.79
            (rounded_up, "per_stay", "1.79", "4.98", ("0.50", "1.69"), "7.17"),
        ]
        for kwargs, rounding, total_ppn, base, surcharges, total in cases:
            with self.subTest(kwargs=kwargs, rounding=rounding):
                result = compute_stay_tax(rounding=rounding, **kwargs)
                self.assertStay(
                    result,
                    {
                        "total_per_person_night": total_ppn,
                        "base": base,
                        "surcharges": surcharges,
                        "total": total,
                    },
                )

    def test_zero_taxable(self):
        """Zero nights or zero taxable persons is a valid stay with no tax."""
        cases = [
            ("no night", {"nights": 0, "persons": 2, "tariff": "0.80"}),
            ("nobody", {"nights": 3, "persons": 0, "tariff": "0.80"}),
            (
                "only minors",
                {"nights": 3, "persons": 2, "exempt_persons": 2, "tariff": "0.80"},
            ),
            (
                "unclassified, only exempt persons",
                {
                    "nights": 3,
                    "persons": 2,
                    "exempt_persons": 2,
                    "proportional_rate": "0.05",
                    "price_per_night": 80,
                },
            ),
            (
                "unclassified, nobody and no night",
                {
                    "nights": 0,
                    "persons": 0,
                    "proportional_rate": "0.05",
                    "price_per_night": 80,
                },
            ),
        ]
        for name, kwargs in cases:
            for rounding in ROUNDING_MODES:
                with self.subTest(name, rounding=rounding):
                    result = compute_stay_tax(
                        surcharge_rates=LANDES, rounding=rounding, **kwargs
                    )
                    self.assertStay(
                        result,
                        {
                            "taxable_person_nights": 0,
                            "base": "0.00",
                            "surcharges": ("0.00", "0.00"),
                            "total": "0.00",
                        },
                    )
                    if rounding == "per_stay":
                        self.assertEqual(result.total_per_person_night, D("0.00"))

    def test_sub_cent_tariff_keeps_base_non_negative(self):
        """0.001 × 1.5 = 0.0015 → 0.00 per person-night, yet the add-on's exact share
        for 10 nights is 0.005 → 0.01: it is limited to the total (0.00)."""
        result = compute_stay_tax(
            nights=10, persons=1, tariff="0.001", surcharge_rates=["0.5"]
        )
        self.assertStay(
            result, {"base": "0.00", "surcharges": ("0.00",), "total": "0.00"}
        )

    def test_invariants(self):
        """Many combinations: the parts always add up, and each mode keeps its
        definition."""
        tariffs = ["0.20", "0.25", "0.33", "0.50", "0.75", "0.90", "1.25", "2.30"]
        rate_sets = [(), DEPARTMENT, LANDES, (D("0.15"), D("2.00"))]  # last: IdF
        for tariff, persons, nights, rates, rounding in itertools.product(
            tariffs, range(1, 5), (1, 2, 3, 7), rate_sets, ROUNDING_MODES
        ):
            for exempt in range(persons + 1):
                result = compute_stay_tax(
                    nights=nights,
                    persons=persons,
                    exempt_persons=exempt,
                    tariff=tariff,
                    surcharge_rates=rates,
                    rounding=rounding,
                )
                with self.subTest(tariff=tariff, persons=persons, exempt=exempt):
                    self.assertConsistent(result)
                    count = (persons - exempt) * nights
                    self.assertEqual(result.taxable_person_nights, count)
                    if rounding != "per_stay":
                        self.assertEqual(
                            result.total, result.total_per_person_night * count
                        )
                    if rounding == "per_stay" or not rates:
                        self.assertEqual(result.base, D(tariff) * count)
        for price, persons, rate, cap in itertools.product(
            ["37", "65", "99.99", "121.25", "250"],
            range(1, 7),
            ["0.01", "0.025", "0.05"],
            [None, "1.00"],
        ):
            for rounding in ROUNDING_MODES:
                with self.subTest(price=price, persons=persons, rate=rate, cap=cap):
                    result = compute_stay_tax(
                        nights=2,
                        persons=persons,
                        exempt_persons=persons // 2,
                        proportional_rate=rate,
                        price_per_night=price,
                        cap=cap,
                        surcharge_rates=LANDES,
                        rounding=rounding,
                    )
                    self.assertConsistent(result)
                    if cap is not None:
                        self.assertLessEqual(result.tariff_per_person_night, D(cap))

    def test_stay_tax_cents(self):
        """The integer core the models call: ratios in, cents out."""
        cases = [
            # DGCL guide: 2-star hotel at 0.50 EUR, 2 adults, 5 nights.
            (
                {"nights": 5, "persons": 2, "exempt_persons": 0, "tariff": (1, 2)},
                (10, (1, 2), 50, 500, (), 500),
            ),
            # Landes: 1.50 EUR + 10 % + 34 %, one child exempt.
            (
                {
                    "nights": 3,
                    "persons": 3,
                    "exempt_persons": 1,
                    "tariff": (3, 2),
                    "surcharge_rates": ((1, 10), (17, 50)),
                },
                (6, (3, 2), 216, 900, (90, 306), 1296),
            ),
            # Unclassified: 5 % of 120.00 EUR for 4 persons, capped at 1.00 EUR.
            (
                {
                    "nights": 2,
                    "persons": 4,
                    "exempt_persons": 0,
                    "proportional_rate": (1, 20),
                    "price_per_night": (12000, 100),
                    "cap": (1, 1),
                    "rounding": "per_stay",
                },
                (8, (1, 1), 100, 800, (), 800),
            ),
        ]
        for kwargs, expected in cases:
            with self.subTest(**kwargs):
                self.assertEqual(tuple(stay_tax_cents(**kwargs)), expected)
        with self.assertRaises(TaxCalculationError) as caught:
            stay_tax_cents(nights=1, persons=1, exempt_persons=2, tariff=(1, 2))
        self.assertEqual(caught.exception.code, "exempt_exceeds_persons")
        # compute_stay_tax reads its numbers and gives the same amounts in euros.
        for tariff, persons, rates, rounding in itertools.product(
            ["0.25", "0.33", "1.25", "4.30"],
            range(1, 5),
            [(), DEPARTMENT, LANDES],
            ROUNDING_MODES,
        ):
            with self.subTest(tariff=tariff, persons=persons, rounding=rounding):
                euros = compute_stay_tax(
                    nights=3,
                    persons=persons,
                    exempt_persons=persons // 3,
                    tariff=tariff,
                    surcharge_rates=rates,
                    rounding=rounding,
                )
                cents = stay_tax_cents(
                    nights=3,
                    persons=persons,
                    exempt_persons=persons // 3,
                    tariff=D(tariff).as_integer_ratio(),
                    surcharge_rates=tuple(rate.as_integer_ratio() for rate in rates),
                    rounding=rounding,
                )
                self.assertEqual(euros.total, D(cents.total) / 100)
                self.assertEqual(euros.base, D(cents.base) / 100)
                self.assertEqual(
                    euros.surcharges,
                    tuple(D(amount) / 100 for amount in cents.surcharges),
                )

    def test_results_are_frozen(self):
        result = compute_stay_tax(nights=1, persons=1, tariff="1.00")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            result.total = D("0.00")
        flat = compute_flat_rate_tax(
            capacity=6, tariff="0.30", nights=124, allowance_rate="0.50"
        )
        with self.assertRaises(dataclasses.FrozenInstanceError):
            flat.total = D("0.00")

    def test_tax_breakdown(self):
        """The one breakdown of a stay, a declaration and a remittance: amounts in
        cents, add-ons by key (L3333-1 departmental 10 %, GPSO 34 %: keys 7, 9)."""
        hotel = TaxBreakdown.of(D("6.00"), (7, 9), (D("0.60"), D("2.04")), 6)
        gite = TaxBreakdown.of(1333, (9,), (453,), 5)
        cases = [
            # (breakdown, base, {key: cents}, nights, total, total in euros)
            (TaxBreakdown(), 0, {}, 0, 0, "0.00"),
            (hotel, 600, {7: 60, 9: 204}, 6, 864, "8.64"),
            (gite, 1333, {9: 453}, 5, 1786, "17.86"),
            (hotel.plus(gite), 1933, {7: 60, 9: 657}, 11, 2650, "26.50"),
            (gite.plus(hotel), 1933, {9: 657, 7: 60}, 11, 2650, "26.50"),
            (TaxBreakdown().plus(hotel), 600, {7: 60, 9: 204}, 6, 864, "8.64"),
        ]
        for breakdown, base, surcharges, nights, total, euros in cases:
            with self.subTest(breakdown=breakdown):
                self.assertEqual(breakdown.base, base)
                self.assertEqual(dict(breakdown.surcharges), surcharges)
                self.assertEqual(breakdown.nights, nights)
                self.assertEqual(breakdown.total, total)
                self.assertEqual(breakdown.total_amount, D(euros))
                self.assertEqual(
                    breakdown.base_amount + breakdown.surcharges_amount,
                    breakdown.total_amount,
                )
                for key, cents in surcharges.items():
                    self.assertEqual(breakdown.surcharge(key), cents)
                    self.assertEqual(breakdown.surcharge_amount(key), D(cents) / 100)
                self.assertEqual(breakdown.surcharge(404), 0)
                # The copy a submitted declaration keeps reads back the same.
                self.assertEqual(TaxBreakdown.from_json(breakdown.to_json()), breakdown)
        self.assertEqual(
            hotel.to_json(),
            {"base": "6.00", "surcharges": {"7": "0.60", "9": "2.04"}, "nights": 6},
        )
        # Copies frozen before the breakdown was typed read the same.
        self.assertEqual(
            TaxBreakdown.from_json({"base": "0", "surcharges": {}, "nights": 0}),
            TaxBreakdown(),
        )

    # -- forfait -----------------------------------------------------------------

    def test_flat_rate(self):
        t5 = {"capacity": 6, "tariff": "0.30", "nights": 124, "allowance_rate": "0.50"}
        cases = [
            # name, kwargs, taxable units, base, surcharges, total
            ("T5 (docs/domain.md §1.10)", t5, "3", "111.60", (), "111.60"),
            # 111.60 × 10 % = 11.16; × 34 % = 37.944 → 37.94
            (
                "T5 with the Landes add-ons",
                {**t5, "surcharge_rates": LANDES},
                "3",
                "111.60",
                ("11.16", "37.94"),
                "160.70",
            ),
            (
                "lowest allowance",
                {
                    "capacity": 10,
                    "tariff": "0.60",
                    "nights": 30,
                    "allowance_rate": "0.10",
                },
                "9",
                "162.00",
                (),
                "162.00",
            ),
            (
                "highest allowance",
                {
                    "capacity": 10,
                    "tariff": "0.60",
                    "nights": 30,
                    "allowance_rate": "0.80",
                },
                "2",
                "36.00",
                (),
                "36.00",
            ),
            (
                "fractional units are kept: 7 × 70 % = 4.9",
                {
                    "capacity": 7,
                    "tariff": "0.30",
                    "nights": 124,
                    "allowance_rate": "0.3",
                },
                "4.9",
                "182.28",
                (),
                "182.28",
            ),
            (
                "3.75 units × 0.33 × 10 = 12.375 → 12.38",
                {
                    "capacity": 5,
                    "tariff": "0.33",
                    "nights": 10,
                    "allowance_rate": "0.25",
                },
                "3.75",
                "12.38",
                (),
                "12.38",
            ),
            (
                # 3 × 40 pitches; 72 × 0.60 × 92 = 3974.40; GPSO 1351.296 → 1351.30
                "campsite, summer season, Landes add-ons",
                {
                    "capacity": 120,
                    "tariff": "0.60",
                    "nights": 92,
                    "allowance_rate": "0.40",
                    "surcharge_rates": LANDES,
                },
                "72",
                "3974.40",
                ("397.44", "1351.30"),
                "5723.14",
            ),
            (
                "closed for the period",
                {**t5, "nights": 0, "surcharge_rates": LANDES},
                "3",
                "0.00",
                ("0.00", "0.00"),
                "0.00",
            ),
            ("no capacity", {**t5, "capacity": 0}, "0", "0.00", (), "0.00"),
            (
                "str, float and Decimal inputs",
                {
                    "capacity": "6",
                    "tariff": 0.3,
                    "nights": D(124),
                    "allowance_rate": 0.5,
                },
                "3",
                "111.60",
                (),
                "111.60",
            ),
        ]
        for name, kwargs, units, base, surcharges, total in cases:
            with self.subTest(name):
                result = compute_flat_rate_tax(**kwargs)
                self.assertConsistent(result)
                self.assertEqual(result.taxable_units, D(units))
                self.assertEqual(result.base, D(base))
                self.assertEqual(result.surcharges, tuple(D(s) for s in surcharges))
                self.assertEqual(result.total, D(total))

    def test_flat_rate_rounding_modes(self):
        """3.75 units × 3 nights = 11.25 unit-nights at 0.25, Landes add-ons."""
        kwargs = {
            "capacity": 5,
            "tariff": "0.25",
            "nights": 3,
            "allowance_rate": "0.25",
            "surcharge_rates": LANDES,
        }
        cases = [
            # 2.8125 → 2.81; 0.281 → 0.28; 0.9554 → 0.96
            ("per_stay", "2.81", ("0.28", "0.96"), "4.05"),
            # 0.36 per unit-night × 11.25 = 4.05; shares 0.28125 and 0.95625
            ("per_person_night", "2.81", ("0.28", "0.96"), "4.05"),
            # add-ons per unit-night 0.03 and 0.09, × 11.25 = 0.3375 and 1.0125
            ("per_component", "2.81", ("0.34", "1.01"), "4.16"),
        ]
        for rounding, base, surcharges, total in cases:
            with self.subTest(rounding=rounding):
                result = compute_flat_rate_tax(rounding=rounding, **kwargs)
                self.assertConsistent(result)
                self.assertEqual(result.taxable_units, D("3.75"))
                self.assertEqual(result.base, D(base))
                self.assertEqual(result.surcharges, tuple(D(s) for s in surcharges))
                self.assertEqual(result.total, D(total))

    # -- dates -------------------------------------------------------------------

    def test_split_stay(self):
        new_year = date(2027, 1, 1)
        cases = [
            (
                "one night",
                date(2026, 7, 14),
                date(2026, 7, 15),
                (),
                [(date(2026, 7, 14), date(2026, 7, 14), 1)],
            ),
            (
                "across 31 December",
                date(2026, 12, 29),
                date(2027, 1, 3),
                (new_year,),
                [
                    (date(2026, 12, 29), date(2026, 12, 31), 3),
                    (date(2027, 1, 1), date(2027, 1, 2), 2),
                ],
            ),
            (
                "arrival on the boundary: one period",
                date(2027, 1, 1),
                date(2027, 1, 3),
                (new_year,),
                [(date(2027, 1, 1), date(2027, 1, 2), 2)],
            ),
            (
                # The departure day is not a night.
                "departure on the boundary: one period",
                date(2026, 12, 29),
                date(2027, 1, 1),
                (new_year,),
                [(date(2026, 12, 29), date(2026, 12, 31), 3)],
            ),
            (
                "boundary outside the stay",
                date(2026, 7, 1),
                date(2026, 7, 8),
                (new_year, date(2026, 1, 1)),
                [(date(2026, 7, 1), date(2026, 7, 7), 7)],
            ),
            (
                "unsorted, repeated boundaries",
                date(2026, 6, 28),
                date(2026, 7, 3),
                [date(2026, 7, 2), date(2026, 7, 1), date(2026, 7, 1)],
                [
                    (date(2026, 6, 28), date(2026, 6, 30), 3),
                    (date(2026, 7, 1), date(2026, 7, 1), 1),
                    (date(2026, 7, 2), date(2026, 7, 2), 1),
                ],
            ),
            (
                "boundaries from a generator",
                date(2026, 12, 31),
                date(2027, 1, 2),
                (day for day in [new_year]),
                [
                    (date(2026, 12, 31), date(2026, 12, 31), 1),
                    (date(2027, 1, 1), date(2027, 1, 1), 1),
                ],
            ),
            (
                "leap day",
                date(2028, 2, 28),
                date(2028, 3, 1),
                (),
                [(date(2028, 2, 28), date(2028, 2, 29), 2)],
            ),
        ]
        for name, arrival, departure, boundaries, expected in cases:
            with self.subTest(name):
                segments = split_stay(arrival, departure, boundaries)
                self.assertEqual(segments, expected)
                total = sum(nights for _first, _last, nights in segments)
                self.assertEqual(total, (departure - arrival).days)

    def test_nights_by_year(self):
        cases = [
            (date(2026, 7, 14), date(2026, 7, 21), {2026: 7}),
            (date(2026, 12, 29), date(2027, 1, 3), {2026: 3, 2027: 2}),
            (date(2026, 12, 31), date(2027, 1, 1), {2026: 1}),
            (date(2027, 1, 1), date(2027, 1, 2), {2027: 1}),
            (date(2027, 12, 30), date(2028, 1, 2), {2027: 2, 2028: 1}),
            (date(2025, 12, 31), date(2027, 1, 2), {2025: 1, 2026: 365, 2027: 1}),
        ]
        for arrival, departure, expected in cases:
            with self.subTest(arrival=arrival, departure=departure):
                result = nights_by_year(arrival, departure)
                self.assertEqual(result, expected)
                self.assertEqual(list(result), sorted(expected))

    def test_stay_across_new_year(self):
        """Each night pays the tariff of its own year (A.5)."""
        tariffs = {2026: D("0.80"), 2027: D("0.90")}
        by_year = nights_by_year(date(2026, 12, 30), date(2027, 1, 2))
        results = [
            compute_stay_tax(
                nights=nights, persons=2, tariff=tariffs[year], surcharge_rates=LANDES
            )
            for year, nights in by_year.items()
        ]
        # 2026: 4 × 1.15 = 4.60; 2027: 0.90 × 1.44 = 1.296 → 1.30, × 2 = 2.60
        self.assertEqual([r.total for r in results], [D("4.60"), D("2.60")])
        self.assertEqual(sum(r.total for r in results), D("7.20"))

    # -- errors ------------------------------------------------------------------

    def test_platform_difference(self):
        """A 3-star host (1.00 base, Landes add-ons 0.10 + 0.34) whose platform
        collected at the unclassified rate declares what is still due."""
        cases = [
            # base, surcharges, collected -> base, surcharges, total due
            ("10.00", ("1.00", "3.40"), "0", "10.00", ("1.00", "3.40"), "14.40"),
            ("10.00", ("1.00", "3.40"), "7.20", "5.00", ("0.50", "1.70"), "7.20"),
            ("10.00", ("1.00", "3.40"), "14.40", "0.00", ("0.00", "0.00"), "0.00"),
            # Collected more than due: nothing due, nothing refunded.
            ("10.00", ("1.00", "3.40"), "20.00", "0.00", ("0.00", "0.00"), "0.00"),
            # Proportions rounded half-up per add-on; the base takes the rest.
            ("1.00", ("0.10", "0.34"), "1.01", "0.30", ("0.03", "0.10"), "0.43"),
            ("2.00", ("0.20", "0.68"), "0.01", "1.99", ("0.20", "0.68"), "2.87"),
            ("0.50", (), "0.20", "0.30", (), "0.30"),
            # Float input is read through str.
            (5.0, (0.5,), 1.1, "4.00", ("0.40",), "4.40"),
            ("0", ("0",), "0", "0.00", ("0.00",), "0.00"),
        ]
        for base, surcharges, collected, due_base, due_surcharges, total in cases:
            with self.subTest(base=base, surcharges=surcharges, collected=collected):
                result = compute_platform_difference(
                    base=base, surcharges=surcharges, collected=collected
                )
                self.assertEqual(result.base, D(due_base))
                self.assertEqual(result.surcharges, tuple(map(D, due_surcharges)))
                self.assertEqual(result.total, D(total))
                self.assertEqual(result.base + sum(result.surcharges), result.total)
                self.assertGreaterEqual(result.base, 0)
        for bad in ("-1", "abc", True):
            with self.subTest(collected=bad), self.assertRaises(TaxCalculationError):
                compute_platform_difference(base="1", collected=bad)

    def test_errors(self):
        classified = {"nights": 2, "persons": 2, "tariff": "0.80"}
        unclassified = {
            "nights": 2,
            "persons": 2,
            "proportional_rate": "0.05",
            "price_per_night": 80,
        }
        flat = {"capacity": 6, "tariff": "0.30", "nights": 124, "allowance_rate": "0.5"}
        july = (date(2026, 7, 1), date(2026, 7, 5))
        cases = [
            (compute_stay_tax, {**classified, "nights": -1}, "negative_nights"),
            (compute_stay_tax, {**classified, "persons": -1}, "negative_persons"),
            (
                compute_stay_tax,
                {**classified, "exempt_persons": -1},
                "negative_persons",
            ),
            (
                compute_stay_tax,
                {**classified, "exempt_persons": 3},
                "exempt_exceeds_persons",
            ),
            (compute_stay_tax, {"nights": 2, "persons": 2}, "missing_tariff"),
            (
                compute_stay_tax,
                {"nights": 2, "persons": 2, "price_per_night": 80},
                "missing_tariff",
            ),
            (
                compute_stay_tax,
                {**unclassified, "tariff": "0.80"},
                "both_tariff_and_rate",
            ),
            (
                compute_stay_tax,
                {**classified, "price_per_night": 80},
                "both_tariff_and_rate",
            ),
            (
                compute_stay_tax,
                {**classified, "proportional_rate": "0.05"},
                "both_tariff_and_rate",
            ),
            (
                compute_stay_tax,
                {"nights": 2, "persons": 2, "proportional_rate": "0.05"},
                "missing_price",
            ),
            (
                compute_stay_tax,
                {**unclassified, "persons": 0},
                "zero_persons_unclassified",
            ),
            (
                compute_stay_tax,
                {**classified, "rounding": "half_even"},
                "unknown_rounding",
            ),
            (compute_stay_tax, {**classified, "rounding": None}, "unknown_rounding"),
            (compute_stay_tax, {**classified, "tariff": "-0.80"}, "negative_amount"),
            (
                compute_stay_tax,
                {**unclassified, "proportional_rate": "-0.05"},
                "negative_amount",
            ),
            (
                compute_stay_tax,
                {**unclassified, "price_per_night": -1},
                "negative_amount",
            ),
            (compute_stay_tax, {**unclassified, "cap": "-1"}, "negative_amount"),
            (
                compute_stay_tax,
                {**classified, "surcharge_rates": ["0.10", "-0.34"]},
                "negative_amount",
            ),
            (compute_stay_tax, {**classified, "nights": 1.5}, "not_an_integer"),
            (compute_stay_tax, {**classified, "persons": "2.5"}, "not_an_integer"),
            (compute_stay_tax, {**classified, "tariff": "abc"}, "invalid_number"),
            (compute_stay_tax, {**classified, "tariff": "NaN"}, "invalid_number"),
            (
                compute_stay_tax,
                {**classified, "tariff": float("inf")},
                "invalid_number",
            ),
            (compute_stay_tax, {**classified, "nights": None}, "invalid_number"),
            (compute_stay_tax, {**classified, "persons": True}, "invalid_number"),
            (
                compute_flat_rate_tax,
                {**flat, "allowance_rate": "0.09"},
                "allowance_out_of_range",
            ),
            (
                compute_flat_rate_tax,
                {**flat, "allowance_rate": "0.81"},
                "allowance_out_of_range",
            ),
            (
                compute_flat_rate_tax,
                {**flat, "allowance_rate": 0},
                "allowance_out_of_range",
            ),
            (compute_flat_rate_tax, {**flat, "allowance_rate": "x"}, "invalid_number"),
            (compute_flat_rate_tax, {**flat, "capacity": -1}, "negative_capacity"),
            (compute_flat_rate_tax, {**flat, "capacity": 2.5}, "not_an_integer"),
            (compute_flat_rate_tax, {**flat, "nights": -1}, "negative_nights"),
            (compute_flat_rate_tax, {**flat, "tariff": None}, "missing_tariff"),
            (compute_flat_rate_tax, {**flat, "tariff": "-0.30"}, "negative_amount"),
            (
                compute_flat_rate_tax,
                {**flat, "surcharge_rates": ["-0.10"]},
                "negative_amount",
            ),
            (
                compute_flat_rate_tax,
                {**flat, "rounding": "per_night"},
                "unknown_rounding",
            ),
            (
                split_stay,
                {"arrival": july[1], "departure": july[0]},
                "departure_before_arrival",
            ),
            (split_stay, {"arrival": july[0], "departure": july[0]}, "no_night"),
            (
                split_stay,
                {"arrival": datetime(2026, 7, 1, 15, 0), "departure": july[1]},
                "invalid_date",
            ),
            (
                split_stay,
                {"arrival": july[0], "departure": "2026-07-05"},
                "invalid_date",
            ),
            (
                split_stay,
                {
                    "arrival": july[0],
                    "departure": july[1],
                    "boundaries": ["2026-07-03"],
                },
                "invalid_date",
            ),
            (
                nights_by_year,
                {"arrival": july[1], "departure": july[0]},
                "departure_before_arrival",
            ),
            (nights_by_year, {"arrival": july[0], "departure": july[0]}, "no_night"),
            (round_half_up, {"amount": "1.375", "quantum": 0}, "invalid_quantum"),
            (round_half_up, {"amount": "1,375"}, "invalid_number"),
        ]
        seen = set()
        for function, kwargs, code in cases:
            with self.subTest(function=function.__name__, kwargs=kwargs):
                with self.assertRaises(TaxCalculationError) as caught:
                    function(**kwargs)
                self.assertEqual(caught.exception.code, code)
                self.assertIsInstance(caught.exception, ValueError)
                self.assertTrue(str(caught.exception))
                seen.add(code)
        # Every code the Odoo layer may have to translate is exercised above.
        self.assertEqual(seen, ERROR_CODES)
