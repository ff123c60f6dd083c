// Copyright 2026 Odoo Tourisme
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

// A ticket resold under a mandate is the organiser's sale, not the office's: the
// receipt must say so on the line (the order screen shows it too).
patch(PosOrderline.prototype, {
    getDisplayData() {
        const organiser = this.product_id?.tourism_organiser_name;
        return {
            ...super.getDisplayData(),
            tourismOnBehalfOf: organiser
                ? _t("Sold in the name and on behalf of %s", organiser)
                : "",
        };
    },
});
