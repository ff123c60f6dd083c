# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, _, fields, http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.tourism_base.controllers.portal import paged_search

from .declaration_portal import MAX_INT, parse_id

# What a host may set on its lodgings from the portal.
LODGING_FIELDS = (
    "name",
    "street",
    "commune_id",
    "nature_id",
    "classification",
    "classification_date",
    "classification_expiry",
    "capacity",
    "registration_number",
)
# Years a register can be asked for (the tax of the years before the suite is on
# paper).
REGISTER_YEARS = (2000, 2100)


class TourismTaxPortal(CustomerPortal):
    def _tourism_host(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return partner if partner.is_tourism_provider else request.env["res.partner"]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_lodging_count" in counters:
            values["tourism_lodging_count"] = (
                request.env["tourism.lodging"].search_count([])
                if request.env["tourism.lodging"].has_access("read")
                else 0
            )
        return values

    def _lodging_form_values(self, lodging=None, values=None, error=None):
        result = self._prepare_portal_layout_values()
        host = self._tourism_host()
        # Only communes of intercommunalities that collect the tax.
        Commune = request.env["tourism.lodging"].sudo()._communes_collecting_tax()
        epci = host.tourism_commune_id.epci_id
        if epci not in Commune.epci_id:
            epci = None
        result.update(
            {
                "page_name": "tourism_lodging",
                "lodging": lodging,
                "values": values or {},
                "error": error,
                "communes": Commune.filtered(lambda c: not epci or c.epci_id == epci),
                "natures": request.env["tourism.lodging.nature"].sudo().search([]),
                "classifications": request.env["tourism.lodging"]
                ._fields["classification"]
                ._description_selection(request.env),
                "platforms": request.env["res.partner"]
                .sudo()
                .search([("is_tourism_platform", "=", True)]),
            }
        )
        return result

    def _lodging_vals(self, post):
        """Only the fields a host may change, with ids and dates parsed."""
        vals = {}
        for key in LODGING_FIELDS:
            if key not in post:
                continue
            value = (post.get(key) or "").strip()
            if key in ("commune_id", "nature_id", "capacity"):
                try:
                    if key == "capacity":
                        value = int(value) if value else 0
                        if not 0 <= value <= MAX_INT:
                            raise ValueError(value)
                    else:
                        value = parse_id(value) if value else False
                except ValueError as exc:
                    raise ValidationError(
                        _("Please check the numbers you entered.")
                    ) from exc
            elif key in ("classification_date", "classification_expiry"):
                value = value or False
            vals[key] = value
        Model = request.env["tourism.lodging"]
        selection = dict(Model._fields["classification"].selection)
        if "classification" in vals and vals["classification"] not in selection:
            raise ValidationError(_("Please choose a classification from the list."))
        for key, comodel in (
            ("commune_id", "tourism.commune"),
            ("nature_id", "tourism.lodging.nature"),
        ):
            if (
                vals.get(key)
                and not request.env[comodel].sudo().browse(vals[key]).exists()
            ):
                raise ValidationError(_("Please choose from the list."))
        if vals.get("commune_id"):
            # Only where the tax is collected (see tourism.lodging._check_commune).
            commune = request.env["tourism.commune"].sudo().browse(vals["commune_id"])
            Lodging = request.env["tourism.lodging"].sudo()
            if commune not in Lodging._communes_collecting_tax():
                raise ValidationError(Lodging._commune_error(commune))
        platform_ids = [
            int(pid)
            for pid in request.httprequest.form.getlist("platform_ids")
            if pid.isdigit() and 0 < int(pid) <= MAX_INT
        ]
        platforms = (
            request.env["res.partner"]
            .sudo()
            .browse(platform_ids)
            .filtered("is_tourism_platform")
        )
        vals["platform_ids"] = [Command.set(platforms.ids)]
        return vals

    def _get_own_lodging(self, lodging_id):
        """The lodging if it is the user's company's, else raise (ids typed in URLs)."""
        if not 0 < lodging_id <= MAX_INT:
            raise MissingError(_("This lodging does not exist."))
        lodging = self._document_check_access("tourism.lodging", lodging_id)
        if lodging.host_id != self._tourism_host():
            raise AccessError(_("This lodging is not yours."))
        return lodging

    def _lodging_searchbar(self):
        """(sortings, filters) of the list of lodgings, the defaults first."""
        sortings = {
            "name": {"label": _("Name"), "order": "name, id"},
            "commune": {"label": _("Commune"), "order": "commune_id, name, id"},
            "capacity": {"label": _("Capacity"), "order": "capacity desc, name, id"},
        }
        filters = {
            "all": {"label": _("All"), "domain": []},
            "classified": {
                "label": _("Classified"),
                "domain": [("classification", "!=", "0")],
            },
            "unclassified": {
                "label": _("Unclassified"),
                "domain": [("classification", "=", "0")],
            },
        }
        return sortings, filters

    @http.route(
        ["/my/lodgings", "/my/lodgings/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_lodgings(self, page=1, sortby=None, filterby=None, **kw):
        if not self._tourism_host():
            return request.redirect("/my")
        sortings, filters = self._lodging_searchbar()
        # No sudo: the record rule lists the host's own lodgings only.
        lodgings, searchbar = paged_search(
            request.env["tourism.lodging"],
            [],
            "/my/lodgings",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=sortings,
            filters=filters,
        )
        values = self._prepare_portal_layout_values()
        values.update(searchbar, page_name="tourism_lodging", lodgings=lodgings)
        return request.render("tourism_tax.portal_my_lodgings", values)

    @http.route(
        ["/my/lodgings/new", "/my/lodgings/<int:lodging_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_lodging(self, lodging_id=None, **post):
        host = self._tourism_host()
        if not host:
            return request.redirect("/my")
        lodging = None
        if lodging_id:
            try:
                lodging = self._get_own_lodging(lodging_id)
            except (AccessError, MissingError):
                return request.redirect("/my/lodgings")
        if request.httprequest.method == "POST":
            try:
                vals = self._lodging_vals(post)
                if not lodging and not all(
                    vals.get(key) for key in ("name", "commune_id", "nature_id")
                ):
                    raise ValidationError(
                        _(
                            "Please give the name, the commune and the nature of the "
                            "lodging."
                        )
                    )
                with request.env.cr.savepoint():
                    if lodging:
                        # As the host (sudo keeps the user): the model checks
                        # what a host may do.
                        request.env["tourism.lodging"].sudo().browse(lodging.id).write(
                            vals
                        )
                    else:
                        vals["host_id"] = host.id
                        lodging = request.env["tourism.lodging"].sudo().create(vals)
            except (ValidationError, ValueError) as error:
                message = (
                    error.args[0]
                    if isinstance(error, ValidationError)
                    else _("Please check the values you entered.")
                )
                return request.render(
                    "tourism_tax.portal_my_lodging",
                    self._lodging_form_values(lodging, post, message),
                )
            return request.redirect(f"/my/lodgings/{lodging.id}?saved=1")
        values = self._lodging_form_values(lodging)
        values["saved"] = post.get("saved")
        return request.render("tourism_tax.portal_my_lodging", values)

    @http.route(
        "/my/lodgings/<int:lodging_id>/register.csv",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_lodging_register(self, lodging_id, year=None, **kw):
        try:
            lodging = self._get_own_lodging(lodging_id)
        except (AccessError, MissingError):
            return request.redirect("/my/lodgings")
        try:
            year = int(year or fields.Date.context_today(lodging).year)
            if not REGISTER_YEARS[0] <= year <= REGISTER_YEARS[1]:
                raise ValueError(year)
        except ValueError:
            values = self._lodging_form_values(
                lodging,
                error=_(
                    "Choose a year from %(first)s to %(last)s for the register.",
                    first=REGISTER_YEARS[0],
                    last=REGISTER_YEARS[1],
                ),
            )
            return request.render("tourism_tax.portal_my_lodging", values)
        content = lodging._register_csv(year)
        filename = f"registre-{year}-{lodging.id}.csv"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )
