/** @odoo-module */
// After a day at the till, the régisseur opens the versement, computes what to pay in
// (the till keeps its float) and pays it in to the comptable.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_regie_deposit", {
    steps: () => [
        {
            content: "Compute what the régie holds",
            trigger: "button[name=action_compute_lines]",
            run: "click",
        },
        {
            content: "Cash of the till above its float, and the cheques",
            trigger: ".o_field_widget[name=amount_total]:contains('190')",
        },
        {
            content: "Pay in",
            trigger: "button[name=action_validate]",
            run: "click",
        },
        {
            content: "Paid in: waiting for the comptable's acknowledgement",
            trigger: "button[name=action_acknowledge]",
        },
        {
            content: "The versement is numbered",
            trigger: ".o_field_widget[name=name]:contains('VERS')",
        },
    ],
});
