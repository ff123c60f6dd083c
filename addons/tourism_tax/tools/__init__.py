from . import calculator
from . import categories
from . import deliberation_rules
from . import registration
from . import stay_import
from . import platform_import
from . import fines
