# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools.statement_csv import (
    StatementError,
    parse_amount,
    parse_date,
    parse_statement_csv,
)


@tagged("post_install", "-at_install")
class TestStatementCsv(BaseCase):
    def test_amounts(self):
        cases = [
            ("12,50", "12.50"),
            ("1 234,56", "1234.56"),
            ("1\u00a0234,56 €", "1234.56"),
            ("1.234,56", "1234.56"),
            ("-3,1", "-3.10"),
            ("350.00", "350.00"),
            ("", "0.00"),
        ]
        for text, amount in cases:
            with self.subTest(text=text):
                self.assertEqual(parse_amount(text), D(amount))
        with self.assertRaises(StatementError):
            parse_amount("douze")

    def test_dates(self):
        for text in ("31/07/2026", "2026-07-31", "31-07-2026", "31/07/26"):
            with self.subTest(text=text):
                self.assertEqual(parse_date(text), date(2026, 7, 31))
        with self.assertRaises(StatementError):
            parse_date("31 juillet")

    def test_files(self):
        cases = [
            (
                "Date;Libellé;Montant\n03/07/2026;VRT VERS2026-0001;350,00\n"
                "04/07/2026;FRAIS;-3,10\n",
                [
                    (date(2026, 7, 3), "VRT VERS2026-0001", "350.00"),
                    (date(2026, 7, 4), "FRAIS", "-3.10"),
                ],
            ),
            (
                "date,label,debit,credit\n2026-07-03,REMISE CB,,84.20\n"
                "2026-07-04,AGIOS,1.50,\n\n",
                [
                    (date(2026, 7, 3), "REMISE CB", "84.20"),
                    (date(2026, 7, 4), "AGIOS", "-1.50"),
                ],
            ),
            (
                "\ufeffDate;Libellé;Référence;Crédit;Débit\n05/07/2026;VIR;R1;10,00;\n",
                [(date(2026, 7, 5), "VIR", "10.00")],
            ),
        ]
        for content, expected in cases:
            with self.subTest(content=content[:20]):
                lines = parse_statement_csv(content.encode())
                self.assertEqual(
                    [(line["date"], line["label"], line["amount"]) for line in lines],
                    [(d, label, D(amount)) for d, label, amount in expected],
                )

    def test_bad_files(self):
        cases = [
            ("", 0),
            ("Date;Montant\n03/07/2026;1\n", 0),
            ("Date;Libellé\n03/07/2026;X\n", 0),
            ("Date;Libellé;Montant\n03/07/2026;A;1\n32/07/2026;B;2\n", 3),
            ("Date;Libellé;Montant\n03/07/2026;A;abc\n", 2),
        ]
        for content, line in cases:
            with self.subTest(content=content):
                with self.assertRaises(StatementError) as caught:
                    parse_statement_csv(content)
                self.assertEqual(caught.exception.line, line)
