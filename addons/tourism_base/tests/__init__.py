from . import test_identifiers
from . import test_directory
from . import test_access
from . import test_portal
from . import test_ui
from . import test_spreadsheet
from . import test_money
from . import test_password_policy
