# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestTourismPos(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bit = cls.env["tourism.bit"].create(
            {"name": "BIT de Mugron", "code": "MUG"}
        )

    def test_demo_points_have_their_own_till(self):
        for name in ("saint_sever", "hagetmau", "geaune", "samadet", "stand"):
            config = self.env.ref(f"tourism_pos.pos_config_bit_{name}")
            bit = config.tourism_bit_id
            self.assertEqual(config.warehouse_id, bit.warehouse_id)
            self.assertEqual(config.picking_type_id, bit.warehouse_id.pos_type_id)
            cash = config.payment_method_ids.filtered("is_cash_count")
            self.assertEqual(cash.journal_id, bit.cash_journal_id)
            self.assertEqual(cash.tourism_payment_nature, "cash")
            self.assertEqual(
                sorted(config.payment_method_ids.mapped("tourism_payment_nature")),
                ["card", "cash", "cheque"],
            )
        tills = self.env["pos.config"].search([("tourism_bit_id", "!=", False)])
        cash_methods = tills.payment_method_ids.filtered("is_cash_count")
        self.assertEqual(len(cash_methods), len(tills), "one cash book per till")

    def test_dashboard_shows_the_information_points_only(self):
        """The demo's POS dashboard lists the BITs' tills, not Odoo's demo shops."""
        shown = self.env["pos.config"].search([])
        self.assertTrue(shown)
        self.assertFalse(shown.filtered(lambda config: not config.tourism_bit_id))

    def test_setup_creates_warehouse_cash_book_and_till_once(self):
        self.bit.action_setup_point_of_sale()
        config = self.bit.pos_config_ids
        self.assertEqual(len(config), 1)
        self.assertEqual(self.bit.warehouse_id.code, "MUG")
        self.assertEqual(self.bit.cash_journal_id.code, "CMUG")
        self.assertEqual(self.bit.cash_journal_id.type, "cash")
        self.assertEqual(config.warehouse_id, self.bit.warehouse_id)
        self.assertEqual(self.bit.pos_config_count, 1)
        # Again: nothing duplicated, the shared card and cheque methods are reused.
        methods_before = self.env["pos.payment.method"].search_count([])
        self.bit.action_setup_point_of_sale()
        self.assertEqual(self.bit.pos_config_ids, config)
        self.assertEqual(
            self.env["pos.payment.method"].search_count([]), methods_before
        )

    def test_session_of_a_point_sells_from_its_stock(self):
        self.bit.action_setup_point_of_sale()
        config = self.bit.pos_config_ids
        session = self.env["pos.session"].create({"config_id": config.id})
        self.assertEqual(session.state, "opening_control")
        self.assertEqual(
            config.picking_type_id.default_location_src_id,
            self.bit.warehouse_id.lot_stock_id,
        )
        self.assertEqual(session.cash_journal_id, self.bit.cash_journal_id)

    def test_conseiller_is_a_pos_user(self):
        self.assertTrue(
            self.env.ref("tourism_base.group_tourism_user").implied_ids
            & self.env.ref("point_of_sale.group_pos_user")
        )
