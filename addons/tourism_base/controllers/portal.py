# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, http
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.res_partner import PORTAL_EDITABLE_FIELDS


def paged_search(
    model, domain, url, page=1, sortby=None, filterby=None, sortings=None, filters=None
):
    """One page of a portal list, sorted and filtered as the searchbar offers it
    (Odoo's account portal does the same). A sort or filter the page does not
    offer (a tampered URL) falls back to the first one, a page out of range to the
    nearest one: the host gets a page, never an error. `sortings` and `filters`:
    {key: {'label', 'order'}} and {key: {'label', 'domain'}}, the default first.
    Returns (records, values for portal.portal_searchbar and portal.portal_table).
    """
    page = str(page)
    page = int(page) if page.isdigit() and len(page) < 10 else 1
    sortby = sortby if sortby in sortings else next(iter(sortings))
    filterby = filterby if filterby in filters else next(iter(filters))
    domain = expression.AND([domain, filters[filterby]["domain"]])
    step = CustomerPortal._items_per_page
    pager = portal_pager(
        url=url,
        total=model.search_count(domain),
        page=page,
        step=step,
        url_args={"sortby": sortby, "filterby": filterby},
    )
    records = model.search(
        domain, order=sortings[sortby]["order"], limit=step, offset=pager["offset"]
    )
    return records, {
        "pager": pager,
        "searchbar_sortings": sortings,
        "sortby": sortby,
        "searchbar_filters": filters,
        "filterby": filterby,
        "default_url": url,
    }


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
