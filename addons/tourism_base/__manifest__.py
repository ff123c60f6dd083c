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
        # The printed documents (avis, quittances, attestations, bordereaux) use the
        # report font installed on the server (scripts/setup.sh installs Lato, Odoo's
        # default, and the other fonts of the layout settings it can), not Odoo's web
        # fonts: wkhtmltopdf built on Debian's Qt draws web-font text as outlines, so a
        # one-page avis weighed 334 KB with no searchable text; with the system font
        # embedded it is 55 KB of real text that screen readers and searches can use.
        "web.report_assets_common": [
            ("remove", "web/static/fonts/fonts.scss"),
        ],
        "web.assets_tests": [
            "tourism_base/static/tests/tours/**/*",
        ],
    },
}
