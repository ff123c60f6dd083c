/** @odoo-module */
// The Responsable OT, whose interface is in French, opens the observatory's dashboard
// from the menu: this month's figures with the same month of last year beside them
// (the demo history); she chooses another month and the table follows.
import {openObservatoryMenu} from "@tourism_observatory/../tests/tours/utils/observatory_menu_util";
import {registry} from "@web/core/registry";

// The French month names of the selection (tourism_base/tools/calendar.py).
const MONTHS = [
    "Janvier",
    "Février",
    "Mars",
    "Avril",
    "Mai",
    "Juin",
    "Juillet",
    "Août",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
];
const TABLE = ".o_tourism_observatory_table";
// The visitors' row: its third cell is the same month of the previous year, a figure
// of the demo history (a number that is not zero).
const VISITORS_LAST_YEAR =
    TABLE + ' tr:contains("Visiteurs accueillis") td:eq(2):contains(/^[1-9]/)';

registry.category("web_tour.tours").add("tourism_observatory_dashboard", {
    url: "/odoo",
    steps: () => {
        // Today in the office's time zone, as the dashboard's default month.
        const today = luxon.DateTime.now().setZone("Europe/Paris");
        const year = today.year;
        const current = today.month;
        // Another month, in summer: July, or August in July.
        const other = current === 7 ? 8 : 7;
        return [
            ...openObservatoryMenu(),
            {
                content: "Open its dashboard",
                trigger:
                    '.dropdown-item[data-menu-xmlid="tourism_observatory.menu_tourism_observatory_dashboard"]:contains("Tableau de bord")',
                run: "click",
            },
            {
                content: "The dashboard is open, in French",
                trigger: '.o_breadcrumb:contains("Observatoire")',
            },
            {
                content: "This month against the same month of last year, in French",
                trigger: `${TABLE} th:contains("${MONTHS[current - 1]} ${year}") ~ th:contains("${MONTHS[current - 1]} ${year - 1}") ~ th:contains("Évolution") ~ th:contains("Cumul annuel")`,
            },
            {
                content: "The visitors welcomed a year ago (demo history) are shown",
                trigger: VISITORS_LAST_YEAR,
            },
            {
                content: "Choose another month",
                trigger: '.o_field_widget[name="month"] select',
                run: `select "${other}"`,
            },
            {
                content: "The table now shows that month, against the previous year",
                trigger: `${TABLE} th:contains("${MONTHS[other - 1]} ${year}") ~ th:contains("${MONTHS[other - 1]} ${year - 1}")`,
            },
            {
                content: "with that month's visitors of last year",
                trigger: VISITORS_LAST_YEAR,
            },
            {
                content: "Keep the month chosen",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_saved",
            },
        ];
    },
});
