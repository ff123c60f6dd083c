from . import test_benefits
from . import test_card
from . import test_portal
from . import test_shop
from . import test_pos_order
from . import test_ui
from . import test_cap_concurrency
