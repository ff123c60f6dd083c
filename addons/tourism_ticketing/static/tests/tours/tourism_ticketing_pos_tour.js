// Copyright 2026 Odoo Tourisme
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as EventTourUtils from "@pos_event/../tests/tours/utils/event_tour_utils";
import {registry} from "@web/core/registry";

// A counsellor at the Hagetmau information point sells a partner's concert ticket
// and a museum ticket, is paid cash and hands over the receipt.
registry.category("web_tour.tours").add("tourism_ticketing_pos_sale", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickDisplayedProduct("Concert de Test"),
            EventTourUtils.increaseQuantityOfTicket("Plein tarif"),
            Dialog.confirm(),
            ProductScreen.clickDisplayedProduct("Billet musée de Test"),
            ProductScreen.totalAmountIs("24,00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Caisse BIT de Hagetmau", true, {
                remaining: "0,00",
            }),
            PaymentScreen.clickValidate(),
            // The order is synced first: slow on a loaded 2-core machine.
            ReceiptScreen.isShown()
                .flat()
                .map((step) => ({...step, timeout: 30000})),
            ReceiptScreen.totalAmountContains("24,00"),
            {
                content: "the receipt names both tickets",
                trigger:
                    ".pos-receipt:contains('Ticket Festival de Test'):contains('Billet musée de Test')",
            },
            {
                content: "the receipt says in whose name each ticket is sold",
                trigger:
                    ".pos-receipt .tourism-on-behalf:contains('Vendu au nom et pour le compte de Festival de Test')",
            },
            {
                content: "the museum ticket too",
                trigger:
                    ".pos-receipt .tourism-on-behalf:contains('Vendu au nom et pour le compte de Musée de Test')",
            },
            {
                content: "the e-ticket with its QR code can be printed",
                trigger: ".o-event-button .o-event-full",
            },
            ReceiptScreen.clickNextOrder(),
        ].flat(),
});
