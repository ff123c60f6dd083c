from . import identifiers
from . import spreadsheet
