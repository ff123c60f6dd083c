# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import requests

from odoo import Command, fields

from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.addons.payment.tests.http_common import PaymentHttpCommon

from .fake_payfip import FakePayFiP


class PayfipCommon(AccountPaymentCommon, PaymentHttpCommon):
    """Odoo's payment and invoicing test bases (a French company of their own with
    its chart of accounts), the PayFiP provider copied into that company, and
    PayFiP's web service faked."""

    @classmethod
    @AccountPaymentCommon.setup_country("fr")
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls._prepare_provider(
            "payfip", update_values={"payfip_numcli": "123456", "is_published": True}
        )
        cls.currency = cls.currency_euro
        cls.payer = cls.env["res.partner"].create(
            {"name": "Hôtel de la Paix", "email": "paix@example.com"}
        )

    def setUp(self):
        super().setUp()
        original_send = requests.Session.send
        self.payfip = FakePayFiP(original_send)
        self.patch(
            requests.Session,
            "send",
            lambda session, prepared, **kw: self.payfip.send(session, prepared, **kw),
        )

    @classmethod
    def _invoice(cls, amount=123.45, partner=None):
        """A posted customer invoice of one untaxed line, dated today."""
        return cls.init_invoice(
            "out_invoice",
            partner=partner or cls.payer,
            invoice_date=fields.Date.context_today(cls.payer),
            post=True,
            amounts=[amount],
            taxes=[],
            currency=cls.currency,
        )

    def _transaction(self, invoice, amount=None):
        """A transaction for the invoice, as the portal creates it."""
        return (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": self.provider.id,
                    "payment_method_id": self.env.ref("payment.payment_method_card").id,
                    "reference": self.env["payment.transaction"]._compute_reference(
                        "payfip", invoice_ids=[Command.set(invoice.ids)]
                    ),
                    "amount": invoice.amount_residual if amount is None else amount,
                    "currency_id": self.currency.id,
                    "partner_id": invoice.partner_id.id,
                    "operation": "online_redirect",
                    "invoice_ids": [Command.set(invoice.ids)],
                }
            )
        )

    def _open(self, tx):
        """Send the payer to PayFiP: returns the redirect form's values."""
        return tx._get_processing_values()

    def _notify(self, idop):
        """PayFiP's notification: a POST with idOp only."""
        return self.url_open(
            "/payment/payfip/notification", data={"idOp": idop}, allow_redirects=False
        )
