# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_pos_books import PosBooksCommon

OFX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" '
    'OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n'
    """<OFX>
  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
    <DTSERVER>{day}</DTSERVER><LANGUAGE>FRA</LANGUAGE></SONRS></SIGNONMSGSRSV1>
  <BANKMSGSRSV1><STMTTRNRS><TRNUID>0</TRNUID>
    <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
    <STMTRS><CURDEF>EUR</CURDEF>
      <BANKACCTFROM><BANKID>10071</BANKID><ACCTID>{account}</ACCTID>
        <ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
      <BANKTRANLIST><DTSTART>{day}</DTSTART><DTEND>{day}</DTEND>
        <STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>{day}</DTPOSTED>
          <TRNAMT>90.00</TRNAMT><FITID>DFT-{day}-1</FITID>
          <NAME>VERSEMENT REGIE</NAME><MEMO>{deposit}</MEMO></STMTTRN>
        <STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>{day}</DTPOSTED>
          <TRNAMT>20.00</TRNAMT><FITID>DFT-{day}-2</FITID>
          <NAME>REMISE CARTES BANCAIRES</NAME></STMTTRN>
        <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>{day}</DTPOSTED>
          <TRNAMT>-1.50</TRNAMT><FITID>DFT-{day}-3</FITID>
          <NAME>FRAIS TENUE DE COMPTE</NAME></STMTTRN>
      </BANKTRANLIST>
      <LEDGERBAL><BALAMT>108.50</BALAMT><DTASOF>{day}</DTASOF></LEDGERBAL>
    </STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""
)


@tagged("post_install", "-at_install")
class TestStatementOfx(PosBooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dft_account_number = "FR7610071400000000DFT12345"
        cls.dft_journal.bank_account_id = cls.env["res.partner.bank"].create(
            {
                "acc_number": cls.dft_account_number,
                "partner_id": cls.env.company.partner_id.id,
            }
        )

    def test_ofx_statement_matches_versement_and_card_payout(self):
        self.run_day(counted=140.0)  # 40 cash + the float, 50 cheque, 20 card
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        deposit.action_validate()
        self.assertEqual(deposit.amount_total, 90.0)  # 40 cash + 50 cheques
        self.assertFalse(deposit.is_reconciled)
        content = OFX.format(
            day=deposit.date.strftime("%Y%m%d"),
            account=self.dft_account_number,
            deposit=deposit.name,
        )
        wizard = (
            self.env["account.statement.import"]
            .with_user(self.comptable)
            .create(
                {
                    "statement_file": base64.b64encode(content.encode()),
                    "statement_filename": "releve_dft.ofx",
                }
            )
        )
        action = wizard.import_file_button()
        self.assertIn("2 versements and card payouts", action["params"]["message"])
        lines = self.env["account.bank.statement.line"].search(
            [("journal_id", "=", self.dft_journal.id)]
        )
        self.assertEqual(
            sorted(lines.mapped("amount")), [-1.50, 20.0, 90.0], "three lines read"
        )
        self.assertEqual(lines.statement_id.balance_end_real, 108.50)
        self.env.invalidate_all()  # is_reconciled is computed, not stored
        self.assertTrue(deposit.is_reconciled)
        self.assertEqual(self.balance(self.acc_transfer), 0)
        self.assertEqual(self.balance(self.acc_card), 0)
        st_left, book_left = self.regie.unmatched_items()
        self.assertEqual(st_left.mapped("payment_ref"), ["FRAIS TENUE DE COMPTE"])
        self.assertFalse(book_left)
        # The same file again: every line is known, nothing is imported twice.
        again = (
            self.env["account.statement.import"]
            .with_user(self.comptable)
            .create(
                {
                    "statement_file": base64.b64encode(content.encode()),
                    "statement_filename": "releve_dft.ofx",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "already imported"):
            with self.env.cr.savepoint():
                again.import_file_button()
