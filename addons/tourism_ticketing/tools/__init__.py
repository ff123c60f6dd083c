from . import commission
from . import periods
