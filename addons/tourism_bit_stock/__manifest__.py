# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Information Points' Stock",
    "summary": "One warehouse per information point, shared by the till and the "
    "brochure counter",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "tourism_base",
        "stock",
    ],
}
