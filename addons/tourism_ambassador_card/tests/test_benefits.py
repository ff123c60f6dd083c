# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools import benefits


@tagged("post_install", "-at_install")
class TestBenefits(BaseCase):
    def test_luhn_check_digit(self):
        cases = [
            ("7992739871", "3"),  # the textbook example
            ("0", "0"),
            ("4", "2"),
            ("045000000000001", "3"),
            ("045000000000002", "1"),
            ("453201511283036", "6"),
        ]
        for payload, digit in cases:
            with self.subTest(payload=payload):
                self.assertEqual(benefits.luhn_check_digit(payload), digit)
        for bad in ("", "12a4", None):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                benefits.luhn_check_digit(bad)

    def test_card_numbers(self):
        cases = [
            (1, "0450000000000013"),
            (2, "0450000000000021"),
            (123456, "0450000001234561"),
            (999999999999, "0459999999999997"),
        ]
        for serial, number in cases:
            with self.subTest(serial=serial):
                made = benefits.make_card_number(serial)
                self.assertEqual(made, number)
                self.assertEqual(len(made), benefits.CARD_LENGTH)
                self.assertTrue(benefits.is_valid_card_number(made))
        with self.assertRaises(ValueError):
            benefits.make_card_number(10**12)
        with self.assertRaises(ValueError):
            benefits.make_card_number(-1)

    def test_invalid_card_numbers(self):
        cases = [
            "0450000000000014",  # wrong check digit
            "0450000000000031",  # one digit mistyped
            "4050000000000013",  # prefix digits swapped
            "045000000000013",  # too short
            "1450000000000011",  # right check digit, not our prefix
            "04500000000000a3",
            "",
            None,
        ]
        for number in cases:
            with self.subTest(number=number):
                self.assertFalse(benefits.is_valid_card_number(number))
        self.assertTrue(benefits.is_valid_card_number(" 0450000000000013 "))

    def test_remaining_cap(self):
        cases = [
            (None, D("10"), None),
            (D("0"), D("10"), None),
            (D("50"), D("0"), D("50.00")),
            (D("50"), D("12.35"), D("37.65")),
            (D("50"), D("50"), D("0.00")),
            (D("50"), D("60"), D("0.00")),
        ]
        for cap, used, left in cases:
            with self.subTest(cap=cap, used=used):
                self.assertEqual(benefits.remaining_cap(cap, used), left)

    def test_line_discounts(self):
        z = (D("0.00"), D("0.00"))
        cases = [
            # (lines, rate, cap left, expected [(percent, amount)])
            ([(D("9.50"), True)], D("10"), None, [(D("10.00"), D("0.95"))]),
            ([(D("15"), False)], D("10"), None, [z]),
            (
                [(D("24.90"), True), (D("15"), False), (D("16.00"), True)],
                D("10"),
                None,
                [(D("10.00"), D("2.49")), z, (D("10.00"), D("1.60"))],
            ),
            # Rounding half up to the cent.
            ([(D("8.05"), True)], D("5"), None, [(D("5.00"), D("0.40"))]),
            ([(D("8.10"), True)], D("5"), None, [(D("5.00"), D("0.41"))]),
            # The cap: the crossing line gets a smaller rate, later lines none.
            (
                [(D("30"), True), (D("30"), True), (D("30"), True)],
                D("10"),
                D("4.50"),
                [(D("10.00"), D("3.00")), (D("5.00"), D("1.50")), z],
            ),
            # Rounded down: the cap is never exceeded.
            (
                [(D("35.00"), True)],
                D("10"),
                D("1.00"),
                [(D("2.85"), D("1.00"))],
            ),
            ([(D("35.00"), True)], D("10"), D("0"), [z]),
            # Refund lines and free lines take nothing.
            ([(D("-9.50"), True), (D("0"), True)], D("10"), None, [z, z]),
            ([(D("9.50"), True)], D("0"), None, [z]),
            ([(D("12.50"), True)], D("100"), None, [(D("100.00"), D("12.50"))]),
        ]
        for lines, rate, cap_left, expected in cases:
            with self.subTest(lines=lines, rate=rate, cap=cap_left):
                result = benefits.line_discounts(lines, rate, cap_left)
                self.assertEqual([tuple(r) for r in result], expected)
                if cap_left is not None:
                    self.assertLessEqual(sum(r.amount for r in result), cap_left)
        for rate in (D("-1"), D("100.01")):
            with self.subTest(rate=rate), self.assertRaises(ValueError):
                benefits.line_discounts([(D("1"), True)], rate)

    def test_discount_amount(self):
        cases = [
            (D("9.50"), D("10"), D("0.95")),
            (D("19.00"), D("10"), D("1.90")),
            (D("-9.50"), D("10"), D("-0.95")),
            (D("35.00"), D("2.85"), D("1.00")),
            (D("0.05"), D("10"), D("0.01")),
        ]
        for base, percent, amount in cases:
            with self.subTest(base=base, percent=percent):
                self.assertEqual(benefits.discount_amount(base, percent), amount)
