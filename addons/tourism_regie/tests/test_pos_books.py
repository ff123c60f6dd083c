# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

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

    def test_closing_keeps_its_regie_when_the_till_moves(self):
        """A closing stays in the books of the régie it was closed under: the
        till moved to another régie later takes its new sessions there only
        (issue 13 §3)."""
        session = self.run_day(counted=40.0)
        other = self.regie.copy(
            {
                "name": "Autre régie",
                "journal_id": self.env["account.journal"]
                .create({"name": "Autre régie", "code": "AUTR", "type": "general"})
                .id,
                "mandataire_ids": [],
                "receipt_type_ids": [],
            }
        )
        self.config.tourism_regie_id = other
        session.invalidate_recordset()
        self.assertEqual(session.tourism_regie_id, self.regie)
        lines = self.env["tourism.regie.book.line"].search(
            [("session_id", "=", session.id)]
        )
        self.assertEqual(lines.regie_id, self.regie)
        self.config.open_ui()
        self.assertEqual(self.config.current_session_id.tourism_regie_id, other)

    def test_floats_are_not_counted_in_the_maximum(self):
        """The fonds de caisse permanent is left out of the maximum encaisse
        (arrêté du 6 janvier 2014 relatif à l'encaisse des régisseurs): 240.00
        in the till and 50.00 of cheques with a float of 100.00 make 190.00."""
        self.run_day(counted=240.0)
        self.regie.invalidate_recordset()
        self.assertEqual(self.regie.cash_balance, 290.0)
        self.assertEqual(self.regie.held_for_maximum, 190.0)
        first = fields.Date.start_of(fields.Date.context_today(self.regie), "month")
        self.regie.max_cash = 190.01
        self.assertNotIn("maximum", self.regie._check_alerts(first))
        self.regie.max_cash = 190.00
        self.assertIn("maximum", self.regie._check_alerts(first))

    def test_versement_sets_the_next_opening(self):
        session = self.run_day(counted=240.0)  # 40 sold, 200 more put in
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        till_line = deposit.line_ids.filtered(
            lambda line: line.account_id == self.cash_account
        )
        self.assertEqual((till_line.balance, till_line.amount), (240.0, 140.0))
        till_line.amount = 40.0  # the régisseur takes less than he could
        deposit.action_validate()
        self.assertEqual(till_line.pos_session_id, session)
        self.assertEqual(self.balance(self.cash_account), D("200.00"))
        # Odoo would open with the count (240): the till holds 200.
        self.config.open_ui()
        following = self.config.current_session_id
        self.assertEqual(following.cash_register_balance_start, 200.0)
        # A running session: its cash cannot be paid in, nothing is posted.
        following.set_opening_control(200.0, "")
        self.sell(following, {"cash": 30.0})
        late = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        late.action_compute_lines()
        with self.assertRaisesRegex(UserError, "session open"):
            with self.env.cr.savepoint():
                late.action_validate()
        self.assertEqual(late.state, "draft")
        self.assertFalse(late.move_id)
        self.assertEqual(self.balance(self.cash_account), D("200.00"))
        # Closed: the closing expects 200 + 30 and finds them.
        following.post_closing_cash_details(230.0)
        following.close_session_from_ui()
        self.assertEqual(following.cash_register_difference, 0.0)
        late.action_compute_lines()
        late.action_validate()
        self.assertEqual(late.amount_cash, 130.0)
        self.config.open_ui()
        self.assertEqual(
            self.config.current_session_id.cash_register_balance_start, 100.0
        )

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
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.topoguide = cls.env["product.product"].create(
            {
                "name": "Topoguide Chalosse Tursan",
                "available_in_pos": True,
                "list_price": 12.75,
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.acc_shop.id,
            }
        )
        # The régie's record rules let a conseiller use his own information
        # point's till only.
        cls.conseiller = new_tourism_user(
            cls.env,
            "conseiller_mugron",
            "base.group_user,tourism_base.group_tourism_user",
            name="Conseillère Mugron",
            lang="fr_FR",
            tourism_bit_id=cls.bit.id,
        )
        cls.regisseur.lang = "fr_FR"

    def test_tour_from_till_closing_to_versement(self):
        # The day before: 40 cash sold, 140 counted (the float of 100 put in).
        first = self.run_day(counted=140.0)
        first.tourism_difference_reason = "Fonds de caisse déposé"
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "tourism_regie_pos_closing",
            login="conseiller_mugron",
        )
        session = self.env["pos.session"].search(
            [("config_id", "=", self.config.id), ("state", "=", "closed")], limit=1
        )
        self.assertNotEqual(session, first)
        self.assertRecordValues(
            session,
            [
                {
                    "user_id": self.conseiller.id,
                    "cash_register_balance_start": 140.0,
                    "cash_register_balance_end": 165.50,
                    "cash_register_balance_end_real": 165.50,
                    "cash_register_difference": 0.0,
                }
            ],
        )
        self.assertEqual(session.order_ids.amount_total, 25.50)
        self.assertEqual(self.balance(self.cash_account), D("165.50"))
        self.assertEqual(self.balance(self.acc_cheque), D("50.00"))
        # The reload after the closing created the next session, not opened yet.
        following = self.config.current_session_id
        self.assertEqual(following.state, "opening_control")
        self.assertEqual(following.cash_register_balance_start, 165.50)

        self.start_tour(
            "/odoo/action-tourism_regie.tourism_regie_deposit_action",
            "tourism_regie_deposit",
            login="regisseur_test",
        )
        deposit = self.env["tourism.regie.deposit"].search(
            [("regie_id", "=", self.regie.id)]
        )
        self.assertRecordValues(
            deposit,
            [
                {
                    "state": "done",
                    "amount_cash": 65.50,
                    "amount_cheque": 50.0,
                    "amount_total": 115.50,
                }
            ],
        )
        till_line = deposit.line_ids.filtered(
            lambda line: line.account_id == self.cash_account
        )
        self.assertRecordValues(
            till_line,
            [{"balance": 165.50, "amount": 65.50, "pos_session_id": session.id}],
        )
        self.assertEqual(self.balance(self.cash_account), D("100.00"))
        self.assertEqual(self.balance(self.acc_cheque), D("0.00"))
        self.assertEqual(self.balance(self.acc_transfer), D("115.50"))
        # The next session expects the float left in the till, not the count.
        self.assertEqual(following.cash_register_balance_start, 100.0)
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "tourism_regie_pos_reopen",
            login="conseiller_mugron",
        )
        following.invalidate_recordset()
        self.assertEqual(following.state, "opened")
        self.assertEqual(following.cash_register_balance_start, 100.0)
