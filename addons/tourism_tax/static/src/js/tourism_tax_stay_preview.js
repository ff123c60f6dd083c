/** @odoo-module **/
// Shows the tax of the stay a host is typing in the portal, computed by the server
// exactly as it will be once the stay is added (nothing is saved meanwhile).
import publicWidget from "@web/legacy/js/public/public_widget";
import {debounce} from "@web/core/utils/timing";
import {rpc} from "@web/core/network/rpc";

publicWidget.registry.TourismTaxStayPreview = publicWidget.Widget.extend({
    selector: "form.o_tourism_add_stay",
    events: {
        input: "_onInput",
        change: "_onInput",
    },

    init() {
        this._super(...arguments);
        this._onInput = debounce(this._onInput.bind(this), 300);
        this._requestId = 0;
    },

    async _onInput() {
        const form = this.el;
        const values = Object.fromEntries(new FormData(form).entries());
        delete values.csrf_token;
        const requestId = ++this._requestId;
        const result = await rpc(form.dataset.previewUrl, values);
        // An older answer arriving after a newer one is dropped.
        if (requestId !== this._requestId) {
            return;
        }
        const preview = form.querySelector(".o_tourism_stay_preview");
        const error = form.querySelector(".o_tourism_stay_error");
        preview.classList.toggle("d-none", !result.total);
        error.classList.toggle("d-none", !result.error);
        error.textContent = result.error || "";
        if (result.total) {
            form.querySelector(".o_tourism_stay_amount").textContent = result.total;
            form.querySelector(".o_tourism_stay_person_nights").textContent =
                result.person_nights;
            form.querySelector(".o_tourism_declaration_amount").textContent =
                result.declaration_total;
        }
    },
});

export default publicWidget.registry.TourismTaxStayPreview;
