/** @odoo-module */
// A day at the Mugron information point: the conseiller opens the till with the
// float left the day before, sells two topoguides paid cash, counts the cash and
// closes the till through Odoo's closing popup.
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_regie_pos_closing", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Ouvrir la caisse"),
            ProductScreen.clickDisplayedProduct("Topoguide Chalosse Tursan"),
            ProductScreen.clickDisplayedProduct("Topoguide Chalosse Tursan"),
            ProductScreen.totalAmountIs("25,50"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Mugron", true, {remaining: "0,00"}),
            PaymentScreen.clickValidate(),
            // The receipt shows once the order is synced: slower than a step's
            // default 10 s when the machine is loaded.
            ReceiptScreen.isShown().map((step) => ({...step, timeout: 30000})),
            ReceiptScreen.clickNextOrder(),
            Chrome.clickMenuOption("Fermer la caisse"),
            {
                content: "Expected in the till: 140.00 opened with + 25.50 sold",
                trigger:
                    ".modal .close-pos-popup .payment-methods-overview:contains('140,00'):contains('25,50'):contains('165,50')",
            },
            ProductScreen.closeWithCashAmount("165,50"),
            ProductScreen.cashDifferenceIs("0,00"),
            {
                ...Dialog.confirm("Fermer la caisse"),
                expectUnloadPage: true,
            },
            {
                content: "Closed: the till reloads on its next session",
                trigger: ".screen-login .open-register-btn",
            },
        ].flat(),
});

// The next morning, after the versement: the till opens expecting the float left.
registry.category("web_tour.tours").add("tourism_regie_pos_reopen", {
    steps: () =>
        [
            Chrome.startPoS(),
            {
                content:
                    "The opening cash proposed is the float left after the versement",
                trigger: ".modal .opening-cash-section input",
                run() {
                    if (this.anchor.value !== "100,00") {
                        throw new Error(
                            `Opening cash ${this.anchor.value}, not 100,00`
                        );
                    }
                },
            },
            Dialog.confirm("Ouvrir la caisse"),
            {
                content: "The opening is recorded: the popup is gone",
                trigger: "body:not(:has(.modal .opening-cash-section))",
            },
            ProductScreen.isShown(),
        ].flat(),
});
