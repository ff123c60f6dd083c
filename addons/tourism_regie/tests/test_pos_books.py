# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import RegieCommon


class PosBooksCommon(RegieCommon):
    """A till at a new information point, attached to the test régie."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bit = cls.env["tourism.bit"].create(
            {"name": "BIT de Mugron", "code": "MUG"}
        )
        cls.bit.action_setup_point_of_sale()
        cls.config = cls.bit.pos_config_ids
        cls.regie.action_attach_points_of_sale(cls.config.ids)
        cls.methods = {
            m.tourism_payment_nature: m for m in cls.config.payment_method_ids
        }
        cls.product = cls.env["product.product"].create(
            {
                "name": "Carte postale",
                "available_in_pos": True,
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.acc_shop.id,
            }
        )
        cls.cash_account = cls.bit.cash_journal_id.default_account_id
        # l10n_fr_pos_cert looks for the order before number 1 among orders without
        # a number (Odoo's demo orders) and finds several: start the chain at 2.
        sequence = cls.env.company.l10n_fr_pos_cert_sequence_id
        if sequence.number_next_actual < 2:
            sequence.number_next_actual = 2

    def sell(self, session, amounts):
        total = sum(amounts.values())
        order = self.env["pos.order"].create(
            {
                "session_id": session.id,
                "lines": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "qty": total / 10,
                            "price_unit": 10.0,
                            "price_subtotal": total,
                            "price_subtotal_incl": total,
                        }
                    )
                ],
                "amount_tax": 0.0,
                "amount_total": total,
                "amount_paid": 0.0,
                "amount_return": 0.0,
            }
        )
        for nature, amount in amounts.items():
            ctx = {"active_ids": order.ids, "active_id": order.id}
            self.env["pos.make.payment"].with_context(**ctx).create(
                {"amount": amount, "payment_method_id": self.methods[nature].id}
            ).with_context(**ctx).check()
        return order

    def run_day(self, counted):
        self.config.open_ui()
        session = self.config.current_session_id
        session.set_opening_control(0, "")
        self.sell(session, {"cash": 30.0, "card": 20.0})
        self.sell(session, {"cash": 10.0, "cheque": 50.0})
        session.post_closing_cash_details(counted)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        return session


@tagged("post_install", "-at_install")
class TestPosBooks(PosBooksCommon):
    def test_session_closing_feeds_the_books(self):
        session = self.run_day(counted=38.50)
        self.assertEqual(session.tourism_regie_id, self.regie)
        # Odoo's cash control: 40 expected, 38.50 counted.
        self.assertEqual(session.cash_register_difference, -1.50)
        self.assertTrue(session.tourism_difference_unexplained)
        session.tourism_difference_reason = "Erreur de rendu de monnaie"
        self.assertFalse(session.tourism_difference_unexplained)
        self.assertEqual(self.balance(self.cash_account), D("38.50"))
        self.assertEqual(self.balance(self.acc_cheque), D("50.00"))
        self.assertEqual(self.balance(self.acc_card), D("20.00"))
        lines = self.env["tourism.regie.book.line"].search(
            [("session_id", "=", session.id)]
        )
        got = {
            (line.source, line.nature): (line.amount_in, line.amount_out)
            for line in lines
        }
        self.assertEqual(
            got,
            {
                ("pos", "cash"): (40.0, 0.0),
                ("pos", "card"): (20.0, 0.0),
                ("pos", "cheque"): (50.0, 0.0),
                ("difference", "cash"): (0.0, 1.50),
            },
        )
        self.assertEqual(set(lines.bit_id.ids), {self.bit.id})
        # The versement leaves the float in the till; cards are paid out by the bank.
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        by_nature = {
            (line.nature, line.bit_id): line.amount for line in deposit.line_ids
        }
        self.assertEqual(
            by_nature,
            {("cash", self.bit): 0.0, ("cheque", self.env["tourism.bit"]): 50.0},
        )
        self.assertEqual(deposit.pos_cheque_total(), (1, D("50.00")))

    def test_recap_and_situation(self):
        self.run_day(counted=240.0)  # 200 more than expected: an excess
        self.make_receipt(25.0)
        today = fields.Date.context_today(self.regie)
        situation = {
            (row["bit"], row["nature"]): row["amount"]
            for row in self.regie.situation(today)
        }
        self.assertEqual(situation[(self.bit.name, "cash")], D("240.00"))
        self.assertEqual(situation[("Back office", "cash")], D("25.00"))
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        deposit.action_validate()
        self.assertEqual(deposit.amount_total, 140.0 + 25.0 + 50.0)
        data = self.regie.recap_data(today.replace(day=1), today)
        rows = {row["account"]: row["recap"] for row in data["rows"]}
        self.assertEqual(rows[self.cash_account].receipts, D("240.00"))
        self.assertEqual(rows[self.cash_account].deposits, D("140.00"))
        self.assertEqual(rows[self.cash_account].closing, D("100.00"))
        self.assertEqual(rows[self.acc_card].closing, D("20.00"))
        types = {t["type"]: t["amount"] for t in data["types"]}
        self.assertEqual(types[self.type_shop], D("110.00"))  # POS sales
        self.assertEqual(types[self.type_tours], D("25.00"))
        self.assertEqual(data["remaining"], D("100.00"))
        self.assertEqual(data["deposits"], deposit)
        (serie,) = data["quittancier"]
        self.assertEqual(
            (serie["count"], serie["missing"], serie["cancelled"]), (1, [], 0)
        )
        wizard = self.env["tourism.regie.recap.wizard"].create(
            {
                "regie_id": self.regie.id,
                "date_from": today.replace(day=1),
                "date_to": today,
            }
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_recap", wizard.ids)[0]
            .decode()
        )
        self.assertIn("cent euros", html)
        self.assertIn("No gap", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_situation", wizard.ids)[0]
            .decode()
        )
        self.assertIn("BIT de Mugron", html)


@tagged("post_install", "-at_install")
class TestPosToDepositTour(HttpCase, PosBooksCommon):
    def test_tour_from_till_closing_to_versement(self):
        # 40 cash sold, 240 counted (an excess of 200 explained), 50 in cheques.
        session = self.run_day(counted=240.0)
        session.tourism_difference_reason = "Fonds de caisse du stand déposé"
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        self.start_tour(
            f"/odoo/action-tourism_regie.tourism_regie_deposit_action/{deposit.id}",
            "tourism_regie_deposit",
            login="regisseur_test",
        )
        self.assertEqual(deposit.state, "done")
        # 240 - 100 float + 50 cheques
        self.assertEqual(deposit.amount_total, 190.0)
        self.assertEqual(self.balance(self.cash_account), D("100.00"))
