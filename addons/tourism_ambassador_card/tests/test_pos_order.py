# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.modules import module as manifest
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

    def test_third_party_product_never_discounted(self):
        """Issue 14 item 17: a product sold in the name and on behalf of a third
        party (a resold ticket) keeps the third party's price: no card discount,
        whatever the card type's categories. Here a ticket created without a
        category falls in « All », which the card type takes in."""
        all_products = self.env.ref("product.product_category_all")
        self.partner_type.product_category_ids |= all_products
        ticket = self.env["product.product"].create(
            {
                "name": "Billet revendu sans catégorie",
                "type": "service",
                "list_price": 12.0,
                "available_in_pos": True,
                "tourism_third_party_sale": True,
            }
        )
        self.assertEqual(ticket.categ_id, all_products)
        self.assertFalse(ticket.taxes_id, "none of the office's VAT")
        order = self._sync(
            self._ui_order(
                self.session,
                [(ticket, 1, 10.0), (self.mug, 1, 10.0)],
                card=self.staff_card,
            )
        )
        by_product = {
            line.product_id: line.tourism_ambassador_discount for line in order.lines
        }
        self.assertEqual(by_product[ticket], 0.0)
        self.assertEqual(by_product[self.mug], 0.8)
        # The card addon learns the fact from tourism_pos, not from ticketing.
        depends = manifest.get_manifest("tourism_ambassador_card")["depends"]
        self.assertIn("tourism_pos", depends)
        self.assertNotIn("tourism_ticketing", depends)

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
        """A card already ended gives no discount: an order sent with it anyway is
        kept (it is paid) and flagged for review, never silently accepted."""
        vals = self._ui_order(
            self.session, [(self.tursan, 1, 5.0)], card=self.expired_card
        )
        order = self._sync(vals)
        self.assertTrue(order.tourism_card_review)
        self.assertIn("expired", order.tourism_card_review_reason)

    def test_revoked_between_sale_and_sync_kept_for_review(self):
        """Issue 13 §5: a card revoked between the sale and the sync no longer
        blocks the till's other orders: the till sends its queue in one call, the
        card's order is kept and flagged for review, the next order goes through."""
        card_order = self._ui_order(
            self.session, [(self.tursan, 1, 10.0)], card=self.staff_card
        )
        plain_order = self._ui_order(self.session, [(self.mug, 1, 0.0)])
        self.staff_card.write({"state": "revoked", "revoke_reason": "Départ"})
        result = self.env["pos.order"].sync_from_ui([card_order, plain_order])
        orders = self.env["pos.order"].browse(
            [vals["id"] for vals in result["pos.order"]]
        )
        self.assertEqual(len(orders), 2)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        flagged = orders.filtered("tourism_card_review")
        self.assertEqual(flagged.tourism_ambassador_card_id, self.staff_card)
        self.assertIn("revoked", flagged.tourism_card_review_reason)
        self.assertIn("revoked", flagged.message_ids[:1].body)
        self.assertFalse((orders - flagged).tourism_card_review)

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
