from . import identifiers
from . import spreadsheet
from . import money
