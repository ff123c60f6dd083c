# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Quality",
    "summary": "Complaints with a response deadline, answered by e-mail and by the "
    "prestataire from its portal; satisfaction surveys at the counter and yearly "
    "to prestataires",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "tourism_base",
        "survey",
        "portal",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_quality_security.xml",
        "data/ir_sequence_data.xml",
        "data/tourism_complaint_theme_data.xml",
        "data/mail_template_data.xml",
        "data/survey_data.xml",
        "data/ir_cron_data.xml",
        "report/survey_reports.xml",
        "views/tourism_complaint_views.xml",
        "views/tourism_complaint_theme_views.xml",
        "views/res_company_views.xml",
        "views/tourism_quality_portal_templates.xml",
        "views/tourism_quality_menus.xml",
    ],
    "demo": [
        "demo/tourism_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tourism_quality/static/tests/tours/**/*",
        ],
    },
}
