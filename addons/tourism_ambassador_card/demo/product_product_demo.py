# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, models

#: Demo stock counted in each point: the head office holds the reserve.
DEMO_STOCK = {
    "bit_saint_sever": 24,
    "bit_hagetmau": 6,
    "bit_geaune": 6,
    "bit_samadet": 4,
    "bit_stand": 2,
}


class ProductProduct(models.Model):
    """Demo builders, kept out of the production model (as account's demo/)."""

    _inherit = "product.product"

    @api.model
    def _tourism_demo_setup_shop(self, products_by_vat):
        """Demo: VAT of the company's French chart, an applied inventory count
        in every point, a pending count at Geaune, and Hagetmau restocked from
        the head office by an internal transfer."""
        company = self.env.company
        Tax = self.env["account.tax"].with_context(active_test=False)
        for rate, product_ids in products_by_vat.items():
            taxes = Tax.search(
                [
                    ("company_id", "=", company.id),
                    ("type_tax_use", "=", "sale"),
                    ("amount_type", "=", "percent"),
                    ("amount", "=", float(rate)),
                    ("tax_scope", "in", ("consu", False)),
                ],
                order="sequence, id",
            )
            # Shop prices are shown tax included, as on the shelf.
            tax = taxes.filtered("price_include")[:1] or taxes[:1]
            tax.active = True
            self.browse(product_ids).write({"taxes_id": [Command.set(tax.ids)]})
        products = self.browse([pid for ids in products_by_vat.values() for pid in ids])
        self._tourism_demo_stock_valuation(products.categ_id)
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant
        for name, qty in DEMO_STOCK.items():
            location = self.env.ref(f"tourism_pos.warehouse_{name}").lot_stock_id
            for product in products:
                quants |= Quant.create(
                    {
                        "product_id": product.id,
                        "location_id": location.id,
                        "inventory_quantity": qty,
                    }
                )
        quants.action_apply_inventory()
        # A count entered at Geaune, waiting for the manager to apply it.
        geaune = self.env.ref("tourism_pos.warehouse_bit_geaune").lot_stock_id
        pending = Quant.search(
            [("location_id", "=", geaune.id), ("product_id", "in", products[:2].ids)]
        )
        for quant in pending:
            quant.inventory_quantity = quant.quantity - 1
        self._tourism_demo_restock(products[:4])

    @api.model
    def _tourism_demo_stock_valuation(self, categories):
        """Automated valuation: 37 stock of goods against 6037 change in stock,
        the French chart's accounts for goods resold as they are."""
        Account = self.env["account.account"]
        stock = Account.search(
            [
                ("code", "=like", "370%"),
                *Account._check_company_domain(self.env.company),
            ],
            limit=1,
        )
        change = Account.search(
            [
                ("code", "=like", "6037%"),
                *Account._check_company_domain(self.env.company),
            ],
            limit=1,
        )
        journal = (
            self.env["account.journal"].search(
                [("code", "=", "STJ"), ("company_id", "=", self.env.company.id)],
                limit=1,
            )
            or self.env.ref("product.product_category_all").property_stock_journal
        )
        if not (stock and change and journal):
            return
        categories.write(
            {
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": stock.id,
                "property_stock_account_input_categ_id": change.id,
                "property_stock_account_output_categ_id": change.id,
                "property_stock_journal": journal.id,
            }
        )

    @api.model
    def _tourism_demo_restock(self, products):
        head_office = self.env.ref("tourism_pos.warehouse_bit_saint_sever")
        hagetmau = self.env.ref("tourism_pos.warehouse_bit_hagetmau")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": head_office.int_type_id.id,
                "location_id": head_office.lot_stock_id.id,
                "location_dest_id": hagetmau.lot_stock_id.id,
                "origin": self.env._("Restocking BIT Hagetmau"),
                "move_ids": [
                    Command.create(
                        {
                            "name": product.display_name,
                            "product_id": product.id,
                            "product_uom_qty": 6,
                            "product_uom": product.uom_id.id,
                            "location_id": head_office.lot_stock_id.id,
                            "location_dest_id": hagetmau.lot_stock_id.id,
                        }
                    )
                    for product in products
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.button_validate()
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "tourism_ambassador_card.stock_picking_restock_hagetmau",
                    "record": picking,
                    "noupdate": True,
                }
            ]
        )
        return picking
