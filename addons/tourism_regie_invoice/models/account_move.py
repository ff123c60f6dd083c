# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

REGIE_READERS = (
    "tourism_regie.group_tourism_regie_mandataire,"
    "tourism_base.group_tourism_accountant,tourism_base.group_tourism_manager"
)


class AccountMove(models.Model):
    _inherit = "account.move"

    tourism_regie_receipt_ids = fields.One2many(
        "tourism.regie.receipt",
        "invoice_id",
        string="Quittances",
        groups=REGIE_READERS,
    )

    def _tourism_receivable_lines(self):
        return self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )

    def action_tourism_regie_pay(self):
        """Open the quittance of the desk payment, filled from the invoice: the
        conseiller only says how the customer pays (cash, cheque) and issues it."""
        self.ensure_one()
        if (
            self.move_type != "out_invoice"
            or self.state != "posted"
            or self.payment_state not in ("not_paid", "partial")
        ):
            raise UserError(
                self.env._(
                    "Only a posted customer invoice still due is paid at the desk."
                )
            )
        regie = self.env["tourism.regie"]._tourism_desk_regie()
        rtype = regie.receipt_type_ids.filtered(
            lambda t: t.account_id in self._tourism_receivable_lines().account_id
        )[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Payment at the desk"),
            "res_model": "tourism.regie.receipt",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_regie_id": regie.id,
                "default_invoice_id": self.id,
                "default_partner_id": self.commercial_partner_id.id,
                "default_amount": self.amount_residual,
                "default_receipt_type_id": rtype.id,
                "default_description": self.env._(
                    "Invoice %(invoice)s %(ref)s", invoice=self.name, ref=self.ref or ""
                ).strip(),
            },
        }
