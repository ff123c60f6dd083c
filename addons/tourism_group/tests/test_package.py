# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TourismGroupCommon


@tagged("post_install", "-at_install")
class TestPackage(TourismGroupCommon):
    def test_product_sold_under_margin_scheme(self):
        product = self.package.product_id
        self.assertEqual(product.name, "Journée Test")
        self.assertEqual(product.type, "service")
        self.assertTrue(product.tourism_margin_scheme)
        self.assertFalse(product.taxes_id)
        sale_tax = self.env["account.tax"].search(
            [("type_tax_use", "=", "sale"), ("company_id", "=", self.company.id)],
            limit=1,
        )
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            product.taxes_id = sale_tax

    def test_product_follows_the_package(self):
        self.package.write({"name": "Journée Renommée", "code": "GRP-R"})
        self.assertEqual(self.package.product_id.name, "Journée Renommée")
        self.assertEqual(self.package.product_id.default_code, "GRP-R")
        self.package.active = False
        self.assertFalse(self.package.product_id.active)

    def test_quotation_template_brings_options(self):
        aperitif = self.env["product.product"].create(
            {"name": "Apéritif landais", "type": "service", "list_price": 4.0}
        )
        template = self.env["sale.order.template"].create(
            {
                "name": "Contrat groupe",
                "require_signature": True,
                "require_payment": False,
                "sale_order_template_option_ids": [
                    Command.create({"product_id": aperitif.id, "quantity": 1})
                ],
            }
        )
        self.package.sale_order_template_id = template
        quote = self._quote(38)
        self.assertEqual(quote.sale_order_template_id, template)
        self.assertEqual(quote.sale_order_option_ids.product_id, aperitif)
        self.assertTrue(quote.require_signature)
        # The template's own lines never replace the group line.
        self.assertEqual(quote.order_line.product_id, self.package.product_id)

    def test_reference_margin(self):
        """30 paying, 1 driver and 1 per 20: 32 heads at 31.35 (lunch + 10 %) + 7.00."""
        self.package.reference_size = 30
        self.assertEqual(self.package.reference_price, 1560.00)
        self.assertAlmostEqual(self.package.reference_cost, 1227.20, places=2)
        self.assertAlmostEqual(self.package.reference_margin, 332.80, places=2)
        self.assertEqual(self.package.price_from, 49.0)
        self.package.reference_size = 10  # no bracket: nothing shown, no error
        self.assertEqual(self.package.reference_price, 0.0)

    def test_bad_packages_refused(self):
        cases = [
            {
                "bracket_ids": [
                    Command.create({"min_size": 40, "max_size": 50, "price": 1})
                ]
            },
            {"max_size": 10},
            {"min_size": 0},
            {"one_free_per": -1},
        ]
        for vals in cases:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    self.package.write(vals)
        self.assertEqual(len(self.package.bracket_ids), 3)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.package.component_ids[1].unit_cost = -1

    def test_seasons(self):
        season = self.env["tourism.group.season"]
        winter = season.create({"name": "Hiver", "month_from": "11", "month_to": "2"})
        summer = season.create({"name": "Été", "month_from": "6", "month_to": "9"})
        cases = [
            (winter, date(2026, 12, 15), True),
            (winter, date(2027, 1, 5), True),
            (winter, date(2027, 3, 1), False),
            (summer, date(2027, 6, 1), True),
            (summer, date(2027, 10, 1), False),
            (winter | summer, date(2027, 7, 14), True),
        ]
        for seasons, day, expected in cases:
            with self.subTest(seasons=seasons.mapped("name"), day=day):
                self.assertEqual(seasons._contains(day), expected)
        self.package.season_ids = summer
        quote = self._quote()
        self.assertTrue(quote.tourism_out_of_season)
        quote.tourism_trip_date = date(2027, 7, 14)
        self.assertFalse(quote.tourism_out_of_season)

    def test_catalogue_report(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_group.report_catalogue", self.package.ids)[0]
            .decode()
        )
        self.assertIn("Journée Test", html)
        self.assertIn("Relais Test", html)
        self.assertIn("IM040990001", html)
        self.assertIn("45", html)
        # The catalogue never shows what the office pays.
        self.assertNotIn("28,50", html)
        self.assertNotIn("28.50", html)
