from . import test_commission_tools
from . import test_ticketing
from . import test_allotment_concurrency
from . import test_portal
from . import test_periods_tools
from . import test_scheduled_settlements
from . import test_closing_queries
from . import test_pos_tour
