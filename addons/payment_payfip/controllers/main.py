# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from ..models.payment_transaction import NOTIFICATION_URL, RETURN_URL

_logger = logging.getLogger(__name__)


def _idop(data):
    return (data.get("idOp") or data.get("idop") or "").strip()


class PayfipController(http.Controller):
    @http.route(
        NOTIFICATION_URL,
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def payfip_notification(self, **data):
        """PayFiP's server-to-server notification: only its idOp is read, then the web
        service is asked for the result. Always acknowledged (PayFiP would insist)."""
        idop = _idop(data)
        _logger.info("PayFiP notification for the operation %s", idop)
        try:
            tx_sudo = (
                request.env["payment.transaction"]
                .sudo()
                ._handle_notification_data("payfip", {"idop": idop})
            )
        except ValidationError:
            _logger.warning("PayFiP notification ignored", exc_info=True)
            return ""
        if tx_sudo.state == "done" and not tx_sudo.is_post_processed:
            # Reconcile now, so that the invoice is paid even if the payer never comes
            # back; on failure the state is kept and the payment cron retries.
            try:
                with request.env.cr.savepoint():
                    tx_sudo._post_process()
            except Exception:
                _logger.exception(
                    "PayFiP: post-processing of %s failed", tx_sudo.reference
                )
        return ""

    @http.route(
        RETURN_URL,
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def payfip_return(self, **data):
        """The payer's browser coming back: it never confirms anything; the transaction
        waits for PayFiP's notification."""
        idop = _idop(data)
        if idop:
            tx_sudo = (
                request.env["payment.transaction"]
                .sudo()
                .search(
                    [
                        ("provider_reference", "=", idop),
                        ("provider_code", "=", "payfip"),
                    ],
                    limit=1,
                )
            )
            if tx_sudo.state == "draft":
                tx_sudo._set_pending()
        return request.redirect("/payment/status")
