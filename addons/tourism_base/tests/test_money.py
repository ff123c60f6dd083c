# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from odoo.tests import BaseCase, tagged

from ..tools.money import CodedError, amount_in_words, round_money, to_cents, to_decimal


class _PricingError(CodedError):
    MESSAGES = {"invalid_number": "%(field)s n'est pas un nombre."}


@tagged("post_install", "-at_install")
class TestMoney(BaseCase):
    def test_to_decimal(self):
        cases = [
            (1, Decimal(1)),
            ("0.1", Decimal("0.1")),
            (0.1, Decimal("0.1")),  # through repr, not the binary value
            (Decimal("2.50"), Decimal("2.50")),
            (-3, Decimal(-3)),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(to_decimal(value), expected)

    def test_to_decimal_refuses_what_is_not_a_number(self):
        for value in (
            True,
            None,
            "abc",
            "NaN",
            "inf",
            float("nan"),
            float("inf"),
            "1e309x",
        ):
            with self.subTest(value=value), self.assertRaises(CodedError) as caught:
                to_decimal(value, "price")
            self.assertEqual(caught.exception.code, "invalid_number")
            self.assertEqual(str(caught.exception), "price is not a number.")

    def test_error_class_of_the_caller(self):
        with self.assertRaises(_PricingError) as caught:
            to_decimal("x", "prix", _PricingError)
        self.assertEqual(str(caught.exception), "prix n'est pas un nombre.")

    def test_rounding_half_up_to_the_cent(self):
        cases = [
            ("1.375", "1.38"),
            ("1.374", "1.37"),
            ("-1.375", "-1.38"),
            (2.675, "2.68"),  # the float 2.675 is 2.67499999...: read through repr
            ("0.005", "0.01"),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(round_money(value), Decimal(expected))
        self.assertEqual(to_cents("12.345"), 1235)
        self.assertEqual(to_cents(0), 0)

    def test_amount_in_words(self):
        cases = [
            ("0", "zéro euro"),
            ("1", "un euro"),
            ("1.01", "un euro et un centime"),
            ("2", "deux euros"),
            ("120.05", "cent vingt euros et cinq centimes"),
            ("1663.20", "mille six cent soixante-trois euros et vingt centimes"),
            ("1000000", "un million d'euros"),
            ("2000000", "deux millions d'euros"),
            ("1000001", "un million un euros"),
            ("-3.5", "moins trois euros et cinquante centimes"),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(amount_in_words(value), expected)
