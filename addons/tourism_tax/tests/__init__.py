from . import test_calculator
from . import test_deliberation_rules
from . import test_categories
from . import test_deliberation
from . import test_lodging
from . import test_portal
from . import test_declaration
from . import test_declaration_portal
