# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestTicketingPosTour(HttpCase, TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event.question_ids = [Command.clear()]
        cls.counsellor = new_tourism_user(
            cls.env,
            "bit_counsellor",
            "base.group_user,tourism_base.group_tourism_user,event.group_event_user",
            password="bit_counsellor",
            lang="fr_FR",
        )
        # A conseiller sells at the till of his own information point.
        cls.counsellor.tourism_bit_id = cls.config.tourism_bit_id

    def test_sell_at_a_bit_then_close_and_settle(self):
        self.config.with_user(self.counsellor).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "tourism_ticketing_pos_sale",
            login="bit_counsellor",
        )
        session = self.config.current_session_id
        order = session.order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.amount_total, 24.0)
        self.assertEqual(
            order.lines.event_registration_ids.event_ticket_id, self.ticket_adult
        )
        self.assertEqual(sum(order.lines.mapped("tourism_commission")), 1.6)
        self.assertEqual(self.ticket_adult.tourism_seats_taken, 1)
        self.close(session)
        self.assertEqual(session.state, "closed")
        move = session.move_id
        self.assertEqual(
            self.balance(self.mandate_festival.third_party_account_id, move), -18.0
        )
        self.assertEqual(
            self.balance(self.mandate_museum.third_party_account_id, move), -6.0
        )
        # The cash is in the information point's own cash book.
        self.assertEqual(
            session.statement_line_ids.journal_id,
            self.config.tourism_bit_id.cash_journal_id,
        )
        self.assertEqual(sum(session.statement_line_ids.mapped("amount")), 24.0)
        festival = self.settle(self.mandate_festival)
        festival.action_validate()
        self.assertRecordValues(
            festival,
            [
                {
                    "gross": 18.0,
                    "commission_excluded": 1.0,
                    "commission_tax": 0.2,
                    "commission_included": 1.2,
                    "net_due": 16.8,
                }
            ],
        )
        self.assertEqual(festival.bill_id.amount_residual, 16.8)
        museum = self.settle(self.mandate_museum)
        museum.action_validate()
        self.assertRecordValues(
            museum,
            [
                {
                    "gross": 6.0,
                    "commission_excluded": 0.6,
                    "commission_tax": 0.12,
                    "net_due": 5.28,
                }
            ],
        )
        for mandate in (self.mandate_festival, self.mandate_museum):
            self.assertEqual(self.balance(mandate.third_party_account_id), 0.0)
