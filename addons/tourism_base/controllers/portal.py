# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.res_partner import PORTAL_EDITABLE_FIELDS


class TourismPortal(CustomerPortal):
    def _tourism_provider(self):
        """The prestataire of the logged-in user: always its own company,
        never one taken from the request."""
        partner = request.env.user.partner_id.commercial_partner_id
        return partner if partner.is_tourism_provider else request.env["res.partner"]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            # The home page, not /my/counters: its answer must hold counters only,
            # the portal's JavaScript looks for an element for each key.
            values["tourism_is_provider"] = bool(self._tourism_provider())
        return values

    @http.route(
        "/my/prestataire", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_my_tourism_provider(self, **kw):
        provider = self._tourism_provider()
        if not provider:
            return request.redirect("/my")
        return request.render(
            "tourism_base.portal_my_tourism_provider",
            self._tourism_provider_values(provider, saved=kw.get("saved")),
        )

    @http.route(
        "/my/prestataire", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_tourism_provider_save(self, **post):
        provider = self._tourism_provider()
        if not provider:
            return request.redirect("/my")
        values = {
            key: (post.get(key) or "").strip()
            for key in PORTAL_EDITABLE_FIELDS
            if key in post
        }
        try:
            with request.env.cr.savepoint():
                provider._tourism_portal_write(values)
        except ValidationError as error:
            return request.render(
                "tourism_base.portal_my_tourism_provider",
                self._tourism_provider_values(
                    provider, error=error.args[0], values=values
                ),
            )
        return request.redirect("/my/prestataire?saved=1")

    def _tourism_provider_values(self, provider, saved=False, error=None, values=None):
        provider = provider.sudo()
        result = self._prepare_portal_layout_values()
        result.update(
            {
                "page_name": "tourism_provider",
                "provider": provider,
                "labels": provider.tourism_label_line_ids,
                "classifications": provider.tourism_classification_ids,
                "saved": saved,
                "error": error,
                "values": values or {},
                "membership_states": dict(
                    provider._fields["membership_state"]._description_selection(
                        request.env
                    )
                ),
                "validity_states": dict(
                    request.env["tourism.partner.label"]
                    ._fields["validity_state"]
                    ._description_selection(request.env)
                ),
                "title": _("My directory entry"),
            }
        )
        return result
