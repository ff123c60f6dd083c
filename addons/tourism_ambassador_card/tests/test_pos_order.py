# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import AmbassadorCardCommon


@tagged("post_install", "-at_install")
class TestAmbassadorPosOrder(AmbassadorCardCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cards()
        cls.session = cls._open_session()

    def test_card_discount_on_eligible_lines_only(self):
        order = self._sync(
            self._ui_order(
                self.session,
                [
                    (self.tursan, 2, 10.0),
                    (self.ticket, 1, 0.0),
                    (self.foie_gras, 1, 10.0),
                ],
                card=self.staff_card,
            )
        )
        self.assertEqual(order.tourism_ambassador_card_id, self.staff_card)
        self.assertEqual(order.partner_id, self.staff)
        by_product = {
            line.product_id: line.tourism_ambassador_discount for line in order.lines
        }
        self.assertEqual(by_product[self.tursan], 1.90)  # 2 x 9.50 x 10 %
        self.assertEqual(by_product[self.foie_gras], 2.49)  # 24.90 x 10 %
        self.assertEqual(by_product[self.ticket], 0.0)
        self.assertAlmostEqual(order.tourism_ambassador_discount, 4.39, places=2)
        self.assertEqual(self.staff_card.pos_order_ids, order)
        self.assertEqual(self.staff_card.pos_order_count, 1)
        self.assertAlmostEqual(self.staff_card.year_discount_total, 4.39, places=2)

    def test_manual_discount_on_a_ticket_is_not_the_cards(self):
        order = self._sync(
            self._ui_order(
                self.session,
                [(self.ticket, 1, 10.0), (self.mug, 1, 20.0)],
                card=self.staff_card,
            )
        )
        # Ticket: not eligible; mug: only the card's 10 % counts, not the 20 %.
        self.assertEqual(order.lines.mapped("tourism_ambassador_discount"), [0.0, 0.8])

    def test_expired_card_refused_by_the_server(self):
        vals = self._ui_order(
            self.session, [(self.tursan, 1, 5.0)], card=self.expired_card
        )
        with (
            self.assertRaisesRegex(ValidationError, "expired"),
            self.env.cr.savepoint(),
        ):
            self._sync(vals)
        self.assertFalse(self.expired_card.pos_order_ids)

    def test_revoked_card_refused_by_the_server(self):
        vals = self._ui_order(
            self.session, [(self.tursan, 1, 10.0)], card=self.staff_card
        )
        self.staff_card.write({"state": "revoked", "revoke_reason": "Départ"})
        with (
            self.assertRaisesRegex(ValidationError, "revoked"),
            self.env.cr.savepoint(),
        ):
            self._sync(vals)

    def test_yearly_cap_enforced_by_the_server(self):
        # Resident: 5 %, capped at 50.00 a year.
        plate = self.env.ref("tourism_ambassador_card.product_assiette_samadet")
        first = self._sync(
            self._ui_order(self.session, [(plate, 20, 5.0)], card=self.resident_card)
        )
        self.assertEqual(first.tourism_ambassador_discount, 35.0)  # 700 x 5 %
        self.assertEqual(self.resident_card.year_cap_left, 15.0)
        # 20 more plates at 5 % would give 35.00 more: over the cap.
        with self.assertRaisesRegex(ValidationError, "cap"), self.env.cr.savepoint():
            self._sync(
                self._ui_order(
                    self.session, [(plate, 20, 5.0)], card=self.resident_card
                )
            )
        # What the till computes (tools.benefits) fits: 15.00 / 700.00 = 2.14 %.
        second = self._sync(
            self._ui_order(self.session, [(plate, 20, 2.14)], card=self.resident_card)
        )
        self.assertEqual(second.tourism_ambassador_discount, 14.98)
        self.assertAlmostEqual(self.resident_card.year_cap_left, 0.02, places=2)

    def test_refund_after_the_card_ended(self):
        sale = self._sync(
            self._ui_order(self.session, [(self.tursan, 2, 10.0)], card=self.staff_card)
        )
        self.staff_card.write({"state": "revoked", "revoke_reason": "Départ"})
        refund = self._sync(
            self._ui_order(
                self.session, [(self.tursan, -1, 10.0)], card=self.staff_card
            )
        )
        self.assertEqual(refund.tourism_ambassador_discount, -0.95)
        self.assertAlmostEqual(
            self.staff_card.year_discount_total,
            sale.tourism_ambassador_discount - 0.95,
            places=2,
        )

    def test_unknown_card_number_refused(self):
        vals = self._ui_order(self.session, [(self.tursan, 1, 0.0)])
        vals["tourism_ambassador_card_code"] = "0450000000000999"
        with (
            self.assertRaisesRegex(ValidationError, "Unknown"),
            self.env.cr.savepoint(),
        ):
            self._sync(vals)

    def test_sale_moves_stock_of_the_point_and_closes(self):
        hagetmau = self.env.ref("tourism_pos.warehouse_bit_hagetmau")
        order = self._sync(
            self._ui_order(
                self.session,
                [(self.tursan, 2, 10.0), (self.mug, 1, 10.0)],
                card=self.staff_card,
            )
        )
        self.session.action_pos_session_closing_control()
        self.assertEqual(self.session.state, "closed")
        moves = self.env["stock.move"].search(
            [("picking_id.pos_session_id", "=", self.session.id)]
        )
        self.assertEqual(
            sorted(moves.mapped("product_id.id")), sorted((self.tursan | self.mug).ids)
        )
        self.assertEqual(moves.location_id, hagetmau.lot_stock_id)
        self.assertEqual(sum(moves.mapped("quantity")), 3)
        move = self.session.move_id
        self.assertEqual(move.state, "posted")
        # Sales entries carry the discounted amounts.
        income = move.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "income"
        )
        self.assertAlmostEqual(
            sum(income.mapped("credit")),
            order.amount_total - order.amount_tax,
            places=2,
        )
        self.assertEqual(order.state, "done")
