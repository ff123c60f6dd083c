# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestClosingQueries(TicketingCommon):
    """Guard on the POS closing's hot path: the commission logic adds no query per
    ticket sold. Compared with the same orders of a plain product (a fixed count
    would change with every other addon installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_child.seats_max = 100
        cls.plain = cls.env["product.product"].create(
            {
                "name": "Produit simple de Test",
                "type": "service",
                "list_price": 18.0,
                "taxes_id": [Command.clear()],
                "available_in_pos": True,
            }
        )

    def sell_orders(self, count, tickets):
        session = self.open_session()
        for _n in range(count):
            if tickets:
                lines = [
                    self.ticket_line(self.ticket_child, 1),
                    self.product_line(self.museum_ticket, 2),
                ]
            else:
                lines = [
                    self.product_line(self.plain, 1, 6.0),
                    self.product_line(self.plain, 2, 6.0),
                ]
            self.sell(session, lines)
        return session

    def closing_queries(self, session):
        session.post_closing_cash_details(
            sum(session.order_ids.payment_ids.mapped("amount"))
        )
        # Count the closing's own queries only: the writes before it go first,
        # and its own pending writes are counted too.
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        session.close_session_from_ui()
        self.env.flush_all()
        self.assertEqual(session.state, "closed")
        return self.env.cr.sql_log_count - before

    def test_closing_costs_no_query_per_ticket(self):
        # Warm up the caches of a first closing.
        self.closing_queries(self.sell_orders(1, tickets=False))
        plain_few = self.closing_queries(self.sell_orders(3, tickets=False))
        plain_many = self.closing_queries(self.sell_orders(9, tickets=False))
        few = self.closing_queries(self.sell_orders(3, tickets=True))
        many = self.closing_queries(self.sell_orders(9, tickets=True))
        figures = {"plain": (plain_few, plain_many), "tickets": (few, many)}
        # Registrations (pos_event) cost a query or two to read, once.
        self.assertLessEqual(few, plain_few + 5, figures)
        # Six more orders cost what they cost without the commission logic.
        self.assertLessEqual(many - few, plain_many - plain_few + 1, figures)
