/** @odoo-module */
// A conseiller en séjour, whose interface is in French, looks for a prestataire of Pimbo
// that holds the Accueil Vélo label.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_base_find_provider", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The app is shown with its French name",
            trigger:
                '.o_app[data-menu-xmlid="tourism_base.menu_tourism_root"]:contains("Office de Tourisme")',
            run: "click",
        },
        {
            content: "The directory opens on the prestataires, in French",
            trigger: '.o_breadcrumb:contains("Prestataires")',
        },
        {
            content: "Search the commune",
            trigger: ".o_searchview_input",
            run: "edit Pimbo",
        },
        {
            content: "Choose to search Pimbo as the commune",
            trigger: '.o_searchview_autocomplete .o_menu_item:contains("Commune")',
            run: "click",
        },
        {
            content: "Search the label",
            trigger: '.o_searchview_facet:contains("Pimbo")',
        },
        {
            trigger: ".o_searchview_input",
            run: "edit Accueil Vélo",
        },
        {
            content: "Choose to search Accueil Vélo among the labels",
            trigger: '.o_searchview_autocomplete .o_menu_item:contains("Labels")',
            run: "click",
        },
        {
            content: "The prestataire of Pimbo with the label is found",
            trigger:
                '.o_kanban_record:contains("Gîte du Test"):contains("Accueil Vélo")',
        },
        {
            content: "Prestataires without the label or elsewhere are not shown",
            trigger:
                '.o_kanban_renderer:not(:has(.o_kanban_record:contains("Auberge sans label"))):not(:has(.o_kanban_record:contains("Restaurant du Voisin")))',
        },
        {
            content: "Open the prestataire",
            trigger: '.o_kanban_record:contains("Gîte du Test")',
            run: "click",
        },
        {
            content: "Its directory page is in French",
            trigger: '.o_notebook a:contains("Annuaire")',
        },
    ],
});
