/** @odoo-module */
// A host declares the stays of a quarter from the portal, in French, sees the amount due,
// sends the declaration and finds the statement to download.
import {registry} from "@web/core/registry";

function setValue(selector, value) {
    const input = document.querySelector(selector);
    input.value = value;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

registry.category("web_tour.tours").add("tourism_tax_portal_declaration", {
    url: "/my",
    steps: () => [
        {
            content: "The portal offers the tourist tax",
            trigger: 'a[href="/my/tax/declarations"]:contains("Taxe de séjour")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the third quarter",
            trigger: "select[name=period_id]",
            run() {
                const select = document.querySelector("select[name=period_id]");
                const option = [...select.options].find((o) =>
                    o.textContent.includes("01/07/2026")
                );
                select.value = option.value;
            },
        },
        {
            content: "Declare the period",
            trigger: "form.o_tourism_declare_period button:contains('Déclarer')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter a stay",
            trigger: "form.o_tourism_add_stay input[name=arrival]",
            run() {
                setValue("input[name=arrival]", "2026-07-12");
                setValue("input[name=departure]", "2026-07-15");
                setValue("input[name=persons]", "4");
                setValue("input[name=exempt_minors]", "2");
            },
        },
        {
            content: "The tax of the stay shows while typing: 6 person-nights at 1.44",
            trigger: ".o_tourism_stay_amount:contains('8,64')",
        },
        {
            content: "A wrong number is explained at once",
            trigger: ".o_tourism_stay_preview:not(.d-none)",
            run() {
                setValue("input[name=exempt_minors]", "5");
            },
        },
        {
            content: "The host is told what is wrong",
            trigger: ".o_tourism_stay_error:contains('exonérées')",
            run() {
                setValue("input[name=exempt_minors]", "2");
            },
        },
        {
            content: "Back to a valid stay",
            trigger: ".o_tourism_stay_amount:contains('8,64')",
        },
        {
            content: "Add it",
            trigger: "button:contains('Ajouter le séjour')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The amount due is shown before sending: 6 nights at 1.44",
            trigger: ".o_tourism_total:contains('8,64')",
        },
        {
            content: "Send the declaration",
            trigger: "button:contains('Envoyer la déclaration')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The office has it",
            trigger: ".alert-success:contains('envoyée')",
        },
        {
            content: "The statement can be downloaded",
            trigger: "a.o_tourism_pdf:contains('Télécharger')",
        },
    ],
});
