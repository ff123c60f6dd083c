# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestDeposit(RegieCommon):
    def make_deposit(self, date=None):
        deposit = self.env["tourism.regie.deposit"].create(
            {"regie_id": self.regie.id, **({"date": date} if date else {})}
        )
        deposit.action_compute_lines()
        return deposit

    def test_versement_moves_cash_and_cheques_to_transit(self):
        self.make_receipt(120.00)
        self.make_receipt(35.55, rtype=self.type_shop)
        self.make_receipt(60.00, nature="cheque", cheque_number="77", cheque_bank="LBP")
        self.make_receipt(
            40.00, rtype=self.type_tickets, third_party_id=self.organiser.id
        )
        deposit = self.make_deposit()
        self.assertEqual(deposit.amount_cash, 195.55)
        self.assertEqual(deposit.amount_cheque, 60.00)
        self.assertEqual(deposit.amount_total, 255.55)
        self.assertEqual(
            deposit.amount_words,
            "deux cent cinquante-cinq euros et cinquante-cinq centimes",
        )
        deposit.action_validate()
        self.assertEqual(deposit.state, "done")
        self.assertTrue(deposit.name.startswith("VERS"))
        self.assertEqual(self.balance(self.acc_cash), D("0.00"))
        self.assertEqual(self.balance(self.acc_cheque), D("0.00"))
        self.assertEqual(self.balance(self.acc_transfer), D("255.55"))
        self.assertTrue(deposit.move_id.inalterable_hash)
        summary = dict(deposit.type_summary())
        self.assertEqual(summary[self.type_tours], D("120.00") + D("60.00"))
        self.assertEqual(summary[self.type_shop], D("35.55"))
        self.assertEqual(summary[self.type_tickets], D("40.00"))
        self.assertEqual(deposit.cheque_receipt_ids.cheque_number, "77")
        # The comptable's acknowledgement needs its number.
        with self.assertRaises(UserError):
            deposit.action_acknowledge()
        deposit.write({"ack_date": deposit.date, "ack_number": "DGFIP-2026-118"})
        deposit.action_acknowledge()
        self.assertEqual(deposit.state, "acknowledged")
        with self.assertRaises(UserError):
            deposit.unlink()
        # Next versement: nothing left to pay in, it is the month's justification
        # alone (instruction 06-031-A-B-M: at least once a month, even without
        # cash), with no entry.
        justification = self.make_deposit()
        justification.action_validate()
        self.assertEqual(justification.state, "done")
        self.assertFalse(justification.move_id)
        self.assertEqual(justification.amount_total, 0.0)

    def test_cannot_pay_in_more_than_held(self):
        self.make_receipt(50.00)
        deposit = self.make_deposit()
        with self.assertRaises(ValidationError):
            deposit.line_ids.amount = 50.01
        deposit.line_ids.amount = 20.00
        deposit.action_validate()
        self.assertEqual(self.balance(self.acc_cash), D("30.00"))

    def test_bordereau_pdf(self):
        self.make_receipt(80.00)
        self.make_receipt(
            12.00, rtype=self.type_tickets, third_party_id=self.organiser.id
        )
        self.make_receipt(20.00, nature="cheque", cheque_number="4521873")
        deposit = self.make_deposit()
        deposit.action_validate()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_regie.report_regie_deposit", deposit.ids)[0]
            .decode()
        )
        self.assertIn(deposit.name, html)
        self.assertIn("cent douze euros", html)
        self.assertIn("Festival test", html)  # third parties shown apart
        self.assertIn("4521873", html)  # cheque deposit slip
