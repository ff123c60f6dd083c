/** @odoo-module */
// At the BIT de Hagetmau, the manager of the Hôtel de l'Abbaye pays the taxe de
// séjour of the third quarter by cheque. Claire, conseillère and mandataire of the
// régie, opens the declaration, takes the payment and hands over the quittance.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_regie_invoice_desk", {
    steps: () => [
        {
            content: "The declaration is invoiced, not paid yet",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Facturée')",
        },
        {
            content: "Take the payment at the desk",
            trigger:
                "button[name=action_tourism_regie_pay]:contains('Encaisser au guichet')",
            run: "click",
        },
        {
            content: "Paid by the hotel",
            trigger: ".o_field_widget[name=partner_id] input:value(/Abbaye/)",
        },
        {
            content: "By cheque",
            trigger: ".o_field_widget[name=payment_nature] select",
            run: 'select "cheque"',
        },
        {
            content: "The cheque's number",
            trigger: ".o_field_widget[name=cheque_number] input",
            run: "edit 0012345",
        },
        {
            content: "Issue the quittance",
            trigger: "button[name=action_post]:contains('Émettre')",
            run: "click",
        },
        {
            content: "The quittance is issued",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Émise')",
        },
        {
            content: "Its number comes from the quittancier",
            trigger: ".o_field_widget[name=name]:contains(/Q\\d{4}-\\d{5}/)",
        },
        {
            content: "The invoice is paid",
            trigger:
                ".o_field_widget[name=invoice_payment_state]:contains(/Payé|En paiement/)",
        },
        {
            content: "Back to the declaration",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('TS')",
            run: "click",
        },
        {
            content: "The declaration is paid",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Payée')",
        },
    ],
});
