# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TourismTaxCommon


@tagged("post_install", "-at_install")
class TestDeliberation(TourismTaxCommon):
    def test_legal_scale_shipped(self):
        Scale = self.env["tourism.tax.legal.scale"]
        for year in (2024, 2025, 2026):
            with self.subTest(year=year):
                self.assertEqual(Scale.search_count([("year", "=", year)]), 9)
        palace_2025 = self.ref("tourism_tax.legal_scale_2025_palace")
        self.assertEqual((palace_2025.floor, palace_2025.ceiling), (0.70, 4.80))
        self.assertTrue(palace_2025.source)

    def test_landes_add_ons_shipped(self):
        departement = self.ref("tourism_tax.surcharge_departement_landes")
        gpso = self.ref("tourism_tax.surcharge_gpso")
        self.assertEqual((departement.rate, gpso.rate), (10.0, 34.0))
        self.assertEqual(gpso.date_from, date(2024, 1, 1))
        self.assertEqual(
            gpso._applies_on(date(2023, 12, 31)), self.env["tourism.tax.surcharge"]
        )
        self.assertEqual(
            (departement | gpso)._applies_on(date(2026, 7, 14)), departement | gpso
        )

    def test_adopt_checks_the_legal_scale(self):
        deliberation = self._deliberation(tariffs=dict(self.tariffs, stars_4=2.80))
        deliberation.action_generate_periods()
        with self.assertRaisesRegex(ValidationError, "above the legal ceiling"):
            deliberation.action_adopt()
        self.assertEqual(deliberation.state, "draft")

    def test_lower_category_not_above_higher(self):
        deliberation = self._deliberation(tariffs=dict(self.tariffs, stars_2=1.20))
        deliberation.action_generate_periods()
        with self.assertRaisesRegex(ValidationError, "above the one of"):
            deliberation.action_adopt()

    def test_no_legal_scale_for_the_year(self):
        deliberation = self._deliberation(year=2031)
        deliberation.action_generate_periods()
        with self.assertRaisesRegex(ValidationError, "no legal scale for 2031"):
            deliberation.action_adopt()

    def test_rates_checked(self):
        with self.assertRaisesRegex(ValidationError, "between 1 % and 5 %"):
            self._deliberation(year=2025, unclassified_rate=6.0)
        with self.assertRaisesRegex(ValidationError, "between 10 % and 80 %"):
            self._deliberation(
                year=2024,
                allowance_rate=90.0,
                flat_rate_nature_ids=[
                    Command.set(self.ref("tourism_tax.lodging_nature_campsite").ids)
                ],
            )

    def test_generate_periods_and_adopt(self):
        deliberation = self._deliberation(
            period_frequency="quarterly", payment_delay=30
        )
        with self.assertRaisesRegex(UserError, "collection periods"):
            deliberation.action_adopt()
        deliberation.action_generate_periods()
        periods = deliberation.period_ids
        self.assertEqual(len(periods), 4)
        self.assertEqual(
            [(p.date_from, p.date_to) for p in periods][1],
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(periods[1].payment_due, date(2026, 7, 30))
        self.assertEqual(periods[1].declaration_due, date(2026, 7, 15))
        deliberation.action_adopt()
        self.assertEqual(deliberation.state, "adopted")
        self.assertEqual(deliberation.highest_tariff, 4.00)
        with self.assertRaisesRegex(ValidationError, "cannot be changed"):
            deliberation.tariff_ids[0].tariff = 3.0
        with self.assertRaisesRegex(UserError, "draft"):
            deliberation.action_generate_periods()

    def test_monthly_periods(self):
        deliberation = self._deliberation(period_frequency="monthly")
        deliberation.action_generate_periods()
        self.assertEqual(len(deliberation.period_ids), 12)
        self.assertEqual(deliberation.period_ids[1].date_to, date(2026, 2, 28))

    def test_period_outside_year_refused(self):
        deliberation = self._deliberation()
        with self.assertRaisesRegex(ValidationError, "within 2026"):
            deliberation.period_ids = [
                Command.create(
                    {
                        "date_from": "2026-12-01",
                        "date_to": "2027-01-31",
                        "declaration_due": "2027-02-15",
                        "payment_due": "2027-02-28",
                    }
                )
            ]

    def test_one_deliberation_per_year(self):
        self._deliberation()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._deliberation()

    def test_load_categories(self):
        deliberation = self._deliberation(tariffs={"stars_3": 1.0})
        deliberation.action_load_categories()
        self.assertEqual(len(deliberation.tariff_ids), 8)
        one_star = deliberation.tariff_ids.filtered(
            lambda t: t.category_id.code == "stars_1"
        )
        self.assertEqual(one_star.tariff, 0.20)  # the legal floor of 2026
        self.assertEqual(one_star.legal_ceiling, 0.80)
