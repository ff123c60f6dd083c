# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.identifiers import (
    compact,
    is_valid_insee_code,
    is_valid_siren,
    is_valid_siret,
)


@tagged("post_install", "-at_install")
class TestIdentifiers(BaseCase):
    """Pure checks, no database."""

    def test_siret(self):
        cases = [
            ("73282932000074", True),  # a real establishment number (Luhn holds)
            ("732 829 320 00074", True),  # spaces as people type them
            ("732.829.320.00074", True),
            ("73282932000075", False),  # wrong check digit
            ("7328293200007", False),  # 13 digits
            ("732829320000744", False),  # 15 digits
            ("7328293200007A", False),
            ("", False),
            (None, False),
            ("35600000000001", True),  # La Poste: its own checksum rule (not Luhn)
            ("35600000000014", False),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(is_valid_siret(value), expected)

    def test_siren(self):
        cases = [
            ("732829320", True),
            ("732 829 320", True),
            ("732829321", False),
            ("73282932", False),
            ("", False),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(is_valid_siren(value), expected)

    def test_insee_code(self):
        cases = [
            ("40282", True),  # Saint-Sever
            ("40119", True),  # Hagetmau
            ("2A004", True),  # Ajaccio
            ("2B033", True),  # Bastia
            ("97411", True),  # Saint-Denis (La Réunion)
            ("4028", False),
            ("402820", False),
            ("2C004", False),
            ("40 282", False),
            ("", False),
            (None, False),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(is_valid_insee_code(value), expected)

    def test_compact(self):
        cases = [
            ("732 829 320 00074", "73282932000074"),
            ("732-829-320.00074", "73282932000074"),
            ("", ""),
            (None, ""),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(compact(value), expected)
