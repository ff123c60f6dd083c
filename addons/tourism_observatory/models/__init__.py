from . import tourism_observatory_fact
from . import tourism_observatory_dashboard
