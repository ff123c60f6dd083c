# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import const

try:
    import eopayment
    from eopayment import payfip_ws
except ImportError:  # pragma: no cover - declared in external_dependencies
    eopayment = payfip_ws = None

# One SOAP client for the process: building it parses the WSDL shipped with eopayment,
# which costs far more than a call.
_PAYFIP_CLIENT = []


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    code = fields.Selection(
        selection_add=[("payfip", "PayFiP")], ondelete={"payfip": "set default"}
    )
    payfip_numcli = fields.Char(
        string="PayFiP Client Number",
        help="The six-digit number (numcli) the DGFiP gave to the régie or the "
        "collectivité when it joined PayFiP.",
        required_if_provider="payfip",
        copy=False,
    )
    payfip_saisie = fields.Selection(
        selection=[
            ("T", "Test"),
            ("X", "Activation"),
            ("W", "Production"),
        ],
        string="PayFiP Mode",
        default="T",
        required=True,
        help="PayFiP's 'saisie' code. Test (T) while the provider is in test mode; "
        "Activation (X) for the payments that prove the set-up to the DGFiP; "
        "Production (W) afterwards.",
    )

    @api.constrains("payfip_numcli")
    def _check_payfip_numcli(self):
        for provider in self.filtered(lambda p: p.code == "payfip" and p.payfip_numcli):
            if not re.fullmatch(r"\d{6}", provider.payfip_numcli):
                raise ValidationError(
                    self.env._("The PayFiP client number is made of six digits.")
                )

    @api.constrains("state", "payfip_saisie")
    def _check_payfip_saisie(self):
        for provider in self.filtered(lambda p: p.code == "payfip"):
            if provider.state == "enabled" and provider.payfip_saisie == "T":
                raise ValidationError(
                    self.env._(
                        "An enabled PayFiP provider takes real payments: choose the "
                        "Activation or Production mode, or keep the provider in test."
                    )
                )

    def _get_supported_currencies(self):
        supported = super()._get_supported_currencies()
        if self.code == "payfip":
            supported = supported.filtered(
                lambda c: c.name in const.SUPPORTED_CURRENCIES
            )
        return supported

    def _get_default_payment_method_codes(self):
        default_codes = super()._get_default_payment_method_codes()
        if self.code != "payfip":
            return default_codes
        return const.DEFAULT_PAYMENT_METHOD_CODES

    def _payfip_get_saisie(self):
        """PayFiP's mode of this provider: test (T) whenever in Odoo's test state."""
        self.ensure_one()
        return "T" if self.state == "test" else self.payfip_saisie

    def _payfip_get_backend(self, notification_url="", return_url=""):
        """The eopayment PayFiP backend of this provider, sharing one SOAP client."""
        self.ensure_one()
        backend = eopayment.Payment(
            "payfip_ws",
            {
                "numcli": self.payfip_numcli,
                "saisie": self._payfip_get_saisie(),
                "automatic_return_url": notification_url,
                "normal_return_url": return_url,
            },
        ).backend
        if not _PAYFIP_CLIENT:
            _PAYFIP_CLIENT.append(payfip_ws.PayFiP())
        backend.payfip = _PAYFIP_CLIENT[0]
        return backend
