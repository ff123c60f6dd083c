# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Régie de recettes",
    "summary": "Régie de recettes: cash by information point, quittancier, versements "
    "to the comptable public, books, controls and the accountant's reconciliation",
    "version": "18.0.1.1.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_pos",
        "account",
        "point_of_sale",
        "mail",
        "account_reconcile_oca",
        "account_statement_import_ofx",
        "auditlog",
    ],
    "external_dependencies": {"python": ["num2words"]},
    "data": [
        "security/tourism_regie_groups.xml",
        "security/ir.model.access.csv",
        "security/tourism_regie_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_data.xml",
        "data/ir_cron_data.xml",
        "data/auditlog_rule_data.xml",
        "report/regie_reports.xml",
        "report/regie_templates.xml",
        "views/tourism_regie_views.xml",
        "views/tourism_regie_advance_views.xml",
        "wizards/tourism_regie_recap_wizard_views.xml",
        "wizards/tourism_regie_statement_import_views.xml",
        "views/tourism_regie_menus.xml",
    ],
    "demo": [
        "demo/tourism_regie_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tourism_regie/static/tests/tours/**/*",
        ],
    },
}
