/** @odoo-module **/
// Copyright 2026 Odoo Tourisme
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// A conseiller makes a group quote: client, package, size; the price comes on saving.
// The package and the client are created by the Python test (test_access.py).
registry.category("web_tour.tours").add("tourism_group_backend_quote", {
    url: "/odoo/action-tourism_group.sale_order_action_group",
    steps: () => [
        {
            content: "New group quote",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Club Test",
        },
        {
            trigger: ".ui-menu-item a:contains(Club Test)",
            run: "click",
        },
        {
            content: "Open the Group tab",
            trigger: "a.nav-link[name=tourism_group]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=tourism_package_id] input",
            run: "edit Journée Test",
        },
        {
            trigger: ".ui-menu-item a:contains(Journée Test)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=tourism_paying] input",
            run: "edit 38",
        },
        {
            content: "The package's driver place is proposed",
            trigger: ".o_field_widget[name=tourism_drivers] input:value(1)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the programme is loaded",
            trigger:
                ".o_field_widget[name=tourism_component_ids] .o_data_row:contains(Relais Test)",
        },
        {
            content: "and the headcount counts the free places",
            trigger: ".o_field_widget[name=tourism_headcount]:contains(40)",
        },
        {
            trigger: ".o_field_widget[name=tourism_free_places]:contains(2)",
        },
    ],
});
