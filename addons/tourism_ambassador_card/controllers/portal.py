# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class TourismAmbassadorCardPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_ambassador_card_count" in counters:
            Card = request.env["tourism.ambassador.card"]
            values["tourism_ambassador_card_count"] = (
                Card.search_count([]) if Card.has_access("read") else 0
            )
        return values

    @http.route(
        "/my/ambassador_cards", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_my_ambassador_cards(self, **kw):
        # No sudo: the record rule shows the holder the cards of its company only.
        cards = request.env["tourism.ambassador.card"].search([])
        values = self._prepare_portal_layout_values()
        values.update({"cards": cards, "page_name": "tourism_ambassador_cards"})
        return request.render(
            "tourism_ambassador_card.portal_my_ambassador_cards", values
        )

    @http.route(
        "/my/ambassador_cards/<int:card_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_ambassador_card_pdf(self, card_id, download=False, **kw):
        try:
            card = self._document_check_access(
                "tourism.ambassador.card", card_id, access_token=kw.get("access_token")
            )
        except (AccessError, MissingError) as error:
            # Someone else's card or no card: the same 404, nothing to learn.
            raise request.not_found() from error
        return self._show_report(
            model=card,
            report_type="pdf",
            report_ref="tourism_ambassador_card.action_report_tourism_ambassador_card",
            download=download,
        )
