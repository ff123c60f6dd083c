# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestScheduledSettlements(TicketingCommon):
    """The festival settles monthly, the museum quarterly: the daily scheduled
    action prepares each draft once its period has ended, never twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_tourism_user(
            cls.env,
            "ticketing_manager",
            "base.group_user,tourism_base.group_tourism_manager",
        )
        (cls.mandate_festival | cls.mandate_museum).write(
            {"date_start": date(2026, 1, 1), "user_id": cls.manager.id}
        )
        cls.mandate_festival.settlement_frequency = "monthly"
        cls.mandate_museum.settlement_frequency = "quarterly"
        cls.Mandate = cls.env["tourism.ticketing.mandate"]

    def sell_and_close(self, lines):
        session = self.open_session()
        self.sell(session, lines)
        self.close(session)

    def settlements(self, mandate):
        return mandate.settlement_ids.sorted("date_to")

    def test_cron_prepares_each_period_once(self):
        with freeze_time("2026-03-10 10:00:00"):
            self.sell_and_close(
                [
                    self.ticket_line(self.ticket_adult, 1),
                    self.product_line(self.museum_ticket, 1),
                ]
            )
        with freeze_time("2026-03-31 12:00:00"):
            # March is not over: February and the last quarter of 2025 had no sale.
            self.assertFalse(self.Mandate._cron_generate_settlements())
        with freeze_time("2026-04-01 03:00:00"):
            prepared = self.Mandate._cron_generate_settlements()
            self.assertEqual(len(prepared), 2)
            # Run again the same night (or the next one): nothing new.
            self.assertFalse(self.Mandate._cron_generate_settlements())
        festival = self.settlements(self.mandate_festival)
        self.assertRecordValues(
            festival,
            [
                {
                    "state": "draft",
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                    "gross": 18.0,
                    "commission_included": 1.2,
                    "net_due": 16.8,
                }
            ],
        )
        museum = self.settlements(self.mandate_museum)
        self.assertRecordValues(
            museum,
            [
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                    "gross": 6.0,
                    "net_due": 5.28,
                }
            ],
        )
        # The responsible is asked to validate, the chatter says why.
        self.assertEqual(festival.activity_ids.user_id, self.manager)
        self.assertIn("31/03/2026", festival.message_ids[0].body)
        festival.action_validate()

        with freeze_time("2026-04-15 10:00:00"):
            self.sell_and_close([self.ticket_line(self.ticket_adult, 2)])
        with freeze_time("2026-05-02 03:00:00"):
            prepared = self.Mandate._cron_generate_settlements()
        # April starts where March ended; the museum's quarter is not over.
        self.assertEqual(prepared, self.settlements(self.mandate_festival)[1])
        self.assertRecordValues(
            prepared,
            [
                {
                    "date_from": date(2026, 4, 1),
                    "date_to": date(2026, 4, 30),
                    "gross": 36.0,
                    "tickets_sold": 2,
                }
            ],
        )
        self.assertEqual(len(self.settlements(self.mandate_museum)), 1)

    def test_draft_left_open_takes_the_next_period(self):
        with freeze_time("2026-03-10 10:00:00"):
            self.sell_and_close([self.ticket_line(self.ticket_adult, 1)])
        with freeze_time("2026-04-01 03:00:00"):
            self.Mandate._cron_generate_settlements()
        with freeze_time("2026-04-20 10:00:00"):
            self.sell_and_close([self.ticket_line(self.ticket_child, 1)])
        with freeze_time("2026-05-01 03:00:00"):
            self.Mandate._cron_generate_settlements()
        # Still one draft, brought up to the end of April: nothing left out.
        settlement = self.settlements(self.mandate_festival)
        self.assertRecordValues(
            settlement,
            [
                {
                    "state": "draft",
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 4, 30),
                    "gross": 24.0,
                    "tickets_sold": 2,
                }
            ],
        )

    def test_event_frequency_after_the_event(self):
        self.mandate_festival.settlement_frequency = "event"
        self.event.write(
            {
                "date_begin": "2026-06-20 18:00:00",
                "date_end": "2026-06-20 22:00:00",
            }
        )
        with freeze_time("2026-06-10 10:00:00"):
            self.sell_and_close([self.ticket_line(self.ticket_adult, 1)])
        with freeze_time("2026-06-20 12:00:00"):
            self.assertFalse(self.Mandate._cron_generate_settlements())
        with freeze_time("2026-06-21 03:00:00"):
            prepared = self.Mandate._cron_generate_settlements()
        self.assertRecordValues(
            prepared,
            [{"date_to": date(2026, 6, 20), "gross": 18.0, "state": "draft"}],
        )
