# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import requests

from odoo import Command
from odoo.tests import HttpCase

from .fake_payfip import FakePayFiP


class PayfipCommon(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env.ref("payment_payfip.payment_provider_payfip")
        cls.provider.write(
            {"payfip_numcli": "123456", "state": "test", "is_published": True}
        )
        cls.currency = cls.env.ref("base.EUR")
        cls.payer = cls.env["res.partner"].create(
            {"name": "Hôtel de la Paix", "email": "paix@example.com"}
        )
        cls.income = cls.env["account.account"].search(
            [
                ("account_type", "=", "income"),
                ("company_ids", "in", cls.env.company.id),
            ],
            limit=1,
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
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or cls.payer).id,
                "currency_id": cls.currency.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Redevance",
                            "quantity": 1,
                            "price_unit": amount,
                            "account_id": cls.income.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

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
