# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Payment Provider: PayFiP",
    "summary": "Card payments to a French public body through the DGFiP's PayFiP",
    "version": "18.0.1.0.0",
    "category": "Accounting/Payment Providers",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["account_payment"],
    "external_dependencies": {"python": ["eopayment"]},
    "data": [
        "views/payment_payfip_templates.xml",
        "views/payment_provider_views.xml",
        "views/payment_transaction_views.xml",
        "data/payment_provider_data.xml",
        "data/ir_cron_data.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
