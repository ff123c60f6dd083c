# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class TourismTicketingPortal(CustomerPortal):
    def _ticketing_organiser(self):
        """The organiser of the logged-in user: its own company with a mandate,
        never an id taken from the request."""
        partner = request.env.user.partner_id.commercial_partner_id
        mandates = (
            request.env["tourism.ticketing.mandate"]
            .sudo()
            .search([("organiser_id", "=", partner.id), ("state", "!=", "draft")])
        )
        return partner if mandates else request.env["res.partner"], mandates

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_ticketing_count" in counters:
            organiser, _mandates = self._ticketing_organiser()
            values["tourism_ticketing_count"] = (
                request.env["tourism.ticketing.settlement"].search_count([])
                if organiser
                else 0
            )
        return values

    @http.route("/my/ticketing", type="http", auth="user", website=True)
    def portal_my_ticketing(self, **kw):
        organiser, mandates = self._ticketing_organiser()
        if not organiser:
            return request.redirect("/my")
        Report = request.env["tourism.ticketing.sale.report"].sudo()
        sales = Report._read_group(
            [("organiser_id", "=", organiser.id)],
            ["date:day", "bit_id", "channel"],
            ["quantity:sum", "amount:sum"],
            order="date:day desc",
        )
        tickets = (
            request.env["event.event.ticket"]
            .sudo()
            .search(
                [("event_id.tourism_mandate_id", "in", mandates.ids)],
                order="event_id, sequence, id",
            )
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "tourism_ticketing",
                "organiser": organiser,
                "sales": sales,
                "tickets": tickets,
                "settlements": request.env["tourism.ticketing.settlement"].search([]),
            }
        )
        return request.render("tourism_ticketing.portal_my_ticketing", values)

    @http.route(
        "/my/ticketing/settlement/<int:settlement_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_ticketing_settlement_pdf(self, settlement_id, access_token=None, **kw):
        try:
            settlement = self._document_check_access(
                "tourism.ticketing.settlement", settlement_id, access_token
            )
        except (AccessError, MissingError):
            raise request.not_found() from None
        return self._show_report(
            model=settlement,
            report_type="pdf",
            report_ref="tourism_ticketing.action_report_ticketing_settlement",
            download=kw.get("download") == "true",
        )
