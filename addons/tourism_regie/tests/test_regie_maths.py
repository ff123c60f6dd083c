# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from decimal import Decimal as D

from odoo.tests import BaseCase, tagged

from ..tools import regie_maths as rm


@tagged("post_install", "-at_install")
class TestRegieMaths(BaseCase):
    """Pure arithmetic and checks, no database."""

    def test_amount_in_words(self):
        cases = [
            ("0", "zéro euro"),
            ("1", "un euro"),
            ("0.01", "zéro euro et un centime"),
            ("2.50", "deux euros et cinquante centimes"),
            ("21.21", "vingt et un euros et vingt et un centimes"),
            ("80", "quatre-vingts euros"),
            ("192.00", "cent quatre-vingt-douze euros"),
            (
                "1234.56",
                "mille deux cent trente-quatre euros et cinquante-six centimes",
            ),
            ("63.36", "soixante-trois euros et trente-six centimes"),
            ("1000000", "un million d'euros"),
            ("2000000.10", "deux millions d'euros et dix centimes"),
            ("1000001", "un million un euros"),
            ("12.345", "douze euros et trente-cinq centimes"),  # half up
            ("-5", "moins cinq euros"),
        ]
        for amount, words in cases:
            with self.subTest(amount=amount):
                self.assertEqual(rm.amount_in_words(D(amount)), words)

    def test_cash_difference(self):
        cases = [
            ("100.00", "100.00", "0.00"),
            ("100.00", "98.50", "-1.50"),
            ("100.00", "100.20", "0.20"),
            ("0", "0.01", "0.01"),
            (0.1, 0.3, "0.20"),  # floats read as their str: no 0.19999
        ]
        for expected, counted, diff in cases:
            with self.subTest(expected=expected, counted=counted):
                self.assertEqual(rm.cash_difference(expected, counted), D(diff))

    def test_sequence_gaps(self):
        cases = [
            ([], [], []),
            ([1, 2, 3], [], []),
            ([3, 1, 2], [], []),
            ([1, 2, 4], [3], []),
            ([10, 14], [11, 12, 13], []),
            ([1, 2, 2, 3], [], [2]),
            (["5", "7", "7"], [6], [7]),
        ]
        for numbers, missing, duplicated in cases:
            with self.subTest(numbers=numbers):
                self.assertEqual(rm.sequence_gaps(numbers), (missing, duplicated))

    def test_hash_chain(self):
        payloads = ["Q1|100.00", "Q2|50.00", "Q3|12.30"]
        chain = []
        previous = ""
        for payload in payloads:
            previous = rm.chain_hash(previous, payload)
            chain.append((payload, previous))
        self.assertIsNone(rm.first_broken_link(chain))
        self.assertIsNone(rm.first_broken_link([]))
        cases = [
            (0, "Q1|100.01", 0),
            (1, "Q2|5.00", 1),
            (2, "Q3|12.31", 2),
        ]
        for index, altered, broken in cases:
            with self.subTest(index=index):
                tampered = list(chain)
                tampered[index] = (altered, tampered[index][1])
                self.assertEqual(rm.first_broken_link(tampered), broken)
        # A record removed from the middle breaks the next one.
        self.assertEqual(rm.first_broken_link([chain[0], chain[2]]), 1)

    def test_recap_line(self):
        cases = [
            ("0", "0", "0", "0.00"),
            ("150.00", "1234.56", "1200.00", "184.56"),
            ("10", "0.10", "0.20", "9.90"),
            ("0.1", "0.2", "0", "0.30"),
        ]
        for opening, receipts, deposits, closing in cases:
            with self.subTest(opening=opening):
                line = rm.recap_line(opening, receipts, deposits)
                self.assertEqual(line.closing, D(closing))
                self.assertEqual(
                    line.opening + line.receipts - line.deposits, line.closing
                )
        with self.assertRaises(ValueError):
            rm.recap_line("0", "-1", "0")

    def test_running_balances(self):
        cases = [
            ("0", [], []),
            ("0", [("200", "0")], ["200.00"]),
            # Receipt, advance paid to a supplier, its reimbursement.
            (
                "0",
                [("200", "0"), ("0", "84.36"), ("84.36", "0")],
                ["200.00", "115.64", "200.00"],
            ),
            ("100.10", [("0.1", "0.2"), ("0", "100")], ["100.00", "0.00"]),
            ("0", [(0.1, 0), (0.2, 0)], ["0.10", "0.30"]),  # floats read exactly
            ("10", [("0", "12.5")], ["-2.50"]),  # shown as it is, never hidden
            ("0", [("1.005", "0")], ["1.01"]),  # half up
        ]
        for opening, moves, balances in cases:
            with self.subTest(opening=opening, moves=moves):
                self.assertEqual(
                    rm.running_balances(D(opening), moves), [D(b) for b in balances]
                )
        with self.assertRaises(ValueError):
            rm.running_balances(0, [("-1", "0")])

    def test_cash_to_deposit(self):
        cases = [
            ("500.00", "150.00", "350.00"),
            ("150.00", "150.00", "0.00"),
            ("100.00", "150.00", "0.00"),
            ("150.01", "150", "0.01"),
        ]
        for balance, float_, amount in cases:
            with self.subTest(balance=balance):
                self.assertEqual(rm.cash_to_deposit(balance, float_), D(amount))

    def test_deposit_due(self):
        today = date(2026, 7, 31)
        cases = [
            ("0", "3000", None, []),
            ("100", "3000", None, ["monthly"]),
            ("100", "3000", date(2026, 7, 15), []),
            ("100", "3000", date(2026, 6, 30), ["monthly"]),
            ("3000.01", "3000", date(2026, 7, 30), ["maximum"]),
            ("3000.00", "3000", date(2026, 7, 30), []),
            ("5000", "3000", date(2026, 6, 1), ["maximum", "monthly"]),
            ("5000", "0", date(2026, 7, 30), []),  # no maximum set
        ]
        for cash, maximum, last, reasons in cases:
            with self.subTest(cash=cash, last=last):
                self.assertEqual(rm.deposit_due(cash, maximum, last, today), reasons)

    def test_match_statement(self):
        d = date
        statement = [
            {
                "id": 1,
                "amount": D("350.00"),
                "date": d(2026, 7, 3),
                "ref": "VRT VERS2026-0001",
            },
            {"id": 2, "amount": D("120.40"), "date": d(2026, 7, 4), "ref": "REMISE CB"},
            {"id": 3, "amount": D("99.99"), "date": d(2026, 7, 4), "ref": "INCONNU"},
            {"id": 4, "amount": D("350.00"), "date": d(2026, 7, 20), "ref": "VRT"},
        ]
        book = [
            {
                "id": 10,
                "amount": D("350.00"),
                "date": d(2026, 7, 19),
                "ref": "VERS2026-0002",
            },
            {
                "id": 11,
                "amount": D("350.00"),
                "date": d(2026, 7, 2),
                "ref": "VERS2026-0001",
            },
            {"id": 12, "amount": D("120.40"), "date": d(2026, 7, 2), "ref": None},
            {"id": 13, "amount": D("120.40"), "date": d(2026, 6, 1), "ref": None},
            {"id": 14, "amount": D("75.00"), "date": d(2026, 7, 2), "ref": None},
        ]
        pairs, st_left, book_left = rm.match_statement(statement, book)
        # The reference wins over the date; then the closest date within 5 days.
        self.assertEqual(sorted(pairs), [(1, 11), (2, 12), (4, 10)])
        self.assertEqual(st_left, [3])
        self.assertEqual(sorted(book_left), [13, 14])
        # Nothing to match.
        self.assertEqual(rm.match_statement([], book[:1]), ([], [], [10]))
