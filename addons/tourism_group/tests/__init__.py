# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_pricing
from . import test_package
from . import test_quote
from . import test_access
from . import test_margin_vat
