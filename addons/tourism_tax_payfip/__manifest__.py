# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Tourist Tax paid through PayFiP",
    "summary": "Hosts pay their taxe de séjour invoices by card through PayFiP",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["tourism_tax", "payment_payfip"],
    "demo": ["demo/payment_provider_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "tourism_tax_payfip/static/tests/tours/**/*",
        ],
    },
}
