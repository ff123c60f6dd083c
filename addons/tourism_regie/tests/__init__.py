from . import test_regie_maths
from . import test_regie
from . import test_receipt
from . import test_deposit
from . import test_pos_books
from . import test_controls
from . import test_access
