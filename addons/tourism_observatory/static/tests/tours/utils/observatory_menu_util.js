/** @odoo-module */
// The steps that open the Observatoire menu of the Office de Tourisme app, shared by
// the tours of the observatory and of its reports.

export function openObservatoryMenu() {
    return [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Office de Tourisme app",
            trigger:
                '.o_app[data-menu-xmlid="tourism_base.menu_tourism_root"]:contains("Office de Tourisme")',
            run: "click",
        },
        {
            // Its section, or the "+" menu that holds the sections the navbar has no
            // room for (its place depends on the screen and the addons).
            content: "Open the Observatoire menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="tourism_observatory.menu_tourism_observatory"], .o_menu_sections_more > button',
            run: "click",
        },
    ];
}
