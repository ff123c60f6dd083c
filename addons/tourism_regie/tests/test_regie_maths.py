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
        """The maximum is due when *reached* (CGCT R1617-10; the actes: "lorsque le
        montant de l'encaisse ... est atteint"); the versement and its
        justification are due each calendar month, with or without cash
        (instruction 06-031-A-B-M: "au minimum une fois par mois")."""
        today = date(2026, 7, 31)
        cases = [
            # A régie with no cash still justifies its month.
            ("0", "3000", None, ["monthly"]),
            ("0", "3000", date(2026, 6, 30), ["monthly"]),
            ("100", "3000", date(2026, 7, 15), []),
            ("100", "3000", date(2026, 6, 30), ["monthly"]),
            ("3000.01", "3000", date(2026, 7, 30), ["maximum"]),
            ("3000.00", "3000", date(2026, 7, 30), ["maximum"]),
            ("2999.99", "3000", date(2026, 7, 30), []),
            ("5000", "3000", date(2026, 6, 1), ["maximum", "monthly"]),
            ("5000", "0", date(2026, 7, 30), []),  # no maximum set
        ]
        for cash, maximum, last, reasons in cases:
            with self.subTest(cash=cash, last=last):
                self.assertEqual(rm.deposit_due(cash, maximum, last, today), reasons)

    def test_deposit_due_each_calendar_month(self):
        """A versement on 31 January does not cover February: a rolling 31 days
        would stay silent until 3 March."""
        jan31 = date(2026, 1, 31)
        cases = [
            (jan31, date(2026, 2, 1), 0, []),
            (jan31, date(2026, 2, 21), 0, []),
            (jan31, date(2026, 2, 22), 0, ["monthly"]),  # last 7 days of February
            (jan31, date(2026, 3, 2), 0, ["monthly"]),  # February went by without
            (date(2026, 2, 27), date(2026, 3, 2), 0, []),
            (date(2026, 2, 27), date(2026, 4, 1), 0, ["monthly"]),
            (date(2025, 12, 31), date(2026, 1, 2), 0, []),
            (date(2025, 11, 30), date(2026, 1, 2), 0, ["monthly"]),
            # An acte asking for a weekly versement.
            (date(2026, 7, 1), date(2026, 7, 7), 7, []),
            (date(2026, 7, 1), date(2026, 7, 8), 7, ["monthly"]),
        ]
        for last, today, max_days, reasons in cases:
            with self.subTest(last=last, today=today):
                self.assertEqual(
                    rm.deposit_due("10", "3000", last, today, max_days), reasons
                )

    def test_floats_not_in_the_maximum(self):
        """The fonds de caisse permanent is left out of the ceiling (arrêté du 6
        janvier 2014 relatif à l'encaisse des régisseurs): each till keeps its
        float, at most what it holds."""
        cases = [
            ("3150", ["150", "40"], "150", D("2960.00")),
            ("3150", [], "150", D("3150.00")),
            ("500", ["400", "100"], "150", D("250.00")),
            ("500", ["-20", "100"], "150", D("400.00")),
            ("500", ["400"], "0", D("500.00")),
        ]
        for held, tills, cash_float, expected in cases:
            with self.subTest(held=held, tills=tills):
                self.assertEqual(
                    rm.held_against_maximum(held, tills, cash_float), expected
                )

    def test_suppleance_two_months_at_most(self):
        """A suppléant replaces the régisseur for two months at most; beyond, an
        intérimaire is appointed (CGCT R1617-5-1, 2°)."""
        cases = [
            (date(2026, 7, 1), date(2026, 9, 1), True),
            (date(2026, 7, 1), date(2026, 9, 2), False),
            (date(2026, 7, 1), None, False),
            (date(2026, 12, 31), date(2027, 2, 28), True),
            (date(2026, 12, 31), date(2027, 3, 1), False),
        ]
        for date_from, date_to, ok in cases:
            with self.subTest(date_from=date_from, date_to=date_to):
                self.assertEqual(rm.suppleance_within_limit(date_from, date_to), ok)

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
