# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo import Command
from odoo.tests import tagged

from .test_pos_books import PosBooksCommon


@tagged("post_install", "-at_install")
class TestNewPaymentNature(PosBooksCommon):
    def test_a_new_nature_is_one_record_and_one_account(self):
        """Chèques vacances (ANCV) taken by a régie: one payment nature record and
        its account on the régie, no code. The till's and the quittancier's
        chèques vacances wait on that account, count in the encaisse and are paid
        in at the versement with the rest (CGCT R1617-10: the régisseur pays in
        all he holds)."""
        self.env["tourism.payment.nature"].create(
            {"code": "ancv", "name": "Chèques vacances", "sequence": 25}
        )
        acc_ancv = self.env["account.account"].create(
            {
                "code": "511903",
                "name": "Chèques vacances test",
                "account_type": "asset_current",
                "reconcile": True,
            }
        )
        self.regie.nature_account_ids = [
            Command.create({"nature": "ancv", "account_id": acc_ancv.id})
        ]
        method = self.methods["cheque"].copy(
            {"name": "Chèques vacances", "tourism_payment_nature": "ancv"}
        )
        self.config.payment_method_ids = [Command.link(method.id)]
        self.regie.action_attach_points_of_sale(self.config.ids)
        self.assertEqual(method.outstanding_account_id, acc_ancv)
        self.methods = {**self.methods, "ancv": method}

        # The till: 30.00 in chèques vacances.
        self.config.open_ui()
        session = self.config.current_session_id
        session.set_opening_control(0, "")
        self.sell(session, {"ancv": 30.0, "cash": 10.0})
        session.post_closing_cash_details(10.0)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        # The back office: a quittance of 20.00 in chèques vacances.
        receipt = self.make_receipt(20.0, nature="ancv")
        self.assertEqual(receipt.state, "posted")
        self.assertEqual(self.balance(acc_ancv), D("50.00"))
        lines = self.env["tourism.regie.book.line"].search(
            [("regie_id", "=", self.regie.id), ("nature", "=", "ancv")]
        )
        self.assertEqual(
            sorted((line.source, line.amount_in) for line in lines),
            [("pos", 30.0), ("receipt", 20.0)],
        )
        self.regie.invalidate_recordset()
        self.assertEqual(self.regie.cash_balance, 60.0)

        # The versement pays them in with the till's cash (float 100.00 stays).
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        ancv_line = deposit.line_ids.filtered(lambda line: line.nature == "ancv")
        self.assertEqual((ancv_line.account_id, ancv_line.amount), (acc_ancv, 50.0))
        deposit.action_validate()
        self.assertEqual(deposit.amount_total, 50.0)
        self.assertEqual(self.balance(acc_ancv), D("0.00"))
        credit = deposit.move_id.line_ids.filtered(
            lambda aml: aml.account_id == acc_ancv
        )
        self.assertEqual(credit.credit, 50.0)
        self.assertIn("Chèques vacances", credit.name)
