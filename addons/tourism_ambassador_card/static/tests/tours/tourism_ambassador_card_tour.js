/** @odoo-module */
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as TextInputPopup from "@point_of_sale/../tests/tours/utils/text_input_popup_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import {scan_barcode} from "@point_of_sale/../tests/tours/utils/common";
import {registry} from "@web/core/registry";

// Numbers of the cards made by tests/common.py (make_card_number(900001/900002)).
const VALID = "0450000009000014";
const EXPIRED = "0450000009000022";

registry.category("web_tour.tours").add("tourism_ambassador_card_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            // A partner's staff member buys wine and a resold ticket: 10 % on the wine only.
            ProductScreen.clickDisplayedProduct("Tursan rouge"),
            ProductScreen.clickDisplayedProduct("Billet Festival Pimbo"),
            ProductScreen.totalAmountIs("24,50"),
            scan_barcode(VALID),
            ProductScreen.customerIsSelected("Jeanne Darrigrand"),
            ProductScreen.totalAmountIs("23,55"),
            // A line added after the scan gets the discount too: 8.00 - 10 %.
            ProductScreen.clickDisplayedProduct("Mug Chalosse Tursan"),
            ProductScreen.totalAmountIs("30,75"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Carte"),
            PaymentScreen.clickValidate(),
            {
                content: "the receipt shows the card and its discount",
                trigger: `.pos-receipt .o_tourism_receipt_card:contains(${VALID})`,
                // The order is synced first: slow on a loaded 2-core machine.
                timeout: 30000,
            },
            ReceiptScreen.clickNextOrder(),
            // An expired card, typed in as it could not be scanned, is refused and
            // gives nothing.
            ProductScreen.clickDisplayedProduct("Mug Chalosse Tursan"),
            ProductScreen.clickControlButtonMore(),
            {
                content: "open the ambassador card entry",
                trigger: ".o_tourism_card_button",
                run: "click",
            },
            TextInputPopup.inputText(EXPIRED),
            Dialog.confirm(),
            Dialog.bodyIs(EXPIRED),
            Dialog.confirm(),
            ProductScreen.totalAmountIs("8,00"),
        ].flat(),
});
