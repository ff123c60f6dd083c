/** @odoo-module **/
// Copyright 2026 Odoo Tourisme
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {waitUntil} from "@odoo/hoot-dom";

// A club reads its group quote (trip, programme, legal mentions) and signs it.
// The quote is created by the Python test (test_access.py).
registry.category("web_tour.tours").add("tourism_group_portal_accept", {
    url: "/my/quotes",
    steps: () => [
        {
            content: "Open the group quote",
            trigger: "a:contains(/^GRP-TOUR$/)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The trip and its participants are shown",
            trigger: "#tourism_group_participants:contains(38)",
        },
        {
            content: "The programme names the prestataires",
            trigger: "#tourism_group_programme:contains(Relais Test)",
        },
        {
            content: "The registration number is printed",
            trigger: "#tourism_group_conditions:contains(IM040990001)",
        },
        {
            content: "Accept and sign",
            trigger: "#sale_order_sidebar_button a[data-bs-target='#modalaccept']",
            run: "click",
        },
        {
            trigger: ".modal .o_web_sign_name_and_signature input",
            run: "edit Jeanne Lacaze",
        },
        {
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                await waitUntil(() => {
                    const canvas = helpers.anchor;
                    const context = canvas.getContext("2d");
                    const data = context.getImageData(
                        0,
                        0,
                        canvas.width,
                        canvas.height
                    );
                    return new Uint32Array(data.data.buffer).some(
                        (pixel) => pixel !== 0
                    );
                });
            },
        },
        {
            content: "Submit the signature",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The quote is now a signed order",
            trigger: "#quote_content .o_portal_sale_sidebar, #quote_content",
        },
        {
            trigger: "#portal_sale_content:contains(Jeanne Lacaze)",
        },
    ],
});
