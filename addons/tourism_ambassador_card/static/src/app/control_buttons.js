/** @odoo-module */
// "Ambassador card" action: type the number when the card cannot be scanned.
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {TextInputPopup} from "@point_of_sale/app/utils/input_popups/text_input_popup";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    clickTourismAmbassadorCard() {
        this.dialog.add(TextInputPopup, {
            title: _t("Ambassador Card"),
            placeholder: _t("Card number"),
            getPayload: async (code) => {
                code = code.trim();
                if (code) {
                    await this.pos.tourismUseCard(code);
                }
            },
        });
    },
});
