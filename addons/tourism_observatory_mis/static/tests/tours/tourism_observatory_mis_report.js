/** @odoo-module */
// The Responsable OT, whose interface is in French, opens the observatory's MIS report
// from the menu: the month and the year to date, each with the previous year beside
// them, already computed (the demo history).
import {openObservatoryMenu} from "@tourism_observatory/../tests/tours/utils/observatory_menu_util";
import {registry} from "@web/core/registry";

const TABLE = "table.mis_builder";
// The visitors' row: its second figure is the same month of the previous year (demo
// history), a number that is not zero.
const VISITORS_LAST_YEAR =
    TABLE + ' tr:contains("Visiteurs accueillis") td:eq(2):contains(/[1-9]/)';

registry.category("web_tour.tours").add("tourism_observatory_mis_report", {
    url: "/odoo",
    steps: () => [
        ...openObservatoryMenu(),
        {
            content: "Open the indicators N / N-1",
            trigger:
                '.dropdown-item[data-menu-xmlid="tourism_observatory_mis.menu_tourism_observatory_mis"]:contains("Indicateurs N / N-1")',
            run: "click",
        },
        {
            content: "The month and the year to date against N-1, in French",
            trigger: `${TABLE} th:contains("Mois") ~ th:contains("Même mois N-1") ~ th:contains("Évolution") ~ th:contains("Cumul annuel") ~ th:contains("Cumul annuel N-1")`,
        },
        {
            content: "A heading per mission",
            trigger: `${TABLE} td:contains("Accueil")`,
        },
        {
            content: "The visitors welcomed a year ago (demo history) are shown",
            trigger: VISITORS_LAST_YEAR,
        },
    ],
});
