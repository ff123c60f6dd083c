# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Base",
    "summary": "Prestataires directory, territory, labels, classifications, "
    "partnership packs and BITs of a French tourism office",
    "version": "18.0.1.1.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "portal",
        # OCA: who changed what and when on the money documents (their addons
        # subscribe them); the Responsable OT reads the log.
        "auditlog",
        # OCA: password policy (length, character classes, history) for hosts and staff.
        "password_security",
        "contacts",
        "membership",
        "l10n_fr",
    ],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/tourism_base_groups.xml",
        "security/ir.model.access.csv",
        "security/tourism_base_security.xml",
        "data/tourism_commune_data.xml",
        "data/tourism_activity_type_data.xml",
        "data/tourism_label_data.xml",
        "data/tourism_classification_scheme_data.xml",
        "data/ir_cron_data.xml",
        "data/password_policy_data.xml",
        "data/tourism_payment_nature_data.xml",
        "views/tourism_epci_views.xml",
        "views/tourism_commune_views.xml",
        "views/tourism_activity_type_views.xml",
        "views/tourism_label_views.xml",
        "views/tourism_partner_label_views.xml",
        "views/tourism_classification_scheme_views.xml",
        "views/tourism_partner_classification_views.xml",
        "views/tourism_bit_views.xml",
        "views/tourism_payment_nature_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/tourism_base_menus.xml",
        "views/tourism_portal_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/tourism_bit_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/product_product_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [("remove", "web/static/fonts/fonts.scss")],
        "web.assets_tests": [
            "tourism_base/static/tests/tours/**/*",
        ],
    },
}
