# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Observatory",
    "summary": "The office's year at a glance: contacts, tax, shop, tickets, groups, "
    "ambassador card and quality against the previous year; annual report and "
    "open data",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_welcome",
        "tourism_quality",
        "tourism_tax",
        "tourism_pos",
        "tourism_ticketing",
        "tourism_group",
        "tourism_ambassador_card",
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_observatory_security.xml",
        "views/tourism_observatory_templates.xml",
        "views/tourism_observatory_fact_views.xml",
        "views/tourism_observatory_dashboard_views.xml",
        "wizards/tourism_observatory_report_wizard_views.xml",
        "report/tourism_observatory_reports.xml",
        "report/tourism_observatory_templates.xml",
        "views/tourism_observatory_menus.xml",
    ],
    "demo": [
        "demo/tourism_observatory_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tourism_observatory/static/tests/tours/**/*",
        ],
    },
}
