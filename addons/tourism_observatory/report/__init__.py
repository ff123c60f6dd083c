from . import tourism_observatory_annual
from . import tourism_observatory_annual_xlsx
