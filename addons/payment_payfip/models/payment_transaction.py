# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
from datetime import timedelta
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_repr

from .. import const

try:
    import eopayment
    from eopayment import payfip_ws
except ImportError:  # pragma: no cover - declared in external_dependencies
    eopayment = payfip_ws = None

_logger = logging.getLogger(__name__)

NOTIFICATION_URL = "/payment/payfip/notification"
RETURN_URL = "/payment/payfip/return"


def amount_to_cents(amount):
    """Exact cents of an amount in euros (PayFiP's montant)."""
    return int(Decimal(float_repr(amount, 2)) * 100)


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    # PayFiP's notification finds its transaction by the operation id (idop).
    provider_reference = fields.Char(index="btree_not_null")
    payfip_refdet = fields.Char(
        string="PayFiP Debt Reference",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The reference of the debt (refdet) sent to PayFiP.",
    )
    payfip_numauto = fields.Char(
        string="PayFiP Authorisation Number", readonly=True, copy=False
    )
    payfip_resultrans = fields.Char(
        string="PayFiP Result",
        readonly=True,
        copy=False,
        help="PayFiP's result code: P paid by card, V paid by direct debit, R or Z "
        "refused, A abandoned.",
    )

    # --- Sending the payer to PayFiP ------------------------------------------------

    def _get_specific_rendering_values(self, processing_values):
        res = super()._get_specific_rendering_values(processing_values)
        if self.provider_code != "payfip":
            return res
        self._payfip_check_amount()
        email = (self.partner_email or "").strip()
        if "@" not in email or not 6 <= len(email) <= 80:
            raise ValidationError(
                self.env._(
                    "PayFiP needs the payer's e-mail address: add one to %s.",
                    self.partner_id.display_name,
                )
            )
        refdet = self._payfip_new_refdet()
        base_url = self.provider_id.get_base_url()
        backend = self.provider_id._payfip_get_backend(
            notification_url=f"{base_url}{NOTIFICATION_URL}",
            return_url=f"{base_url}{RETURN_URL}",
        )
        try:
            idop, __, __ = backend.request(
                float_repr(self.amount, 2),
                email=email,
                refdet=refdet,
                exer=str(self._payfip_exercice()),
                subject=self.reference,
            )
        except (payfip_ws.PayFiPError, ValueError) as error:
            _logger.warning("PayFiP refused transaction %s: %s", self.reference, error)
            message = getattr(error, "message", "") or str(error)
            raise ValidationError(
                self.env._("PayFiP could not open the payment: %s", message)
            ) from error
        self.write({"provider_reference": idop, "payfip_refdet": refdet})
        return {"api_url": const.PAYMENT_PAGE_URL, "idop": idop}

    def _payfip_check_amount(self):
        """The amount due, within PayFiP's bounds; an invoice is paid in full."""
        cents = amount_to_cents(self.amount)
        if not const.MINIMUM_AMOUNT_CENTS <= cents <= const.MAXIMUM_AMOUNT_CENTS:
            raise ValidationError(
                self.env._("PayFiP takes payments from 1.00 to 100,000.00 euros.")
            )
        invoices = self.invoice_ids.filtered(lambda inv: inv.state != "cancel")
        if invoices:
            due = sum(invoices.mapped("amount_residual"))
            if float_compare(due, self.amount, precision_rounding=0.01):
                raise ValidationError(
                    self.env._(
                        "The amount to pay (%(amount)s) differs from what the invoice "
                        "still asks (%(due)s): PayFiP pays the invoice in full.",
                        amount=float_repr(self.amount, 2),
                        due=float_repr(due, 2),
                    )
                )

    def _payfip_new_refdet(self):
        """A debt reference PayFiP accepts (1 to 30 letters or digits), unique here."""
        refdet = re.sub(r"[^A-Za-z0-9]", "", self.reference)[:24] or "ODOO"
        taken = self.search_count(
            [("payfip_refdet", "=", refdet), ("id", "!=", self.id)], limit=1
        )
        return f"{refdet[:20]}T{self.id}" if taken else refdet

    def _payfip_exercice(self):
        dates = self.invoice_ids.filtered("invoice_date").mapped("invoice_date")
        return min(dates).year if dates else fields.Date.context_today(self).year

    # --- PayFiP's notification and the result query ---------------------------------

    def _get_tx_from_notification_data(self, provider_code, notification_data):
        tx = super()._get_tx_from_notification_data(provider_code, notification_data)
        if provider_code != "payfip" or len(tx) == 1:
            return tx
        idop = notification_data.get("idop")
        tx = idop and self.search(
            [("provider_reference", "=", idop), ("provider_code", "=", "payfip")],
            limit=1,
        )
        if not tx:
            raise ValidationError(
                self.env._("PayFiP: no transaction found for the operation %s.", idop)
            )
        return tx

    def _process_notification_data(self, notification_data):
        """Whatever the notification says, the state comes from PayFiP's web service.

        PayFiP's notification carries only the operation id (idop); the result is asked
        to the web service (recupererDetailPaiementSecurise), so a forged or replayed
        notification cannot confirm anything the service does not confirm.
        """
        super()._process_notification_data(notification_data)
        if self.provider_code != "payfip":
            return
        self._payfip_apply_result(self._payfip_query())

    def _payfip_query(self):
        self.ensure_one()
        backend = self.provider_id._payfip_get_backend()
        try:
            return backend.payment_status(
                self.provider_reference, transaction_date=self.create_date
            )
        except payfip_ws.PayFiPError as error:
            raise ValidationError(
                self.env._(
                    "PayFiP: the result query failed: %s", error.message or error.code
                )
            ) from error

    def _payfip_apply_result(self, response, confirm=True):
        """Update the transaction from the web service's answer (an eopayment response).

        :param bool confirm: whether a paid answer may confirm the transaction (only
            when PayFiP notified it).
        """
        self.ensure_one()
        data = response.bank_data or {}
        if data.get("resultrans"):
            self.payfip_resultrans = data["resultrans"]
        if response.result == eopayment.PAID:
            mismatch = self._payfip_paid_mismatch(data)
            if mismatch:
                _logger.warning("PayFiP %s: %s", self.reference, mismatch)
                self._set_error(mismatch)
            elif confirm:
                self.payfip_numauto = data.get("numauto") or False
                # The service is authoritative: money paid after an expiry still counts.
                self._set_done(extra_allowed_states=("cancel",))
        elif response.result == eopayment.DENIED:
            self._set_error(self.env._("Your payment was refused by PayFiP."))
        elif response.result in (eopayment.CANCELLED, eopayment.EXPIRED):
            self._set_canceled(self.env._("The payment was abandoned on PayFiP."))
        elif response.result == eopayment.WAITING:
            self._set_pending()
        else:
            self._set_error(
                self.env._(
                    "PayFiP answered an unknown result: %s", response.bank_status
                )
            )

    def _payfip_paid_mismatch(self, data):
        """Why a paid answer does not pay this transaction, or an empty string."""
        if (data.get("numcli") or "") != self.provider_id.payfip_numcli:
            return self.env._("PayFiP confirmed a payment to another client number.")
        if (data.get("refdet") or "") != self.payfip_refdet:
            return self.env._("PayFiP confirmed a payment of another debt.")
        try:
            paid = int(data.get("montant") or "")
        except ValueError:
            paid = None
        if paid != amount_to_cents(self.amount):
            return self.env._(
                "PayFiP confirmed %(paid)s cents where %(due)s were due: refused.",
                paid=data.get("montant"),
                due=amount_to_cents(self.amount),
            )
        return ""

    @api.model
    def _cron_payfip_check_abandoned(self):
        """Close the payments the payer left on PayFiP (an operation lives 15 minutes).

        Only refusals and abandons are taken from this query: a payment is confirmed by
        PayFiP's notification alone.
        """
        limit = fields.Datetime.now() - timedelta(
            seconds=payfip_ws.Payment.min_time_between_transactions
        )
        txs = self.search(
            [
                ("provider_code", "=", "payfip"),
                ("state", "in", ("draft", "pending")),
                ("provider_reference", "!=", False),
                ("create_date", "<", limit),
            ]
        )
        for tx in txs:
            try:
                tx._payfip_apply_result(tx._payfip_query(), confirm=False)
            except ValidationError as error:
                _logger.warning("PayFiP check of %s: %s", tx.reference, error)
