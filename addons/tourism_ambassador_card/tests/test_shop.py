# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestShopDemo(TransactionCase):
    """The demo shop: what a manager finds when opening the database."""

    def _qty(self, product, warehouse_xmlid):
        location = self.env.ref(warehouse_xmlid).lot_stock_id
        return product.with_context(location=location.id).qty_available

    def test_products_barcodes_and_french_vat(self):
        expected = {
            "product_tursan_rouge": 20.0,
            "product_foie_gras": 5.5,
            "product_mug_ot": 20.0,
            "product_guide_balades": 5.5,
        }
        for xmlid, rate in expected.items():
            with self.subTest(product=xmlid):
                product = self.env.ref(f"tourism_ambassador_card.{xmlid}")
                self.assertEqual(len(product.barcode), 13)
                self.assertTrue(product.available_in_pos)
                self.assertEqual(product.taxes_id.mapped("amount"), [rate])
                self.assertTrue(product.taxes_id.price_include)
        ticket = self.env.ref("tourism_ambassador_card.product_ticket_festival_pimbo")
        partner_type = self.env.ref("tourism_ambassador_card.card_type_partner")
        self.assertNotIn(ticket.categ_id, partner_type.product_category_ids)

    def test_stock_per_point_restock_and_count(self):
        tursan = self.env.ref("tourism_ambassador_card.product_tursan_rouge")
        bag = self.env.ref("tourism_ambassador_card.product_tote_bag")
        # Counted 24 at the head office and 6 at Hagetmau, then 6 moved over.
        self.assertEqual(self._qty(tursan, "tourism_pos.warehouse_bit_saint_sever"), 18)
        self.assertEqual(self._qty(tursan, "tourism_pos.warehouse_bit_hagetmau"), 12)
        self.assertEqual(self._qty(bag, "tourism_pos.warehouse_bit_hagetmau"), 6)
        self.assertEqual(self._qty(tursan, "tourism_pos.warehouse_bit_stand"), 2)
        picking = self.env.ref("tourism_ambassador_card.stock_picking_restock_hagetmau")
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id.code, "internal")
        geaune = self.env.ref("tourism_pos.warehouse_bit_geaune").lot_stock_id
        pending = self.env["stock.quant"].search(
            [("location_id", "=", geaune.id), ("inventory_quantity_set", "=", True)]
        )
        self.assertEqual(len(pending), 2)
        self.assertTrue(all(q.inventory_diff_quantity == -1 for q in pending))

    def test_stock_valuation(self):
        tursan = self.env.ref("tourism_ambassador_card.product_tursan_rouge")
        self.assertEqual(tursan.categ_id.property_valuation, "real_time")
        self.assertEqual(tursan.categ_id.property_cost_method, "average")
        layers = self.env["stock.valuation.layer"].search(
            [("product_id", "=", tursan.id)]
        )
        self.assertAlmostEqual(sum(layers.mapped("quantity")), tursan.qty_available)
        self.assertAlmostEqual(
            sum(layers.mapped("value")), tursan.qty_available * 5.10, places=2
        )
        self.assertTrue(layers.account_move_id)
