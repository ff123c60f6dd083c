# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class TourismQualityPortal(CustomerPortal):
    def _tourism_complaints(self):
        # Portal users have no access right on complaints: the domain is the check,
        # then sudo reads what the page shows (never the complainant).
        Complaint = request.env["tourism.complaint"]
        return Complaint.sudo().search(Complaint._portal_domain(request.env.user))

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_complaint_count" in counters:
            values["tourism_complaint_count"] = (
                len(self._tourism_complaints()) if request.env.user.share else 0
            )
        return values

    def _tourism_complaint(self, complaint_id):
        complaint = self._tourism_complaints().filtered(lambda c: c.id == complaint_id)
        if not complaint:
            # Someone else's complaint or none: the same 404, nothing to learn.
            raise request.not_found()
        return complaint

    @http.route(
        "/my/complaints", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_my_complaints(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": self._tourism_complaints(),
                "page_name": "tourism_complaints",
            }
        )
        return request.render("tourism_quality.portal_my_complaints", values)

    @http.route(
        "/my/complaints/<int:complaint_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_complaint(self, complaint_id, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaint": self._tourism_complaint(complaint_id),
                "page_name": "tourism_complaint",
                "error": kw.get("error"),
                "sent": kw.get("sent"),
            }
        )
        return request.render("tourism_quality.portal_my_complaint", values)

    @http.route(
        "/my/complaints/<int:complaint_id>/answer",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_complaint_answer(self, complaint_id, answer="", **kw):
        complaint = self._tourism_complaint(complaint_id)
        try:
            complaint._post_provider_answer(answer, request.env.user.partner_id)
        except UserError as error:
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "complaint": complaint,
                    "page_name": "tourism_complaint",
                    "error": str(error),
                    "answer": answer,
                }
            )
            return request.render("tourism_quality.portal_my_complaint", values)
        return request.redirect(f"/my/complaints/{complaint.id}?sent=1")
