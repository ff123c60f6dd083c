# Copyright 2026 Odoo Tourisme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Tourism Office - Observatory in MIS Builder",
    "summary": "The observatory's indicators as a ready-made MIS Builder report: the "
    "month and the year to date, each against the previous year",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "tourism_observatory",
        "mis_builder",
    ],
    "data": [
        "data/mis_report_style_data.xml",
        "data/mis_report_data.xml",
        "data/mis_report_instance_data.xml",
        "views/tourism_observatory_mis_menus.xml",
    ],
    "demo": [
        "demo/mis_report_instance_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tourism_observatory_mis/static/tests/tours/**/*",
        ],
    },
}
