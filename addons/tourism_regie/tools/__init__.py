from . import regie_maths
from . import statement_csv
