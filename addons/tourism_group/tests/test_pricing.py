# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools.pricing import (
    ERROR_MESSAGES,
    PricingError,
    bracket_price,
    check_brackets,
    component_cost,
    free_places,
    margin_vat,
    period_margin_vat,
    price_group,
    round_money,
    split_package,
)

BRACKETS = [(25, 39, "46.00"), (15, 24, "52.00"), (40, 0, "42.00")]
# Journée "Saveurs de Chalosse": lunch per person, a guided visit per group, a tasting.
DAY = [("18.50", "person"), ("120", "group"), ("6", "person")]


@tagged("post_install", "-at_install")
class TestPricing(BaseCase):
    """Pure arithmetic, no database."""

    def assertRaisesCode(self, code, func, *args, **kwargs):
        with self.assertRaises(PricingError) as caught:
            func(*args, **kwargs)
        self.assertEqual(caught.exception.code, code)
        self.assertIn(code, ERROR_MESSAGES)

    def test_round_money(self):
        cases = [
            ("48.046875", "0.01", "half_up", "48.05"),
            ("48.046875", "0.50", "half_up", "48.00"),
            ("48.046875", "0.50", "up", "48.50"),
            ("48.25", "0.50", "half_up", "48.50"),
            ("48.00", "0.50", "up", "48.00"),
            ("48.01", "1", "up", "49.00"),
            ("1.005", "0.01", "half_up", "1.01"),
            (0.1, "0.01", "half_up", "0.10"),
        ]
        for amount, step, method, expected in cases:
            with self.subTest(amount=amount, step=step, method=method):
                self.assertEqual(str(round_money(amount, D(step), method)), expected)
        self.assertRaisesCode("unknown_rounding", round_money, "1", D("1"), "down")
        self.assertRaisesCode("invalid_step", round_money, "1", D("0"))

    def test_free_places(self):
        cases = [
            # paying, drivers, escorts, one free per, expected
            (40, 1, 0, 20, 3),
            (39, 1, 0, 20, 2),
            (19, 1, 1, 20, 2),
            (45, 1, 0, 0, 1),
            (45, 0, 0, 0, 0),
            (50, 2, 1, 10, 8),
            (1, 1, 0, 20, 1),
        ]
        for paying, drivers, escorts, per, expected in cases:
            with self.subTest(paying=paying, drivers=drivers, per=per):
                self.assertEqual(free_places(paying, drivers, escorts, per), expected)
        self.assertRaisesCode("negative", free_places, 10, -1)
        self.assertRaisesCode("not_an_integer", free_places, "10.5")
        self.assertRaisesCode("invalid_number", free_places, "dix")

    def test_brackets(self):
        cases = [
            (15, "52.00"),
            (24, "52.00"),
            (25, "46.00"),
            (39, "46.00"),
            (40, "42.00"),
            (120, "42.00"),
        ]
        for paying, expected in cases:
            with self.subTest(paying=paying):
                self.assertEqual(bracket_price(BRACKETS, paying), D(expected))
        self.assertEqual([row[0] for row in check_brackets(BRACKETS)], [15, 25, 40])
        self.assertRaisesCode("no_bracket", bracket_price, BRACKETS, 14)
        self.assertRaisesCode(
            "overlapping_brackets", check_brackets, [(10, 20, 1), (20, 30, 1)]
        )
        self.assertRaisesCode(
            "overlapping_brackets", check_brackets, [(10, 0, 1), (20, 30, 1)]
        )
        self.assertRaisesCode("bad_bracket", check_brackets, [(30, 20, 1)])
        self.assertRaisesCode("negative", check_brackets, [(1, 2, "-1")])

    def test_component_cost(self):
        cases = [
            ("18.50", "person", 43, "795.50"),
            ("120", "group", 43, "120.00"),
            ("6.333", "person", 3, "19.00"),
            ("0", "person", 43, "0.00"),
        ]
        for unit, basis, headcount, expected in cases:
            with self.subTest(unit=unit, basis=basis):
                self.assertEqual(component_cost(unit, basis, headcount), D(expected))
        self.assertRaisesCode("unknown_basis", component_cost, "1", "night", 3)
        self.assertRaisesCode("negative", component_cost, "-1", "group", 3)

    def test_price_group(self):
        cases = [
            # paying, components, kwargs, unit price, total, free, cost
            (
                40,
                DAY,
                {"drivers": 1, "one_free_per": 20},
                "42.00",
                "1680.00",
                3,
                "1173.50",
            ),
            (
                30,
                DAY,
                {"drivers": 1, "one_free_per": 20},
                "46.00",
                "1380.00",
                2,
                "904.00",
            ),
            (15, DAY, {}, "52.00", "780.00", 0, "487.50"),
            (15, (), {}, "52.00", "780.00", 0, "0"),
        ]
        for paying, components, kwargs, unit, total, free, cost in cases:
            with self.subTest(paying=paying, kwargs=kwargs):
                result = price_group(BRACKETS, paying, components, **kwargs)
                self.assertEqual(result.unit_price, D(unit))
                self.assertEqual(result.total, D(total))
                self.assertEqual(result.free, free)
                self.assertEqual(result.headcount, paying + free)
                self.assertEqual(result.cost, D(cost))
                self.assertEqual(result.margin, result.total - result.cost)

    def test_made_to_measure(self):
        """A tasting at 4.50 per person is added to the 40-paying day (43 heads)."""
        tasting = [*DAY, ("4.50", "person")]
        common = {
            "drivers": 1,
            "one_free_per": 20,
            "base_components": DAY,
            "markup": "1.25",
        }
        cases = [
            # extra cost 193.50 * 1.25 / 40 = 6.046875 per paying person
            (tasting, {"step": D("0.01")}, "48.05", "1922.00"),
            (tasting, {"step": D("0.50")}, "48.00", "1920.00"),
            (tasting, {"step": D("0.50"), "rounding": "up"}, "48.50", "1940.00"),
            (DAY, {"step": D("0.50")}, "42.00", "1680.00"),
            # the guided visit removed: 120 * 1.25 / 40 = 3.75 less
            (DAY[::2], {"step": D("0.01")}, "38.25", "1530.00"),
            # everything removed: never below zero
            ((), {"markup": "10"}, "0.00", "0.00"),
        ]
        for components, kwargs, unit, total in cases:
            with self.subTest(components=components, kwargs=kwargs):
                result = price_group(BRACKETS, 40, components, **{**common, **kwargs})
                self.assertEqual(str(result.unit_price), unit)
                self.assertEqual(str(result.total), total)

    def test_group_size_limits(self):
        self.assertRaisesCode("no_participant", price_group, BRACKETS, 0)
        self.assertRaisesCode("too_small", price_group, BRACKETS, 15, min_size=20)
        self.assertRaisesCode("too_large", price_group, BRACKETS, 60, max_size=53)
        self.assertEqual(price_group(BRACKETS, 53, max_size=53).total, D("2226.00"))

    def test_margin_vat(self):
        """VAT is included in the margin: margin * 20 / 120."""
        cases = [
            # sales, costs, rate, margin, taxable, vat, net
            ("1680.00", "1173.50", 20, "506.50", "506.50", "84.42", "422.08"),
            ("1200", "1000", 20, "200.00", "200.00", "33.33", "166.67"),
            ("1000", "1200", 20, "-200.00", "0.00", "0.00", "0.00"),
            ("1000", "1000", 20, "0.00", "0.00", "0.00", "0.00"),
            ("220", "100", 10, "120.00", "120.00", "10.91", "109.09"),
            ("0.06", "0", 20, "0.06", "0.06", "0.01", "0.05"),
        ]
        for sales, costs, rate, margin, taxable, vat, net in cases:
            with self.subTest(sales=sales, costs=costs, rate=rate):
                result = margin_vat(sales, costs, rate)
                self.assertEqual(str(result.margin), margin)
                self.assertEqual(str(result.taxable_margin), taxable)
                self.assertEqual(str(result.vat), vat)
                self.assertEqual(str(result.net_margin), net)
                self.assertEqual(result.vat + result.net_margin, result.taxable_margin)
        self.assertRaisesCode("negative", margin_vat, "1", "0", "-5")

    def test_period_margin_vat(self):
        """Operations of a period offset each other; a period whose expenses exceed
        its receipts gives no VAT and its excess is carried forward onto the next
        periods (CGI art. 266-1-e; BOI-TVA-SECT-60: margin worked out globally per
        period, receipts less expenses)."""
        june = [("1680.00", "1173.50"), ("900", "1000")]
        july = [("500", "800")]
        august = [("1200", "1000")]
        september = [("600", "100")]
        self.assertEqual(period_margin_vat(june).margin, D("406.50"))
        self.assertEqual(period_margin_vat(june).vat, D("67.75"))
        self.assertEqual(period_margin_vat(june).loss_carried_out, D("0.00"))
        result = period_margin_vat(july)
        self.assertEqual((result.margin, result.vat), (D("-300.00"), D("0.00")))
        self.assertEqual(result.loss_carried_out, D("300.00"))
        # July's excess eats August's margin (200) and 100 of September's.
        result = period_margin_vat(august, loss_carried_in=result.loss_carried_out)
        self.assertEqual((result.taxable_margin, result.vat), (D("0.00"), D("0.00")))
        self.assertEqual(result.loss_carried_out, D("100.00"))
        result = period_margin_vat(september, loss_carried_in=result.loss_carried_out)
        self.assertEqual(result.taxable_margin, D("400.00"))
        self.assertEqual(result.vat, D("66.67"))
        self.assertEqual(result.loss_carried_out, D("0.00"))
        self.assertRaisesCode(
            "negative", period_margin_vat, august, loss_carried_in="-1"
        )
        self.assertEqual(period_margin_vat([]).vat, D("0.00"))

    def test_split_package(self):
        """Only services invoiced by third parties are under the margin scheme
        (CGI art. 266-1-e; Directive 2006/112/EC art. 306-307); the office's own
        services are taxed under the ordinary rules on their share of the price,
        valued at market value (CJEU C-308/96 Madgett and Baldwin); the margin on
        services supplied outside the EU is exempt (CGI art. 262 bis).

        Issue 14 item 13: 30 paying x 40 = 1,200; a third-party lunch at 640 TTC;
        an in-house guide valued at 150. Before, the guide was deducted as a cost:
        margin 410, VAT 68.33 and nothing on the guide. Now: 150 taxed at 20 %
        (25.00) and the margin-scheme part 1,050 - 640 = 410 (68.33): 93.33."""
        split = split_package("1200", [("640", False, False), ("150", True, False)])
        self.assertEqual(split.in_house_price, D("150.00"))
        self.assertEqual(split.in_house_vat, D("25.00"))
        self.assertEqual(split.margin_price, D("1050.00"))
        self.assertEqual((split.costs, split.margin), (D("640.00"), D("410.00")))
        self.assertEqual(margin_vat(split.sales_eu, split.costs_eu).vat, D("68.33"))
        cases = [
            # price, components, in-house price, margin EU, margin outside EU
            ("1200", [("640", False, False)], "0.00", "560.00", "0.00"),
            # in-house value above the price: capped, nothing left for the margin
            ("100", [("150", True, False)], "100.00", "0.00", "0.00"),
            # a night in Andorra (outside the EU) and a lunch in France
            (
                "1000",
                [("300", False, True), ("500", False, False)],
                "0.00",
                "125.00",  # 625.00 - 500
                "75.00",  # 375.00 - 300, exempt
            ),
            ("0", [], "0.00", "0.00", "0.00"),
        ]
        for price, components, own, margin_eu, margin_out in cases:
            with self.subTest(price=price, components=components):
                split = split_package(price, components)
                self.assertEqual(str(split.in_house_price), own)
                self.assertEqual(str(split.margin_eu), margin_eu)
                self.assertEqual(str(split.margin_outside_eu), margin_out)
                self.assertEqual(split.in_house_price + split.margin_price, split.price)
        self.assertRaisesCode("negative", split_package, "10", [("-1", False, False)])
