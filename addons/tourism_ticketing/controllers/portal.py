# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.tourism_base.controllers.portal import paged_search


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

    def _ticketing_searchbar(self):
        """(sortings, filters) of the settlements, the defaults first; a filter's
        'dates' also bound the sales shown."""
        env = request.env
        year = fields.Date.context_today(env.user).year
        sortings = {
            "date": {"label": env._("Period"), "order": "date_to desc, id desc"},
            "name": {"label": env._("Statement"), "order": "name desc, id desc"},
        }
        filters = {"all": {"label": env._("All"), "domain": [], "dates": None}}
        for key, label, start in (
            ("this_year", env._("This year"), year),
            ("last_year", env._("Last year"), year - 1),
        ):
            dates = (date(start, 1, 1), date(start + 1, 1, 1))  # end excluded
            filters[key] = {
                "label": label,
                "domain": [("date_to", ">=", dates[0]), ("date_from", "<", dates[1])],
                "dates": dates,
            }
        return sortings, filters

    @http.route(
        ["/my/ticketing", "/my/ticketing/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_ticketing(self, page=1, sortby=None, filterby=None, **kw):
        organiser, mandates = self._ticketing_organiser()
        if not organiser:
            return request.redirect("/my")
        sortings, filters = self._ticketing_searchbar()
        # The organiser's validated settlements (record rule).
        settlements, searchbar = paged_search(
            request.env["tourism.ticketing.settlement"],
            [],
            "/my/ticketing",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=sortings,
            filters=filters,
        )
        sales_domain = [("organiser_id", "=", organiser.id)]
        dates = filters[searchbar["filterby"]]["dates"]
        if dates:
            sales_domain += [("date", ">=", dates[0]), ("date", "<", dates[1])]
        Report = request.env["tourism.ticketing.sale.report"].sudo()
        sales = Report._read_group(
            sales_domain,
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
        values.update(searchbar)
        values.update(
            {
                "page_name": "tourism_ticketing",
                "organiser": organiser,
                "sales": sales,
                "tickets": tickets,
                "settlements": settlements,
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
