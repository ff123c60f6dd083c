# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .. import const
from .common import PayfipCommon

MUTED = (
    "odoo.addons.payment_payfip.controllers.main",
    "odoo.addons.payment_payfip.models.payment_transaction",
    "odoo.addons.payment.models.payment_transaction",
    "zeep",
)


@tagged("post_install", "-at_install")
class TestPayfip(PayfipCommon):
    def _opened(self, amount=123.45):
        invoice = self._invoice(amount)
        tx = self._transaction(invoice)
        values = self._open(tx)
        return invoice, tx, values

    def test_full_flow(self):
        """Opened by the web service, paid on PayFiP, confirmed by its notification and
        the result query only: the invoice is paid and reconciled."""
        invoice, tx, values = self._opened()
        form = etree.fromstring(values["redirect_form_html"])
        self.assertEqual(form.get("action"), const.PAYMENT_PAGE_URL)
        idop = form.find("input").get("value")
        self.assertEqual(tx.provider_reference, idop)
        sent = self.payfip.payments[idop]
        self.assertEqual(sent["numcli"], "123456")
        self.assertEqual(sent["montant"], "12345", "PayFiP takes the amount in cents")
        self.assertEqual(sent["saisie"], "T")
        self.assertEqual(sent["mel"], "paix@example.com")
        self.assertEqual(sent["refdet"], tx.payfip_refdet)
        self.assertEqual(sent["exer"], str(invoice.invoice_date.year))
        self.assertTrue(sent["urlnotif"].endswith("/payment/payfip/notification"))

        # The payer's browser comes back first: nothing is paid yet.
        self.url_open(f"/payment/payfip/return?idop={idop}", allow_redirects=False)
        self.assertEqual(tx.state, "pending")
        self.assertEqual(invoice.payment_state, "not_paid")

        self.payfip.pay(idop)
        with mute_logger(*MUTED):
            response = self._notify(idop)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(tx.state, "done")
        self.assertEqual(tx.payfip_numauto, "112233445566-tip")
        self.assertTrue(tx.payment_id)
        self.assertEqual(tx.payment_id.amount, 123.45)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_browser_return_alone_confirms_nothing(self):
        """A return page reached with made-up results leaves the payment waiting."""
        invoice, tx, values = self._opened()
        idop = tx.provider_reference
        self.payfip.pay(idop)
        self.url_open(
            f"/payment/payfip/return?idop={idop}&resultrans=P&montant=12345",
            allow_redirects=False,
        )
        self.assertEqual(tx.state, "pending")
        self.assertFalse(tx.payment_id)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_refusal(self):
        """The card is refused (resultrans R): the transaction is in error, unpaid."""
        invoice, tx, values = self._opened()
        self.payfip.pay(tx.provider_reference, "R")
        with mute_logger(*MUTED):
            self._notify(tx.provider_reference)
        self.assertEqual(tx.state, "error")
        self.assertEqual(tx.payfip_resultrans, "R")
        self.assertFalse(tx.payment_id)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_abandoned(self):
        """The payer abandons on PayFiP (resultrans A), or never finishes: cancelled."""
        invoice, tx, values = self._opened()
        self.payfip.pay(tx.provider_reference, "A", minutes_ago=10)
        with mute_logger(*MUTED):
            self._notify(tx.provider_reference)
        self.assertEqual(tx.state, "cancel")
        self.assertEqual(invoice.payment_state, "not_paid")

        # Left on PayFiP's page: no notification; the hourly check closes it once the
        # operation is dead (PayFiP still answers P5 "result unknown").
        __, tx2, __ = self._opened(50.0)
        self.env.cr.execute(
            "UPDATE payment_transaction SET create_date = now() - interval '3 hours'"
            " WHERE id = %s",
            [tx2.id],
        )
        tx2.invalidate_recordset(["create_date"])
        with mute_logger(*MUTED):
            self.env["payment.transaction"]._cron_payfip_check_abandoned()
        self.assertEqual(tx2.state, "cancel")

    def test_replayed_notification(self):
        """A replayed notification is counted once: one payment, paid once."""
        invoice, tx, values = self._opened()
        idop = tx.provider_reference
        self.payfip.pay(idop)
        with mute_logger(*MUTED):
            for __ in range(3):
                self.assertEqual(self._notify(idop).status_code, 200)
        self.assertEqual(tx.state, "done")
        payments = self.env["account.payment"].search(
            [("payment_transaction_id", "=", tx.id)]
        )
        self.assertEqual(len(payments), 1)
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_forged_notification(self):
        """A notification PayFiP's service does not back changes nothing: unknown
        operation, operation not paid yet, or made-up fields."""
        invoice, tx, values = self._opened()
        with mute_logger(*MUTED):
            self.assertEqual(self._notify("not-an-operation").status_code, 200)
            self.url_open(
                "/payment/payfip/notification",
                data={
                    "idOp": tx.provider_reference,
                    "resultrans": "P",
                    "montant": "12345",
                },
            )
        self.assertIn(tx.state, ("draft", "pending"))
        self.assertFalse(tx.payment_id)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_amount_differs_from_invoice(self):
        """An amount other than what the invoice asks is refused, at the opening and
        when PayFiP confirms another amount."""
        invoice = self._invoice(123.45)
        tx = self._transaction(invoice, amount=100.0)
        with self.assertRaises(ValidationError), mute_logger(*MUTED):
            self._open(tx)
        self.assertFalse(self.payfip.payments)

        invoice, tx, values = self._opened()
        self.payfip.pay(tx.provider_reference, montant=10000)
        with mute_logger(*MUTED):
            self._notify(tx.provider_reference)
        self.assertEqual(tx.state, "error")
        self.assertFalse(tx.payment_id)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_payfip_error_is_shown(self):
        """PayFiP refusing to open the payment: a clear error, nothing half-written."""
        self.payer.email = "x@y"
        invoice = self._invoice(20.0)
        tx = self._transaction(invoice)
        with self.assertRaises(ValidationError), mute_logger(*MUTED):
            self._open(tx)
        self.assertFalse(tx.provider_reference)

    def test_provider_settings(self):
        with self.assertRaises(ValidationError):
            self.provider.payfip_numcli = "12345"
        with self.assertRaises(ValidationError):
            self.provider.write({"state": "enabled", "payfip_saisie": "T"})
        self.provider.write({"state": "enabled", "payfip_saisie": "W"})
        self.assertEqual(self.provider._payfip_get_saisie(), "W")
        self.provider.state = "test"
        self.assertEqual(self.provider._payfip_get_saisie(), "T")
