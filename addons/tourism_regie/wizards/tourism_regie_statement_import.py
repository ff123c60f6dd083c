# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.statement_csv import StatementError, parse_statement_csv


class TourismRegieStatementImport(models.TransientModel):
    """CSV statements of the treasury account (OFX goes through OCA's import)."""

    _name = "tourism.regie.statement.import"
    _description = "Import a Treasury Statement (CSV)"

    regie_id = fields.Many2one("tourism.regie", string="Régie", required=True)
    statement_file = fields.Binary(string="CSV File", required=True)
    statement_filename = fields.Char()
    auto_reconcile = fields.Boolean(
        string="Match Automatically",
        default=True,
        help="Match the versements and card payouts with the imported lines.",
    )
    matched_count = fields.Integer(readonly=True)

    def action_import(self):
        self.ensure_one()
        regie = self.regie_id
        if not regie.dft_journal_id:
            raise UserError(
                self.env._(
                    "Set the treasury (DFT) journal of %(regie)s first.",
                    regie=regie.name,
                )
            )
        try:
            lines = parse_statement_csv(base64.b64decode(self.statement_file))
        except StatementError as exc:
            raise UserError(
                self.env._(
                    "The statement cannot be read (line %(line)s): %(error)s",
                    line=exc.line,
                    error=str(exc),
                )
            ) from exc
        except UnicodeDecodeError as exc:
            raise UserError(self.env._("The file must be UTF-8 text (CSV).")) from exc
        if not lines:
            raise UserError(self.env._("The statement has no line."))
        statement = self.env["account.bank.statement"].create(
            {
                "name": self.statement_filename or self.env._("Treasury statement"),
                "line_ids": [
                    fields.Command.create(
                        {
                            "journal_id": regie.dft_journal_id.id,
                            "date": line["date"],
                            "payment_ref": line["label"],
                            "ref": line["ref"],
                            "amount": float(line["amount"]),
                        }
                    )
                    for line in lines
                ],
            }
        )
        if self.auto_reconcile:
            self.matched_count = regie.action_auto_reconcile()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Statement lines"),
            "res_model": "account.bank.statement.line",
            "view_mode": "list,form",
            "domain": [("statement_id", "=", statement.id)],
        }
