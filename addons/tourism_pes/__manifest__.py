# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Tourism Office - Titres de recettes (PES V2)",
    "summary": "Bordereaux of titres de recettes to Hélios in PES V2 (domaine Recette) "
    "for the tourist tax, and the acknowledgement in return",
    "version": "18.0.1.0.0",
    "category": "Tourism",
    "author": "Odoo Tourisme",
    "website": "https://github.com/odoo-tourisme/odoo-tourisme",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["tourism_base", "tourism_tax", "account"],
    "external_dependencies": {"python": ["lxml"]},
    "data": [
        "security/ir.model.access.csv",
        "security/tourism_pes_security.xml",
        "data/ir_sequence_data.xml",
        "data/res_country_data.xml",
        "views/tourism_pes_titre_views.xml",
        "views/tourism_pes_bordereau_views.xml",
        "views/account_account_views.xml",
        "views/product_template_views.xml",
        "views/res_company_views.xml",
        "views/res_country_views.xml",
        "views/res_partner_views.xml",
        "wizards/tourism_pes_acquit_import_views.xml",
        "report/tourism_pes_bordereau_reports.xml",
        "report/tourism_pes_bordereau_templates.xml",
        "views/tourism_pes_menus.xml",
    ],
    "demo": ["demo/tourism_pes_demo.xml"],
}
