# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local fake of PayFiP's web service, behind ``requests.Session.send``."""

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import requests
from lxml import etree

from odoo import Command
from odoo.tests import HttpCase

SERVICE_URL = "https://www.payfip.gouv.fr/tpa/services/securite"
FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return (FIXTURES / name).read_text()


class FakePayFiP:
    """PayFiP's SOAP service as eopayment's zeep client sees it.

    ``payments`` holds each operation opened (what the client sent) and, once the payer
    has acted on PayFiP's page (``pay``), its result."""

    def __init__(self, send):
        self._send = send  # the transport to call for any other URL
        self.payments = {}
        self.requests = []

    def send(self, session, prepared, **kwargs):
        if not prepared.url.startswith(SERVICE_URL):
            return self._send(session, prepared, **kwargs)
        self.requests.append(prepared.body)
        root = etree.fromstring(prepared.body)
        operation = root.find("{*}Body")[0]
        args = {el.tag: el.text for el in operation.find("arg0")}
        name = etree.QName(operation).localname
        if name == "creerPaiementSecurise":
            idop = str(uuid.uuid4())
            self.payments[idop] = dict(args, idOp=idop)
            return self._response(
                prepared, fixture("creer_paiement_response.xml"), idop=idop
            )
        if name == "recupererDetailPaiementSecurise":
            payment = self.payments.get(args.get("idOp"))
            if not payment:
                return self._fault(prepared, "P1", "IdOp incorrect.")
            if "resultrans" not in payment:
                return self._fault(
                    prepared, "P5", "Résultat de la transaction non connu."
                )
            numauto = payment.get("numauto")
            return self._response(
                prepared,
                fixture("detail_paiement_response.xml"),
                **dict(
                    payment,
                    idop=payment["idOp"],
                    exer=payment["exer"][-2:],
                    numauto=f"<numauto>{numauto}</numauto>" if numauto else "",
                ),
            )
        return self._fault(prepared, "T1", "Opération inconnue.")

    def pay(self, idop, resultrans="P", montant=None, minutes_ago=5):
        """The payer on PayFiP's page: pays (P), is refused (R) or abandons (A)."""
        payment = self.payments[idop]
        when = datetime.now(ZoneInfo("Europe/Paris")) - timedelta(minutes=minutes_ago)
        payment.update(
            resultrans=resultrans,
            dattrans=when.strftime("%d%m%Y"),
            heurtrans=when.strftime("%H%M"),
            numauto="112233445566-tip" if resultrans == "P" else "",
        )
        if montant is not None:
            payment["montant"] = str(montant)

    @staticmethod
    def _response(prepared, template, status=200, **values):
        body = template.split("?>", 1)[1].format(**values)
        response = requests.Response()
        response.status_code = status
        response._content = body.encode("utf-8")
        response.encoding = "utf-8"
        response.headers["Content-Type"] = "text/xml;charset=utf-8"
        response.url = prepared.url
        response.request = prepared
        return response

    def _fault(self, prepared, code, libelle):
        return self._response(
            prepared,
            fixture("fault_fonctionnelle.xml"),
            500,
            code=code,
            libelle=libelle,
        )


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
