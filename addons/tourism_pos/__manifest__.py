# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Points of Sale",
    "summary": "One point of sale, stock location and cash journal per tourist "
    "information point (BIT), under the French POS anti-fraud rules",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "tourism_base",
        "tourism_bit_stock",
        "point_of_sale",
        "l10n_fr_pos_cert",
    ],
    "data": [
        "security/tourism_pos_groups.xml",
        "views/tourism_bit_views.xml",
        "views/pos_config_views.xml",
        "views/product_template_views.xml",
    ],
    "demo": [
        "demo/tourism_pos_demo.xml",
        "demo/pos_config_demo.xml",
    ],
}
