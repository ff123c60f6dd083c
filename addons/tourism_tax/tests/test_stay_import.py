# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date
from decimal import Decimal

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..tools.stay_import import ImportProblem, parse_stays
from .common import TourismTaxDeclarationCommon

HEADER = "arrivee;depart;personnes;mineurs;prix_nuit;canal\n"


@tagged("post_install", "-at_install")
class TestParseStays(BaseCase):
    def test_good_files(self):
        cases = [
            # (content, expected first stay subset)
            (
                HEADER + "12/07/2026;15/07/2026;4;2;;direct\n",
                {
                    "arrival": date(2026, 7, 12),
                    "departure": date(2026, 7, 15),
                    "persons": 4,
                    "exempt_minors": 2,
                    "channel": "direct",
                    "line": 2,
                },
            ),
            (
                "arrival,departure,persons,price_per_night,channel\n"
                '2026-07-12,2026-07-15,2,"95,50",platform\n',
                {
                    "persons": 2,
                    "price_per_night": Decimal("95.50"),
                    "channel": "platform",
                },
            ),
            # French Excel export: Windows-1252, accented header, an extra column.
            (
                "Arrivée;Départ;Personnes;Nom\n01/08/2026;03/08/2026;3;Dupont\n".encode(
                    "cp1252"
                ),
                {"arrival": date(2026, 8, 1), "persons": 3},
            ),
            (
                HEADER + "12/07/2026;15/07/2026;2;;;Plateforme\n\n;;;;;\n",
                {"channel": "platform"},
            ),
        ]
        for content, expected in cases:
            with self.subTest(content=content):
                data = content if isinstance(content, bytes) else content.encode()
                stays, errors = parse_stays(data, "registre.csv")
                self.assertFalse(errors)
                self.assertEqual(len(stays), 1)
                self.assertLessEqual(expected.items(), stays[0].items())

    def test_bad_cells_are_listed_by_line(self):
        content = (
            HEADER
            + "12/07/2026;15/07/2026;4;2;;\n"
            + "31/02/2026;15/07/2026;two;;-5;\n"
        ).encode()
        stays, errors = parse_stays(content, "registre.csv")
        self.assertEqual(len(stays), 2)
        self.assertEqual(
            errors,
            [
                (3, "arrival", "31/02/2026"),
                (3, "persons", "two"),
                (3, "price_per_night", "-5"),
            ],
        )

    def test_unreadable_files(self):
        cases = [
            (b"", "empty"),
            (HEADER.encode(), "empty"),
            (b"nom;ville\nDupont;Pau\n", "missing_column"),
            (b"PK\x03\x04 not really a workbook", "format"),
        ]
        for content, code in cases:
            with self.subTest(code=code):
                name = "x.xlsx" if content.startswith(b"PK") else "x.csv"
                with self.assertRaises(ImportProblem) as caught:
                    parse_stays(content, name)
                self.assertEqual(caught.exception.code, code)

    def test_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Arrivée", "Départ", "Personnes", "Mineurs"])
        sheet.append([date(2026, 7, 12), date(2026, 7, 15), 4, 1])
        buffer = io.BytesIO()
        book.save(buffer)
        stays, errors = parse_stays(buffer.getvalue(), "registre.xlsx")
        self.assertFalse(errors)
        self.assertEqual(stays[0]["exempt_minors"], 1)
        self.assertEqual(stays[0]["departure"], date(2026, 7, 15))


@tagged("post_install", "-at_install")
class TestImportStays(TourismTaxDeclarationCommon):
    def _declaration(self):
        return self.env["tourism.tax.declaration"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id}
        )

    def test_import_all(self):
        declaration = self._declaration()
        content = (
            HEADER
            + "12/07/2026;15/07/2026;4;2;;direct\n"
            + "02/08/2026;09/08/2026;2;0;;direct\n"
            + "20/08/2026;22/08/2026;2;0;;plateforme\n"
        ).encode()
        self.assertEqual(declaration._import_stays(content, "registre.csv"), 3)
        self.assertEqual(len(declaration.stay_ids), 3)
        self.assertAlmostEqual(declaration.amount_total, 28.80)

    def test_nothing_half_imported(self):
        declaration = self._declaration()
        content = (
            HEADER
            + "12/07/2026;15/07/2026;4;2;;\n"  # fine
            + "10/08/2026;12/08/2026;2;3;;\n"  # more minors than persons
            + "28/09/2026;02/10/2026;2;0;;\n"  # nights beyond the period
            + "01/08/2026;03/08/2026;deux;0;;\n"  # not a number
        ).encode()
        with self.assertRaises(UserError) as caught:
            declaration._import_stays(content, "registre.csv")
        message = caught.exception.args[0]
        self.assertIn("Line 5: Persons is not valid (deux)", message)
        # Cell errors first stop the import; fix them and the model checks come next.
        content = content.replace(b"deux", b"2")
        with self.assertRaises(UserError) as caught:
            declaration._import_stays(content, "registre.csv")
        message = caught.exception.args[0]
        self.assertIn("Line 3:", message)
        self.assertIn("more exempt persons than persons", message)
        self.assertIn("Line 4:", message)
        self.assertIn("must fall within the period", message)
        self.assertNotIn("Line 2:", message)
        declaration.invalidate_recordset()
        self.assertFalse(declaration.stay_ids)
