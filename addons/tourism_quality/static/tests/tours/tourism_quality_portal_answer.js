/** @odoo-module */
// A prestataire, whose portal is in French, answers a visitor's remark about its
// business.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("tourism_quality_portal_answer", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home shows the visitors' remarks, in French",
            trigger: 'a[href="/my/complaints"]:contains("Remarques des visiteurs")',
            run: "click",
        },
        {
            content: "Open the remark",
            trigger: '.o_tourism_portal_complaints a:contains("DOL/")',
            run: "click",
        },
        {
            content: "The remark is shown, not who made it",
            trigger:
                '.o_tourism_portal_complaint:contains("Chambre bruyante"):not(:contains("Visiteur Mécontent"))',
        },
        {
            content: "Write the answer",
            trigger: "textarea[name=answer]",
            run: "edit Des travaux de voirie ont eu lieu ; nous prévenons désormais nos hôtes.",
        },
        {
            content: "Send it",
            trigger: 'button:contains("Envoyer ma réponse")',
            run: "click",
        },
        {
            content: "Thanked, in French",
            trigger: '.alert-success:contains("Merci")',
        },
    ],
});
