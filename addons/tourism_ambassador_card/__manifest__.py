# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Shop and Ambassador Card",
    "summary": "Shop at the information points with stock per point, and the "
    "ambassador card giving partners and residents discounts at the till",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_pos",
        "point_of_sale",
        "stock_account",
        "portal",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_ambassador_card_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/barcode_rule_data.xml",
        "data/tourism_ambassador_card_type_data.xml",
        "report/tourism_ambassador_card_reports.xml",
        "report/tourism_ambassador_card_templates.xml",
        "views/tourism_ambassador_card_views.xml",
        "views/tourism_ambassador_card_type_views.xml",
        "views/res_partner_views.xml",
        "views/pos_order_views.xml",
        "views/tourism_ambassador_card_portal_templates.xml",
        "wizards/tourism_ambassador_card_issue_views.xml",
        "views/tourism_ambassador_card_menus.xml",
    ],
    "demo": [
        "demo/product_demo.xml",
        "demo/tourism_ambassador_card_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "tourism_ambassador_card/static/src/**/*",
        ],
        "web.assets_tests": [
            "tourism_ambassador_card/static/tests/tours/**/*",
        ],
    },
}
