/** @odoo-module */
// A conseillère, whose interface is in French, opens the counter screen and counts a
// Spanish visitor in ONE click, then adds the theme asked about in three more.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_welcome_counter", {
    url: "/odoo/action-tourism_welcome.tourism_welcome_counter_action",
    steps: () => [
        {
            content: "The counter screen is open, in French, with today's count at 0",
            trigger:
                '.o_tourism_welcome_counter .o_kanban_record:contains("Comptoir · Espagne") .badge:contains("0")',
        },
        {
            content: "Click 1: the quick button records the contact",
            trigger:
                '.o_tourism_welcome_counter .o_kanban_record:contains("Comptoir · Espagne")',
            run: "click",
        },
        {
            content: "Recorded: the notification says so, in French",
            trigger: '.o_notification:contains("Contact enregistré")',
        },
        {
            content: "The tile now counts one contact today",
            trigger:
                '.o_tourism_welcome_counter .o_kanban_record:contains("Comptoir · Espagne") .badge:contains("1")',
        },
        {
            content: "Details, click 1: open the last contact",
            trigger: 'button:contains("Modifier le dernier")',
            run: "click",
        },
        {
            content: "Details, click 2: tick the theme asked about",
            trigger:
                '.o_tourism_welcome_themes .form-check:contains("Randonnée / Vélo") input',
            run: "click",
        },
        {
            content: "Details, click 3: save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
