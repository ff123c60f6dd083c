# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import formatLang

from odoo.addons.portal.controllers.portal import CustomerPortal

STAY_INT_FIELDS = (
    "persons",
    "exempt_minors",
    "exempt_seasonal",
    "exempt_emergency",
    "exempt_low_rent",
)


class TourismTaxDeclarationPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_declaration_count" in counters:
            Declaration = request.env["tourism.tax.declaration"]
            values["tourism_declaration_count"] = (
                Declaration.search_count([]) if Declaration.has_access("read") else 0
            )
        return values

    def _own_declaration(self, declaration_id):
        """The declaration if it is the user's company's (ids typed in URLs are checked
        by the record rules), as superuser for the writes the portal allows."""
        declaration = self._document_check_access(
            "tourism.tax.declaration", declaration_id
        )
        host = request.env.user.partner_id.commercial_partner_id
        if declaration.host_id != host:
            raise AccessError(_("This declaration is not yours."))
        return declaration

    def _open_periods(self, lodging):
        """Periods the host may declare: started, of adopted deliberations."""
        return (
            request.env["tourism.tax.period"]
            .sudo()
            .search(
                [
                    ("deliberation_id.epci_id", "=", lodging.commune_id.epci_id.id),
                    ("deliberation_id.state", "=", "adopted"),
                    ("date_from", "<=", fields.Date.context_today(lodging)),
                ],
                order="date_from desc",
            )
        )

    @http.route("/my/tax/declarations", type="http", auth="user", website=True)
    def portal_my_declarations(self, **kw):
        values = self._prepare_portal_layout_values()
        lodgings = request.env["tourism.lodging"].search([])
        periods_by_epci = {}
        for lodging in lodgings:
            epci = lodging.commune_id.epci_id
            if epci not in periods_by_epci:
                periods_by_epci[epci] = self._open_periods(lodging)[:8]
        values.update(
            {
                "page_name": "tourism_declaration",
                "declarations": request.env["tourism.tax.declaration"].search([]),
                "lodgings": lodgings,
                "periods_by_lodging": {
                    lodging: periods_by_epci[lodging.commune_id.epci_id]
                    for lodging in lodgings
                },
                "error": kw.get("error"),
            }
        )
        return request.render("tourism_tax.portal_my_declarations", values)

    @http.route(
        "/my/tax/declarations/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_declaration_new(self, lodging_id=None, period_id=None, **kw):
        try:
            lodging = request.env["tourism.lodging"].browse(int(lodging_id or 0))
            lodging.check_access("read")
            if not lodging.exists():
                raise MissingError(_("Choose one of your lodgings."))
            period = self._open_periods(lodging).filtered(
                lambda p: p.id == int(period_id or 0)
            )
            if not period:
                raise UserError(_("Choose one of the periods offered."))
            with request.env.cr.savepoint():
                declaration = (
                    request.env["tourism.tax.declaration"]
                    .sudo()
                    .create({"lodging_id": lodging.id, "period_id": period.id})
                )
        except (
            AccessError,
            MissingError,
            UserError,
            ValidationError,
            ValueError,
        ) as error:
            message = error.args[0] if error.args else _("Please check your choice.")
            return self.portal_my_declarations(error=message)
        return request.redirect(declaration.access_url)

    @http.route(
        "/my/tax/declarations/<int:declaration_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_declaration(self, declaration_id, **kw):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "tourism_declaration",
                "declaration": declaration,
                "error": kw.get("error"),
                "form": kw,
                "states": dict(
                    declaration._fields["state"]._description_selection(request.env)
                ),
                "platforms": request.env["res.partner"]
                .sudo()
                .search([("is_tourism_platform", "=", True)]),
            }
        )
        return request.render("tourism_tax.portal_my_declaration", values)

    def _check_draft(self, declaration):
        """A sent declaration is the office's to change, not the host's."""
        if declaration.state != "draft":
            raise UserError(
                _(
                    "This declaration has been sent: ask the tourism office to change "
                    "it."
                )
            )

    def _redirect_with_error(self, declaration_id, error, form=None):
        return self.portal_declaration(declaration_id, error=error, **(form or {}))

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/stay",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_declaration_add_stay(self, declaration_id, **post):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        try:
            self._check_draft(declaration)
            vals = {
                "declaration_id": declaration.id,
                "arrival": fields.Date.to_date(post.get("arrival")),
                "departure": fields.Date.to_date(post.get("departure")),
                "channel": "platform"
                if post.get("channel") == "platform"
                else "direct",
            }
            for key in STAY_INT_FIELDS:
                vals[key] = int(post.get(key) or 0)
            for key in ("price_per_night", "platform_collected"):
                amount = (post.get(key) or "").replace(",", ".").strip()
                vals[key] = float(amount) if amount else 0.0
            if vals["channel"] != "platform":
                vals["platform_collected"] = 0.0
            if not vals["arrival"] or not vals["departure"]:
                raise ValidationError(_("Give the arrival and departure dates."))
            if vals["price_per_night"] < 0:
                raise ValidationError(_("The price per night cannot be negative."))
            if vals["platform_collected"] < 0:
                raise ValidationError(
                    _("The tax collected by the platform cannot be negative.")
                )
            with request.env.cr.savepoint():
                stay = request.env["tourism.tax.stay"].sudo().create(vals)
                stay._tax_breakdown()  # refuses a line the tax cannot be computed for
        except (UserError, ValidationError) as error:
            return self._redirect_with_error(declaration_id, error.args[0], post)
        except ValueError:
            return self._redirect_with_error(
                declaration_id,
                _("Please check the dates and numbers you entered."),
                post,
            )
        return request.redirect(declaration.access_url)

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/preview",
        type="json",
        auth="user",
        website=True,
    )
    def portal_declaration_preview_stay(self, declaration_id, **values):
        """The tax of the stay being typed, computed as it will be once added
        (nothing is written): the host sees the amount before sending it."""
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return {"error": _("This declaration is not yours.")}
        try:
            vals = {
                "arrival": fields.Date.to_date(values.get("arrival") or None),
                "departure": fields.Date.to_date(values.get("departure") or None),
                "channel": "platform"
                if values.get("channel") == "platform"
                else "direct",
            }
            for key in STAY_INT_FIELDS:
                vals[key] = int(values.get(key) or 0)
            for key in ("price_per_night", "platform_collected"):
                amount = str(values.get(key) or "").replace(",", ".").strip()
                vals[key] = float(amount) if amount else 0.0
        except ValueError:
            return {"error": _("Please check the dates and numbers you entered.")}
        if not vals["arrival"] or not vals["departure"]:
            return {}
        if vals["channel"] != "platform":
            vals["platform_collected"] = 0.0
        declaration = declaration.sudo()
        stay = (
            request.env["tourism.tax.stay"]
            .sudo()
            .new(dict(vals, declaration_id=declaration.id))
        )
        try:
            stay._check_stay_values()
            part = stay._tax_breakdown()
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        total = part["base"] + sum(part["surcharges"].values())
        currency = declaration.currency_id

        def money(amount):
            return formatLang(request.env, float(amount), currency_obj=currency)

        return {
            "nights": stay.nights,
            "person_nights": part["nights"],
            "total": money(total),
            "declaration_total": money(declaration.amount_total + float(total)),
        }

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/stay/<int:stay_id>/delete",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_declaration_delete_stay(self, declaration_id, stay_id, **post):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        stay = declaration.stay_ids.filtered(lambda s: s.id == stay_id)
        try:
            self._check_draft(declaration)
            stay.unlink()
        except UserError as error:
            return self._redirect_with_error(declaration_id, error.args[0])
        return request.redirect(declaration.access_url)

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_declaration_submit(self, declaration_id, **post):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        try:
            with request.env.cr.savepoint():
                if declaration.state == "draft":
                    declaration.is_zero = bool(post.get("is_zero"))
                declaration.action_submit()
        except (UserError, ValidationError) as error:
            return self._redirect_with_error(declaration_id, error.args[0])
        return request.redirect(declaration.access_url + "?submitted=1")

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/pdf",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_declaration_pdf(self, declaration_id, **kw):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        return self._show_report(
            model=declaration,
            report_type="pdf",
            report_ref="tourism_tax.action_report_tax_declaration",
            download=True,
        )

    @http.route(
        "/my/tax/declarations/<int:declaration_id>/import",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_declaration_import(self, declaration_id, **post):
        try:
            declaration = self._own_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tax/declarations")
        upload = request.httprequest.files.get("file")
        try:
            self._check_draft(declaration)
            if not upload:
                raise UserError(_("Choose the file to import."))
            declaration._import_stays(upload.read(), upload.filename or "")
        except UserError as error:
            return self._redirect_with_error(declaration_id, error.args[0])
        return request.redirect(declaration.access_url)
