# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Welcome Desk and Quality Bridge",
    "summary": "Send the counter satisfaction survey by e-mail to the visitors who "
    "agreed to it at the welcome desk",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "tourism_welcome",
        "tourism_quality",
    ],
    "data": [
        "data/ir_cron_data.xml",
        "views/tourism_welcome_consent_views.xml",
    ],
}
