# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountStatementImport(models.TransientModel):
    """OCA's statement import (OFX and the other formats): a treasury (DFT)
    statement of a régie is matched with its versements and card payouts at once,
    as the régie's CSV import does."""

    _inherit = "account.statement.import"

    def _import_file(self):
        result = super()._import_file()
        statements = self.env["account.bank.statement"].browse(result["statement_ids"])
        # An accountant outside the office's groups imports other banks too: the
        # régies are looked up and matched without their access rules.
        regies = (
            self.env["tourism.regie"]
            .sudo()
            .search([("dft_journal_id", "in", statements.journal_id.ids)])
        )
        if regies:
            matched = regies.action_auto_reconcile()
            result["notifications"].append(
                self.env._(
                    "%(count)s versements and card payouts of the régie matched "
                    "automatically; the rest waits in the reconciliation.",
                    count=matched,
                )
            )
        return result
