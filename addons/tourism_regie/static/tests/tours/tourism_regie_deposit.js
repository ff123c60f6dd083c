/** @odoo-module */
// After the closing of the Mugron till, the régisseur creates the versement of his
// régie, checks what he pays in (the till keeps its float), pays it in and opens
// the bordereau.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_regie_deposit", {
    steps: () => [
        {
            content: "New versement",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "For the régie",
            trigger: ".o_field_widget[name=regie_id] input",
            run: "edit Régie test",
        },
        {
            content: "Pick the régie",
            trigger: ".o-autocomplete--dropdown-item:contains('Régie test')",
            run: "click",
        },
        {
            content: "Compute what the régie holds",
            trigger: "button[name=action_compute_lines]",
            run: "click",
        },
        {
            content: "The Mugron till: 165.50 counted, 100.00 float kept",
            trigger:
                ".o_field_widget[name=line_ids] tr.o_data_row:contains('BIT de Mugron'):contains('165,50'):contains('65,50')",
        },
        {
            content: "Cash paid in",
            trigger: ".o_field_widget[name=amount_cash]:contains('65,50')",
        },
        {
            content: "Cheques of the tills",
            trigger: ".o_field_widget[name=amount_cheque]:contains('50,00')",
        },
        {
            content: "Total of the versement",
            trigger: ".o_field_widget[name=amount_total]:contains('115,50')",
        },
        {
            content: "In words",
            trigger:
                ".o_field_widget[name=amount_words]:contains('cent quinze euros et cinquante centimes')",
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
        {
            content: "Open the bordereau",
            trigger: "button[name=action_print]",
            run: "click",
        },
        {
            content: "The bordereau: the amount in words",
            trigger:
                ":iframe .page:contains('VERS'):contains('cent quinze euros et cinquante centimes')",
        },
        {
            content: "The bordereau: the Mugron till's cash",
            trigger: ":iframe .page:contains('BIT de Mugron'):contains('65,50')",
        },
    ],
});
