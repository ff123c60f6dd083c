# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date as D

from odoo.tests import BaseCase, tagged

from ..tools import periods


@tagged("post_install", "-at_install")
class TestPeriodsTools(BaseCase):
    def test_last_ended_period(self):
        events = (D(2026, 7, 14), D(2026, 8, 2), None)
        cases = [
            # frequency, today, season end, expected
            ("monthly", D(2026, 8, 1), None, (D(2026, 7, 1), D(2026, 7, 31))),
            ("monthly", D(2026, 8, 31), None, (D(2026, 7, 1), D(2026, 7, 31))),
            ("monthly", D(2026, 1, 1), None, (D(2025, 12, 1), D(2025, 12, 31))),
            ("monthly", D(2028, 3, 1), None, (D(2028, 2, 1), D(2028, 2, 29))),
            ("quarterly", D(2026, 7, 1), None, (D(2026, 4, 1), D(2026, 6, 30))),
            ("quarterly", D(2026, 9, 30), None, (D(2026, 4, 1), D(2026, 6, 30))),
            ("quarterly", D(2026, 2, 10), None, (D(2025, 10, 1), D(2025, 12, 31))),
            ("season", D(2026, 10, 1), D(2026, 9, 30), (None, D(2026, 9, 30))),
            ("season", D(2026, 9, 30), D(2026, 9, 30), None),  # not over yet
            ("season", D(2027, 1, 1), None, (None, D(2026, 12, 31))),
            ("event", D(2026, 7, 14), None, None),  # the day of the first event
            ("event", D(2026, 7, 15), None, (None, D(2026, 7, 14))),
            ("event", D(2026, 9, 1), None, (None, D(2026, 8, 2))),
        ]
        for frequency, today, season_end, expected in cases:
            with self.subTest(frequency=frequency, today=today):
                self.assertEqual(
                    periods.last_ended_period(
                        frequency, today, season_end=season_end, event_ends=events
                    ),
                    expected,
                )

    def test_event_frequency_without_events(self):
        self.assertIsNone(periods.last_ended_period("event", D(2026, 9, 1)))

    def test_unknown_frequency(self):
        with self.assertRaises(ValueError):
            periods.last_ended_period("weekly", D(2026, 9, 1))
