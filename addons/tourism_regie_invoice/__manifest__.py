# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Invoices paid at the BIT desk",
    "summary": "A mandataire of the régie takes the payment of an open customer "
    "invoice (a taxe de séjour declaration) with a quittance of the quittancier",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["tourism_regie", "tourism_tax"],
    "data": [
        "security/tourism_regie_invoice_security.xml",
        "views/tourism_regie_receipt_views.xml",
        "views/account_move_views.xml",
        "views/tourism_tax_declaration_views.xml",
    ],
    "demo": ["demo/tourism_regie_invoice_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "tourism_regie_invoice/static/tests/tours/**/*",
        ],
    },
}
