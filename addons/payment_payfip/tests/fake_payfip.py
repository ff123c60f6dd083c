# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local fake of PayFiP's web service, behind ``requests.Session.send`` (also used by
scripts/bench_payfip.py, hence no import of Odoo's test framework here)."""

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import requests
from lxml import etree

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
