# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestStatementImport(RegieCommon):
    def import_csv(self, content, user=None):
        wizard = (
            self.env["tourism.regie.statement.import"]
            .with_user(user or self.env.user)
            .create(
                {
                    "regie_id": self.regie.id,
                    "statement_file": base64.b64encode(content.encode()),
                    "statement_filename": "releve.csv",
                }
            )
        )
        action = wizard.action_import()
        return wizard, self.env["account.bank.statement.line"].search(action["domain"])

    def test_comptable_imports_and_matches_the_month(self):
        self.make_receipt(150.0)
        deposit = self.env["tourism.regie.deposit"].create({"regie_id": self.regie.id})
        deposit.action_compute_lines()
        deposit.action_validate()
        day = deposit.date.strftime("%d/%m/%Y")
        wizard, lines = self.import_csv(
            f"Date;Libellé;Montant\n{day};VIREMENT {deposit.name};150,00\n"
            f"{day};COMMISSION;-0,90\n",
            user=self.comptable,
        )
        self.assertEqual(len(lines), 2)
        self.assertEqual(wizard.matched_count, 1)
        self.assertTrue(deposit.is_reconciled)
        st_left, book_left = self.regie.unmatched_items()
        self.assertEqual(st_left.mapped("payment_ref"), ["COMMISSION"])
        self.assertFalse(book_left)

    def test_bad_file_names_its_line(self):
        with self.assertRaisesRegex(UserError, "line 3"):
            self.import_csv("Date;Libellé;Montant\n01/07/2026;A;1\n01/07/2026;B;x\n")
        self.assertFalse(
            self.env["account.bank.statement.line"].search(
                [("journal_id", "=", self.dft_journal.id)]
            )
        )
