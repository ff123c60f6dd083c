# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of the taxe de séjour found in the texts (issue 14), table-tested."""

from datetime import date
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools.calculator import (
    TaxCalculationError,
    compute_flat_rate_tax,
    compute_stay_tax,
    flat_rate_capacity,
    late_interest,
    low_rent_exemption,
    months_started,
    platform_due_dates,
    split_collected,
    split_stay,
    tariff_boundaries,
)
from ..tools.categories import regime
from ..tools.deliberation_rules import (
    adopted_in_time,
    deliberation_in_force,
    flat_rate_declaration_due,
    tariff_within_scale,
)

LANDES = (D("0.10"), D("0.34"))


@tagged("post_install", "-at_install")
class TestTaxLaw(BaseCase):
    def test_regime_follows_nature(self):
        """CGCT L2333-26: one regime per nature of lodging, set by the deliberation;
        an unclassified lodging other than plein air is always au réel."""
        flat = {"campsite", "hotel", "motorhome_area"}
        cases = [
            # nature, category code, expected
            ("campsite", "outdoor_3_5", "flat"),
            ("campsite", "unclassified", "flat"),  # plein air may be au forfait
            ("motorhome_area", "outdoor_3_5", "flat"),
            ("hotel", "stars_3", "flat"),
            ("hotel", "unclassified", "real"),  # never au forfait
            ("furnished", "stars_2", "real"),  # nature not in the deliberation
            ("marina", "outdoor_1_2", "real"),
        ]
        for nature, category, expected in cases:
            with self.subTest(nature=nature, category=category):
                self.assertEqual(regime(nature, category, flat), expected)

    def test_flat_rate_capacity(self):
        """CGCT R2333-59 (in force 2000-2015, the last text on the unit): the
        units of capacity are the persons of the classification decision; an
        emplacement of camping, caravanning or light lodging counts three."""
        cases = [
            # capacity, unit, persons per pitch, units
            (60, "person", 3, 60),
            (20, "pitch", 3, 60),
            (40, "pitch", 3, 120),
            (0, "pitch", 3, 0),
            (15, "pitch", 4, 60),  # a collectivité's own figure
            (7, "person", 4, 7),  # the per-pitch figure is for pitches only
        ]
        for capacity, unit, per_pitch, units in cases:
            with self.subTest(capacity=capacity, unit=unit):
                self.assertEqual(flat_rate_capacity(capacity, unit, per_pitch), units)
        with self.assertRaises(TaxCalculationError):
            flat_rate_capacity(-1, "pitch")

    def test_flat_rate_owed_whatever_occupancy(self):
        """CGCT L2333-41: the forfait = units of capacity x tariff x nights both
        open and in the collection period, after the allowance (10-80 %); no
        occupancy enters it. Issue 14 example: 3-star campsite, 60 units (20
        pitches), 0.50 EUR, 77 open nights, 50 %, Landes add-ons: 1,663.20 EUR. The
        same campsite counted as 60 pitches (180 units) owes 4,989.60 EUR."""
        cases = [
            # units, tariff, nights, allowance, base, add-ons, total
            (60, "0.50", 77, "0.50", "1155.00", ("115.50", "392.70"), "1663.20"),
            (180, "0.50", 77, "0.50", "3465.00", ("346.50", "1178.10"), "4989.60"),
            (120, "0.60", 92, "0.40", "3974.40", ("397.44", "1351.30"), "5723.14"),
            (12, "0.20", 30, "0.80", "14.40", ("1.44", "4.90"), "20.74"),
        ]
        for units, tariff, nights, allowance, base, addons, total in cases:
            with self.subTest(units=units, tariff=tariff):
                tax = compute_flat_rate_tax(
                    capacity=units,
                    tariff=tariff,
                    nights=nights,
                    allowance_rate=allowance,
                    surcharge_rates=LANDES,
                )
                self.assertEqual(tax.base, D(base))
                self.assertEqual(tax.surcharges, tuple(D(a) for a in addons))
                self.assertEqual(tax.total, D(total))

    def test_tariff_boundaries(self):
        """CGCT L2333-30: the tariff is that of the category the lodging is in on
        the night; a stay is split on 1 January and on the day after its
        classification expires."""
        cases = [
            # arrival, departure, expiry, boundaries
            (
                date(2026, 7, 30),
                date(2026, 8, 3),
                date(2026, 7, 31),
                [date(2026, 8, 1)],
            ),
            (date(2026, 7, 30), date(2026, 8, 3), None, []),
            # expiring the last night: the stay is classified throughout
            (date(2026, 7, 30), date(2026, 8, 3), date(2026, 8, 2), []),
            # expired before the stay: one (unclassified) tariff
            (date(2026, 7, 30), date(2026, 8, 3), date(2026, 7, 1), []),
            # expiring on the arrival night: the next nights are unclassified
            (
                date(2026, 7, 30),
                date(2026, 8, 3),
                date(2026, 7, 30),
                [date(2026, 7, 31)],
            ),
            (
                date(2026, 12, 30),
                date(2027, 1, 3),
                date(2027, 1, 1),
                [date(2027, 1, 1), date(2027, 1, 2)],
            ),
            (
                date(2026, 12, 30),
                date(2027, 1, 3),
                date(2026, 12, 31),
                [date(2027, 1, 1)],
            ),
        ]
        for arrival, departure, expiry, expected in cases:
            with self.subTest(arrival=arrival, expiry=expiry):
                self.assertEqual(
                    tariff_boundaries(arrival, departure, expiry), expected
                )

    def test_classification_change_example(self):
        """CGCT L2333-30, issue 14 example: 3-star (1.00 EUR) expiring 31 July,
        5 %, cap 4.00, Landes add-ons, 30 July - 3 August, 2 persons at 300
        EUR a night: 2 x 2 x 1.44 + 2 x 2 x 5.76 = 28.80 EUR."""
        arrival, departure = date(2026, 7, 30), date(2026, 8, 3)
        segments = split_stay(
            arrival, departure, tariff_boundaries(arrival, departure, date(2026, 7, 31))
        )
        self.assertEqual([nights for _f, _l, nights in segments], [2, 2])
        classified = compute_stay_tax(
            nights=2, persons=2, tariff="1.00", surcharge_rates=LANDES
        )
        unclassified = compute_stay_tax(
            nights=2,
            persons=2,
            proportional_rate="0.05",
            price_per_night="300",
            cap="4.00",
            surcharge_rates=LANDES,
        )
        self.assertEqual(classified.total, D("5.76"))
        self.assertEqual(unclassified.total, D("23.04"))
        self.assertEqual(classified.total + unclassified.total, D("28.80"))

    def test_months_started(self):
        """CGCT L2333-38: 0.20 % per month of delay, each month started counting."""
        cases = [
            (date(2026, 1, 31), date(2026, 1, 31), 0),  # on time
            (date(2026, 1, 31), date(2026, 1, 20), 0),  # early
            (date(2026, 1, 31), date(2026, 2, 1), 1),
            (date(2026, 1, 31), date(2026, 2, 28), 1),  # end of February
            (date(2026, 1, 31), date(2026, 3, 1), 2),
            (date(2026, 1, 15), date(2026, 2, 15), 1),
            (date(2026, 1, 15), date(2026, 2, 16), 2),
            (date(2026, 6, 30), date(2026, 7, 30), 1),
            (date(2026, 6, 30), date(2026, 7, 31), 2),
            (date(2026, 12, 31), date(2027, 12, 31), 12),
        ]
        for due, paid, months in cases:
            with self.subTest(due=due, paid=paid):
                self.assertEqual(months_started(due, paid), months)

    def test_late_interest(self):
        """CGCT L2333-38 (L2333-46 au forfait; platforms through L2333-34): late
        interest of 0.20 % of the tax per month started, to the cent."""
        cases = [
            ("1663.20", date(2026, 10, 15), date(2027, 1, 20), "13.31"),  # 4 months
            ("1663.20", date(2026, 10, 15), date(2026, 10, 15), "0.00"),
            ("100.00", date(2026, 6, 30), date(2026, 7, 1), "0.20"),
            ("2.50", date(2026, 6, 30), date(2026, 7, 1), "0.01"),  # 0.005 half-up
            ("2.49", date(2026, 6, 30), date(2026, 7, 1), "0.00"),
            ("5723.14", date(2026, 12, 31), date(2027, 6, 30), "68.68"),  # 6 months
        ]
        for amount, due, paid, interest in cases:
            with self.subTest(amount=amount, paid=paid):
                self.assertEqual(late_interest(amount, due, paid), D(interest))

    def test_low_rent_exemption(self):
        """CGCT L2333-31 4°: exempt only below the threshold the council voted;
        no threshold, no exemption; at or above it, nobody."""
        cases = [
            (None, "0.50", False),  # no threshold voted
            ("1.00", "0.50", True),
            ("1.00", "1.00", False),  # not below
            ("1.00", "35.00", False),
            ("1.00", None, False),  # no rent given: nothing to compare
            ("0", "0.50", False),
        ]
        for threshold, price, exempt in cases:
            with self.subTest(threshold=threshold, price=price):
                self.assertEqual(low_rent_exemption(price, threshold), exempt)

    def test_free_night_not_taxed(self):
        """CGCT L2333-26: only a stay for consideration is taxed; a free night of
        an unclassified lodging has a price of 0 and owes nothing."""
        tax = compute_stay_tax(
            nights=2,
            persons=2,
            proportional_rate="0.05",
            price_per_night="0",
            cap="4.00",
            surcharge_rates=LANDES,
        )
        self.assertEqual(tax.total, D("0.00"))

    def test_deliberation_calendar(self):
        """CGCT L2333-26: a deliberation for year N is adopted before 1 July of
        N-1, and stays in force until another replaces it."""
        cases = [
            (2027, date(2026, 6, 30), True),
            (2027, date(2026, 7, 1), False),
            (2027, date(2025, 11, 5), True),
            (2027, date(2027, 1, 10), False),
        ]
        for year, adopted, ok in cases:
            with self.subTest(year=year, adopted=adopted):
                self.assertEqual(adopted_in_time(year, adopted), ok)
        in_force = [
            ([2024, 2026], 2026, 2026),
            ([2024, 2026], 2027, 2026),  # no 2027 deliberation: 2026's applies
            ([2024, 2026], 2025, 2024),
            ([2024, 2026], 2023, None),
            ([], 2026, None),
        ]
        for years, year, expected in in_force:
            with self.subTest(years=years, year=year):
                self.assertEqual(deliberation_in_force(years, year), expected)

    def test_tariff_within_scale(self):
        """CGCT L2333-30: the limits are revalued each year; a tariff kept in force
        applies within the scale of the night's year."""
        cases = [
            ("1.00", "0.50", "1.70", "1.00"),
            ("1.80", "0.50", "1.70", "1.70"),
            ("0.40", "0.50", "1.70", "0.50"),
            ("0.20", "0.20", "0.20", "0.20"),
            ("2.00", None, None, "2.00"),
        ]
        for tariff, floor, ceiling, expected in cases:
            with self.subTest(tariff=tariff, floor=floor, ceiling=ceiling):
                self.assertEqual(
                    tariff_within_scale(tariff, floor, ceiling), D(expected)
                )

    def test_split_collected(self):
        """CGCT L2333-34 I: platforms remit the tourist tax and the additional
        taxes (L3333-1 departmental, the regional GPSO tax) together; the amount
        is split back into the base and each add-on, the parts adding up."""
        cases = [
            ("14.40", LANDES, "10.00", ("1.00", "3.40")),
            ("1.44", LANDES, "1.00", ("0.10", "0.34")),
            ("1.00", LANDES, "0.69", ("0.07", "0.24")),  # 0.0694, 0.2361
            ("11.00", (D("0.10"),), "10.00", ("1.00",)),
            ("5.00", (), "5.00", ()),
            ("0.00", LANDES, "0.00", ("0.00", "0.00")),
        ]
        for collected, rates, base, addons in cases:
            with self.subTest(collected=collected, rates=rates):
                result = split_collected(collected, rates)
                self.assertEqual(result, (D(base), tuple(D(a) for a in addons)))
                self.assertEqual(result[0] + sum(result[1]), D(collected))

    def test_platform_due_dates(self):
        """CGCT L2333-34 I: platforms remit by 30 June and 31 December; the 30
        June payment includes the balance of the previous year."""
        cases = [
            (date(2026, 1, 5), date(2026, 6, 30), date(2026, 6, 30)),
            (date(2026, 6, 30), date(2026, 6, 30), date(2026, 6, 30)),
            (date(2026, 7, 1), date(2026, 12, 31), date(2027, 6, 30)),
            (date(2026, 12, 31), date(2026, 12, 31), date(2027, 6, 30)),
        ]
        for collected_on, due, latest in cases:
            with self.subTest(collected_on=collected_on):
                self.assertEqual(platform_due_dates(collected_on), (due, latest))

    def test_flat_rate_declaration_due(self):
        """CGCT L2333-43: au forfait, the declaration is made at least one month
        before the start of each collection period."""
        cases = [
            (date(2026, 7, 1), date(2026, 6, 1)),
            (date(2026, 1, 1), date(2025, 12, 1)),
            (date(2026, 3, 31), date(2026, 2, 28)),
            (date(2026, 5, 15), date(2026, 4, 15)),
        ]
        for start, due in cases:
            with self.subTest(start=start):
                self.assertEqual(flat_rate_declaration_due(start), due)
