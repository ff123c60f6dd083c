from . import identifiers
from . import spreadsheet
from . import money
from . import calendar
from . import locks
