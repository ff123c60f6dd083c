# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import formatLang

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.tourism_base.controllers.portal import paged_search

from ..tools.stay_import import MAX_BYTES

STAY_INT_FIELDS = (
    "persons",
    "exempt_minors",
    "exempt_seasonal",
    "exempt_emergency",
    "exempt_low_rent",
)
# Payment states of an invoice still (partly) to pay.
UNPAID = ("not_paid", "partial")
# Rows of each kind on the portal home page ("what to do next").
HOME_ROWS = 5
# What the database holds: an integer column, and amounts in euros well beyond
# any stay. Larger numbers, infinity and NaN are typing errors, not stays.
MAX_INT = 2**31 - 1
MAX_AMOUNT = 1e9


def parse_id(value):
    """A record id typed in a form or an URL (ValueError if it cannot be one)."""
    number = int(value or 0)
    if not 0 < number <= MAX_INT:
        raise ValueError(value)
    return number


def parse_int(value):
    """A count of persons (ValueError beyond what the database holds)."""
    number = int(str(value or "0").strip() or 0)
    if abs(number) > MAX_INT:
        raise ValueError(value)
    return number


def parse_amount(value):
    """An amount typed with a comma or a dot (ValueError for NaN, infinity or an
    amount no stay has)."""
    text = str(value or "").replace(",", ".").strip()
    amount = float(text) if text else 0.0
    if not math.isfinite(amount) or abs(amount) > MAX_AMOUNT:
        raise ValueError(value)
    return amount


class TourismTaxDeclarationPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tourism_declaration_count" in counters:
            Declaration = request.env["tourism.tax.declaration"]
            values["tourism_declaration_count"] = (
                Declaration.search_count([]) if Declaration.has_access("read") else 0
            )
        if not counters:
            # The home page itself (not /my/counters): what the host has to do.
            host = request.env.user.partner_id.commercial_partner_id
            if host.is_tourism_provider and request.env["tourism.lodging"].has_access(
                "read"
            ):
                values["tourism_tax_todo"] = self._tax_todo(home=True)
        return values

    def _tax_todo(self, home=False):
        """What the logged-in host has to do for the tourist tax: the next period to
        declare of each lodging with its due date, the tax invoices to pay, the
        reminders received and (home page) the latest declarations sent. Searched
        as the host (record rules), in a number of queries that does not grow with
        the lodgings nor the history: the home page of every host."""
        Declaration = request.env["tourism.tax.declaration"]
        # The host's own, whatever the user's groups (an employee may be a host).
        own = [("host_id", "child_of", request.env.user.commercial_partner_id.id)]
        lodgings = request.env["tourism.lodging"].search(own)
        # The invoices of the host's declarations (and of their late interest)
        # still to pay; a refund is the office's to pay, not the host's.
        owing = Declaration.search(
            own
            + [
                "|",
                ("state", "=", "invoiced"),
                ("interest_invoice_id.payment_state", "in", UNPAID),
            ]
        )
        # Read as superuser: the host follows its invoices (Odoo subscribes the
        # customer when posting), the account portal checks again on "Payer".
        to_pay = (
            (owing.invoice_id | owing.interest_invoice_id)
            .sudo()
            .filtered(
                lambda move: move.move_type == "out_invoice"
                and move.state == "posted"
                and move.payment_state in UNPAID
            )
        )
        Reminder = request.env["tourism.tax.reminder"].sudo()
        return {
            "to_declare": lodgings._periods_to_declare(),
            "to_pay": to_pay.sorted(lambda move: (move.invoice_date_due, move.id)),
            # The host's own lodgings only (searched above with the record rules).
            "reminders": Reminder.search(
                [("lodging_id", "in", lodgings.ids)], limit=HOME_ROWS
            ),
            "reminder_kinds": dict(
                Reminder._fields["kind"]._description_selection(request.env)
            ),
            "sent": Declaration.search(
                own + [("state", "in", ("submitted", "invoiced", "paid"))],
                limit=HOME_ROWS,
            ).sudo()
            if home
            else Declaration.browse(),
        }

    def _own_declaration(self, declaration_id):
        """The declaration if it is the user's company's (ids typed in URLs are checked
        by the record rules), as superuser for the writes the portal allows."""
        if not 0 < declaration_id <= MAX_INT:
            raise MissingError(_("This declaration does not exist."))
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

    def _declaration_searchbar(self):
        """(sortings, filters) of the list of declarations, the defaults first."""
        sortings = {
            "date": {"label": _("Period"), "order": "date_from desc, id desc"},
            "name": {"label": _("Number"), "order": "name desc, id desc"},
            "lodging": {
                "label": _("Lodging"),
                "order": "lodging_id, date_from desc, id desc",
            },
        }
        filters = {
            "all": {"label": _("All"), "domain": []},
            "draft": {"label": _("To send"), "domain": [("state", "=", "draft")]},
            "submitted": {
                "label": _("Sent"),
                "domain": [("state", "=", "submitted")],
            },
            "invoiced": {"label": _("To pay"), "domain": [("state", "=", "invoiced")]},
            "paid": {"label": _("Paid"), "domain": [("state", "=", "paid")]},
        }
        return sortings, filters

    @http.route(
        ["/my/tax/declarations", "/my/tax/declarations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_declarations(self, page=1, sortby=None, filterby=None, **kw):
        values = self._prepare_portal_layout_values()
        lodgings = request.env["tourism.lodging"].search([])
        periods_by_epci = {}
        for lodging in lodgings:
            epci = lodging.commune_id.epci_id
            if epci not in periods_by_epci:
                periods_by_epci[epci] = self._open_periods(lodging)[:8]
        sortings, filters = self._declaration_searchbar()
        # The host's declarations (record rules), shown with their lodging even
        # when the office gave it to another host since.
        declarations, searchbar = paged_search(
            request.env["tourism.tax.declaration"],
            [],
            "/my/tax/declarations",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=sortings,
            filters=filters,
        )
        values.update(searchbar)
        values.update(
            {
                "page_name": "tourism_declaration",
                "declarations": declarations.sudo(),
                "lodgings": lodgings,
                "periods_by_lodging": {
                    lodging: periods_by_epci[lodging.commune_id.epci_id]
                    for lodging in lodgings
                },
                "todo": self._tax_todo(),
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
        Declaration = request.env["tourism.tax.declaration"].sudo()
        try:
            try:
                lodging_id, period_id = parse_id(lodging_id), parse_id(period_id)
            except (TypeError, ValueError) as error:
                raise UserError(
                    _("Choose one of your lodgings and periods.")
                ) from error
            lodging = request.env["tourism.lodging"].browse(lodging_id)
            if not lodging.exists():
                raise MissingError(_("Choose one of your lodgings."))
            lodging.check_access("read")
            period = self._open_periods(lodging).filtered(lambda p: p.id == period_id)
            if not period:
                raise UserError(_("Choose one of the periods offered."))
            # The existing declaration if there is one (a second click, another
            # tab): the database keeps one per lodging and period.
            declaration_id = Declaration._declare(lodging, period)
            declaration = Declaration.browse(declaration_id).exists()
            host = request.env.user.partner_id.commercial_partner_id
            if declaration and declaration.host_id != host:
                raise UserError(
                    _(
                        "%(lodging)s was already declared for %(period)s by its "
                        "former host: ask the tourism office.",
                        lodging=lodging.name,
                        period=period.name,
                    )
                )
        except (AccessError, MissingError, UserError, ValidationError) as error:
            message = error.args[0] if error.args else _("Please check your choice.")
            return self.portal_my_declarations(error=message)
        return request.redirect(f"/my/tax/declarations/{declaration_id}")

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
                vals[key] = parse_int(post.get(key))
            for key in ("price_per_night", "platform_collected"):
                vals[key] = parse_amount(post.get(key))
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
        except (TypeError, ValueError):
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
                vals[key] = parse_int(values.get(key))
            for key in ("price_per_night", "platform_collected"):
                vals[key] = parse_amount(values.get(key))
        except (TypeError, ValueError):
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
        total = part.total_amount
        currency = declaration.currency_id

        def money(amount):
            return formatLang(request.env, float(amount), currency_obj=currency)

        return {
            "nights": stay.nights,
            "person_nights": part.nights,
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
        if declaration.state != "draft" or not declaration._lock_for_submit():
            # Already sent, or being sent by a first click or another tab right
            # now: land on the declaration as it stands, not on an error about a
            # submission that succeeds.
            return request.redirect(declaration.access_url)
        try:
            with request.env.cr.savepoint():
                is_zero = bool(post.get("is_zero"))
                if declaration.is_zero != is_zero:
                    # Written only when it changes: each write is audited in full.
                    declaration.is_zero = is_zero
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
            # Bounded before it is read whole (the parser checks it again).
            content = upload.read(MAX_BYTES + 1)
            if len(content) > MAX_BYTES:
                raise UserError(
                    _("The file is too large: send a file of at most 10 MB.")
                )
            declaration._import_stays(content, upload.filename or "")
        except UserError as error:
            return self._redirect_with_error(declaration_id, error.args[0])
        return request.redirect(declaration.access_url)
