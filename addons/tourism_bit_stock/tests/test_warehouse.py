# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class TestWarehouse(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bit = cls.env["tourism.bit"].create({"name": "BIT de Test", "code": "tst"})
        cls.conseiller = new_test_user(
            cls.env,
            login="test_bit_stock_conseiller",
            groups="base.group_user,tourism_base.group_tourism_user",
        )

    def test_created_once_on_first_use_even_by_a_conseiller(self):
        warehouse = self.bit.with_user(self.conseiller)._tourism_warehouse()
        self.assertEqual(warehouse.code, "TST")
        self.assertEqual(self.bit.warehouse_id, warehouse)
        self.assertEqual(self.bit._tourism_warehouse(), warehouse)
        self.assertEqual(
            self.env["stock.warehouse"].search_count([("code", "=", "TST")]), 1
        )

    def test_existing_warehouse_of_that_code_adopted(self):
        existing = self.env["stock.warehouse"].create({"name": "Dépôt", "code": "TST"})
        self.assertEqual(self.bit._tourism_warehouse(), existing)
