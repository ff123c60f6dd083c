# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tourism_base.tools.locks import lock_now
from odoo.addons.tourism_regie.models.tourism_regie_receipt import (
    TourismRegieReceipt as RegieReceipt,
)

PAYABLE_STATES = ("not_paid", "partial")


class TourismRegieReceipt(models.Model):
    """A quittance that pays a customer invoice at the desk: the régie's own
    receipt (number of the quittancier, entry in the régie's journal by payment
    nature and information point), whose credit on the customer's receivable
    account is reconciled with the invoice."""

    _inherit = "tourism.regie.receipt"

    _money_locked_fields = (*RegieReceipt._money_locked_fields, "invoice_id")

    invoice_id = fields.Many2one(
        "account.move",
        string="Invoice Paid",
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('payment_state', 'in', ('not_paid', 'partial'))]",
        help="The customer invoice this receipt pays: a taxe de séjour declaration, "
        "a group's deposit... The receipt's entry is reconciled with it.",
    )
    invoice_residual = fields.Monetary(
        related="invoice_id.amount_residual", string="Still Due on the Invoice"
    )
    invoice_payment_state = fields.Selection(
        related="invoice_id.payment_state", string="Invoice Payment"
    )

    @api.onchange("invoice_id")
    def _onchange_invoice_id(self):
        invoice = self.invoice_id
        if not invoice:
            return
        self.partner_id = invoice.commercial_partner_id
        self.amount = invoice.amount_residual
        self.description = self.env._(
            "Invoice %(invoice)s %(ref)s", invoice=invoice.name, ref=invoice.ref or ""
        ).strip()
        rtype = self.regie_id.receipt_type_ids.filtered(
            lambda t: t.account_id in invoice._tourism_receivable_lines().account_id
        )[:1]
        if rtype:
            self.receipt_type_id = rtype

    @api.onchange("regie_id")
    def _onchange_regie_id_invoice(self):
        if self.invoice_id:
            self._onchange_invoice_id()

    @api.constrains("invoice_id", "partner_id", "receipt_type_id", "regie_id", "bit_id")
    def _check_invoice(self):
        for receipt in self.filtered("invoice_id"):
            invoice = receipt.invoice_id.sudo()
            regie = receipt.regie_id.sudo()
            if (
                invoice.move_type != "out_invoice"
                or invoice.state != "posted"
                or invoice.company_id != regie.company_id
                or invoice.currency_id != regie.currency_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(invoice)s is not a posted customer invoice of %(company)s "
                        "in %(currency)s: the régie cannot collect it.",
                        invoice=invoice.display_name,
                        company=regie.company_id.name,
                        currency=regie.currency_id.name,
                    )
                )
            if receipt.partner_id != invoice.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The receipt of %(invoice)s is made out to its customer, "
                        "%(partner)s.",
                        invoice=invoice.name,
                        partner=invoice.commercial_partner_id.name,
                    )
                )
            # The acte constitutif authorises what the régie collects: a receipt
            # type on the invoice's receivable account (CGCT R1617-2).
            accounts = invoice._tourism_receivable_lines().account_id
            if receipt.receipt_type_id.account_id not in accounts:
                raise ValidationError(
                    self.env._(
                        "%(type)s is booked on %(account)s, %(invoice)s is due on "
                        "%(due)s: give %(regie)s a receipt type on that account "
                        "(authorised by its acte constitutif) to collect it.",
                        type=receipt.receipt_type_id.name,
                        account=receipt.receipt_type_id.account_id.display_name,
                        invoice=invoice.name,
                        due=", ".join(accounts.mapped("display_name")),
                        regie=regie.name,
                    )
                )
            if receipt.bit_id and receipt.bit_id not in (
                regie.pos_config_ids.tourism_bit_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(point)s does not collect for %(regie)s.",
                        point=receipt.bit_id.name,
                        regie=regie.name,
                    )
                )

    def action_post(self):
        """Issue the quittance and reconcile it with the invoice it pays.

        The régie's operator only (its régisseur or a mandataire within his
        dates: CGCT R1617-3), never more than what is still due, and one till at a
        time: the invoice's row is taken first (NOWAIT), so a second desk paying
        the same invoice fails at once and, when Odoo retries its request, finds
        the invoice paid."""
        with_invoice = self.filtered("invoice_id")
        if with_invoice:
            with_invoice.regie_id._check_operator()
            with_invoice._tourism_check_invoice_payable()
        res = super().action_post()
        with_invoice._tourism_reconcile_invoice()
        return res

    def _tourism_check_invoice_payable(self):
        invoices = self.invoice_id.sudo()
        lock_now(invoices)
        # Read again what another desk may have changed before the lock.
        invoices.invalidate_recordset(["amount_residual", "payment_state", "state"])
        for invoice in invoices:
            receipts = self.filtered(lambda r, i=invoice: r.invoice_id == i)
            if invoice.state != "posted" or invoice.payment_state not in PAYABLE_STATES:
                raise UserError(
                    self.env._(
                        "%(invoice)s is already paid: nothing is left to collect.",
                        invoice=invoice.name,
                    )
                )
            total = sum(receipts.mapped("amount"))
            if invoice.currency_id.compare_amounts(total, invoice.amount_residual) > 0:
                raise UserError(
                    self.env._(
                        "%(amount)s cannot be collected on %(invoice)s: %(due)s is "
                        "still due.",
                        amount=invoice.currency_id.format(total),
                        invoice=invoice.name,
                        due=invoice.currency_id.format(invoice.amount_residual),
                    )
                )

    def _tourism_reconcile_invoice(self):
        for receipt in self:
            account = receipt.receipt_type_id.account_id
            lines = (
                (receipt.move_id | receipt.invoice_id)
                .sudo()
                .line_ids.filtered(
                    lambda line, a=account: line.account_id == a and not line.reconciled
                )
            )
            lines.reconcile()

    def action_cancel(self):
        """The cancellation reverses the quittance's entry and keeps its number;
        the invoice it paid is due again (its declaration too)."""
        with_invoice = self.filtered(lambda r: r.invoice_id and r.state == "posted")
        res = super().action_cancel()
        for receipt in with_invoice:
            account = receipt.receipt_type_id.account_id
            line = receipt.move_id.sudo().line_ids.filtered(
                lambda aml, a=account: aml.account_id == a
            )
            counter = receipt.cancel_move_id.sudo().line_ids.filtered(
                lambda aml, a=account: aml.account_id == a
            )
            line.remove_move_reconcile()
            (line | counter).reconcile()
        return res
