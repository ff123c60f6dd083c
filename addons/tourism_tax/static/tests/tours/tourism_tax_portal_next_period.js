/** @odoo-module */
// The demo host (Hôtel de l'Abbaye) logs in, in French: the portal home page tells the
// next period to declare and its due date, and "Déclarer" opens its declaration.
import {registry} from "@web/core/registry";

const ROW = '.o_tourism_to_declare tr:contains("Hôtel de l\'Abbaye")';

registry.category("web_tour.tours").add("tourism_tax_portal_next_period", {
    url: "/my",
    steps: () => [
        {
            content: "The next period to declare (the test checks which one)",
            trigger: `${ROW} .o_tourism_next_period:contains("/20")`,
        },
        {
            content: "Its due date",
            trigger: `${ROW} .o_tourism_due_date:contains("/20")`,
        },
        {
            content: "The invoice of the third quarter waits to be paid",
            trigger: ".o_tourism_to_pay a.o_tourism_pay:contains('Payer')",
        },
        {
            content: "Each tile has its own pictogram",
            trigger:
                ".o_portal_index_card img[src='/tourism_tax/static/src/img/declarations.svg']",
        },
        {
            content: "Declare it",
            trigger: `${ROW} button:contains('Déclarer')`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its declaration opens, a draft",
            trigger: "h3:contains('Brouillon')",
        },
    ],
});
