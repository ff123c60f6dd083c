# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.spreadsheet import safe_cell


@tagged("post_install", "-at_install")
class TestSpreadsheet(BaseCase):
    def test_safe_cell(self):
        """Text a spreadsheet would run as a formula is written as text (OWASP CSV
        injection); everything else is unchanged."""
        cases = [
            ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
            ("+33 5 58 00 00 00", "'+33 5 58 00 00 00"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("Hôtel de l'Abbaye", "Hôtel de l'Abbaye"),
            ("", ""),
            (None, None),
            (12.5, 12.5),
            (-3, -3),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(safe_cell(value), expected)
