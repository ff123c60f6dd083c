# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Welcome Desk",
    "summary": "Count every visitor contact at the information points in one click, "
    "GDPR consents, brochures stock per point and brochures sent by post",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_bit_stock",
        "stock",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_welcome_security.xml",
        "data/res_country_state_data.xml",
        "data/tourism_welcome_theme_data.xml",
        "data/product_category_data.xml",
        "data/tourism_welcome_preset_data.xml",
        "data/ir_cron_data.xml",
        "report/tourism_welcome_request_reports.xml",
        "views/tourism_welcome_contact_views.xml",
        "views/tourism_welcome_preset_views.xml",
        "views/tourism_welcome_theme_views.xml",
        "views/tourism_welcome_consent_views.xml",
        "views/tourism_welcome_request_views.xml",
        "views/tourism_bit_views.xml",
        "views/product_template_views.xml",
        "wizards/tourism_welcome_consent_wizard_views.xml",
        "views/tourism_welcome_menus.xml",
    ],
    "demo": [
        "demo/product_demo.xml",
        "demo/tourism_welcome_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "tourism_welcome/static/src/scss/tourism_welcome.scss",
        ],
        "web.assets_tests": [
            "tourism_welcome/static/tests/tours/**/*",
        ],
    },
}
