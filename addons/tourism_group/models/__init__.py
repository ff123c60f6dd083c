# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import product_template
from . import tourism_group_theme
from . import tourism_group_season
from . import tourism_group_component_mixin
from . import tourism_group_package
from . import tourism_group_package_component
from . import tourism_group_package_bracket
from . import tourism_group_order_component
from . import sale_order
from . import sale_order_line
from . import purchase_order
from . import crm_lead
from . import tourism_group_margin_statement
from . import tourism_group_margin_statement_line
