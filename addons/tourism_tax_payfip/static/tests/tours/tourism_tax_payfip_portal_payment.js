/** @odoo-module */
// A host pays the invoice of its taxe de séjour declaration by card with PayFiP, from the
// portal, in French; back from PayFiP, the payment waits for PayFiP's confirmation.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_tax_payfip_portal_payment", {
    steps: () => [
        {
            content: "Pay the invoice",
            trigger:
                "a[data-bs-target='#pay_with']:contains('Payer maintenant'):visible",
            run: "click",
        },
        {
            content: "Choose PayFiP",
            trigger: "input[name=o_payment_radio][data-provider-code=payfip]",
            run: "click",
        },
        {
            content: "Go to PayFiP",
            trigger: "button[name=o_payment_submit_button]:not(:disabled)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment waits for PayFiP's confirmation",
            // Two pages load on the way back (the return, then the status page).
            timeout: 60000,
            trigger:
                "[name=o_payment_status_alert]:contains('en cours de confirmation par PayFiP')",
        },
    ],
});
