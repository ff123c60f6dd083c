# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import TOUR_EXPIRED_NUMBER, TOUR_VALID_NUMBER, AmbassadorCardCommon


@tagged("post_install", "-at_install")
class TestAmbassadorCardUi(AmbassadorCardCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cards()
        cls.env.ref("base.user_admin").lang = "fr_FR"
        # Issue 14 item 17: even when the card type's categories take in the
        # resold tickets' one, the till never discounts a ticket sold in the
        # organiser's name (the tour checks the totals: 10 % on the wine only).
        cls.partner_type.product_category_ids |= cls.ticket.categ_id

    def test_pos_tour_card_discount_stock_and_closing(self):
        self.assertEqual(TOUR_VALID_NUMBER, "0450000009000014")
        self.assertEqual(TOUR_EXPIRED_NUMBER, "0450000009000022")
        session = self._open_session()
        config = session.config_id
        hagetmau = self.env.ref("tourism_pos.warehouse_bit_hagetmau").lot_stock_id
        stock_before = self.tursan.with_context(location=hagetmau.id).qty_available
        self.start_tour(
            f"/pos/ui?config_id={config.id}",
            "tourism_ambassador_card_tour",
            login="admin",
        )
        order = self.env["pos.order"].search([("session_id", "=", session.id)])
        paid = order.filtered(lambda o: o.state == "paid")
        self.assertEqual(len(paid), 1)
        self.assertEqual(paid.tourism_ambassador_card_id, self.staff_card)
        self.assertEqual(paid.partner_id, self.staff)
        self.assertAlmostEqual(paid.amount_total, 30.75, places=2)
        discounts = {
            line.product_id: (line.discount, line.tourism_ambassador_discount)
            for line in paid.lines
        }
        self.assertEqual(discounts[self.tursan], (10.0, 0.95))
        self.assertEqual(discounts[self.mug], (10.0, 0.8))
        self.assertEqual(discounts[self.ticket], (0.0, 0.0))
        self.assertAlmostEqual(paid.tourism_ambassador_discount, 1.75, places=2)
        self.assertFalse(self.expired_card.pos_order_ids)
        # The goods left the Hagetmau stock.
        self.assertEqual(
            self.tursan.with_context(location=hagetmau.id).qty_available,
            stock_before - 1,
        )
        picking = paid.picking_ids
        self.assertEqual(picking.location_id, hagetmau)
        self.assertEqual(picking.state, "done")
        # Closing: the session's entry is posted with the discounted sales.
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        move = session.move_id
        self.assertEqual(move.state, "posted")
        sales = move.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "income"
        )
        self.assertAlmostEqual(
            sum(sales.mapped("credit")) - sum(sales.mapped("debit")),
            paid.amount_total - paid.amount_tax,
            places=2,
        )
        taxes = move.line_ids.filtered("tax_line_id")
        self.assertAlmostEqual(sum(taxes.mapped("credit")), paid.amount_tax, places=2)
