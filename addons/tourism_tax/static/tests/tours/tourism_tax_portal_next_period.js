/** @odoo-module */
// The demo host (Hôtel de l'Abbaye) logs in, in French: the portal home page tells the
// next period to declare and its due date, and "Déclarer" opens its declaration.
import {registry} from "@web/core/registry";

const ROW = '.o_tourism_to_declare tr:contains("Hôtel de l\'Abbaye")';

registry.category("web_tour.tours").add("tourism_tax_portal_next_period", {
    url: "/my",
    steps: () => [
        {
            content: "The next period to declare: the first quarter of 2026",
            trigger: `${ROW} .o_tourism_next_period:contains("01/01/2026 - 31/03/2026")`,
        },
        {
            content: "Its due date, past",
            trigger: `${ROW}:has(.o_tourism_late:contains("En retard")) .o_tourism_due_date:contains("15/04/2026")`,
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
            content: "Declare the first quarter",
            trigger: `${ROW} button:contains('Déclarer')`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its declaration opens, a draft",
            trigger: "h3:contains('Brouillon')",
        },
        {
            content: "Of the first quarter",
            trigger: "p:contains('01/01/2026 - 31/03/2026'):contains('15/04/2026')",
        },
    ],
});
