# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Ticketing",
    "summary": "Resale of partners' event and site tickets under a mandate: "
    "allotments, per-ticket commission, settlements, organiser portal",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_pos",
        "event",
        "event_sale",
        "pos_event",
        "portal",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["num2words"]},
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_ticketing_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/auditlog_rule_data.xml",
        "views/tourism_ticketing_mandate_views.xml",
        "views/tourism_ticketing_settlement_views.xml",
        "wizards/tourism_ticketing_settlement_generate_views.xml",
        "views/tourism_ticketing_sale_report_views.xml",
        "views/event_event_views.xml",
        "views/product_template_views.xml",
        "views/tourism_ticketing_menus.xml",
        "views/tourism_ticketing_portal_templates.xml",
        "report/tourism_ticketing_settlement_reports.xml",
        "report/tourism_ticketing_settlement_templates.xml",
        "report/report_invoice_templates.xml",
        "report/event_ticket_templates.xml",
    ],
    "demo": [
        "demo/tourism_ticketing_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "tourism_ticketing/static/src/**/*",
        ],
        "web.assets_tests": [
            "tourism_ticketing/static/tests/tours/**/*",
        ],
    },
}
