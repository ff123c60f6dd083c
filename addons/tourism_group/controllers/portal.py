# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.sale.controllers.portal import CustomerPortal


class GroupCustomerPortal(CustomerPortal):
    @http.route()
    def portal_quote_accept(
        self, order_id, access_token=None, name=None, signature=None
    ):
        """Odoo stores and commits the signature before it confirms the order: a
        group quote that cannot be confirmed would stay signed and unconfirmed.
        Its confirmation is checked first, and nothing is signed when it fails."""
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            order_sudo = None
        if (
            order_sudo
            and signature
            and order_sudo.tourism_package_id
            and order_sudo._has_to_be_signed()
            and not order_sudo._has_to_be_paid()
        ):
            try:
                order_sudo._tourism_check_confirmable()
            except (UserError, ValidationError) as error:
                return {"error": error.args[0]}
        return super().portal_quote_accept(
            order_id, access_token=access_token, name=name, signature=signature
        )
