from . import test_indicators
from . import test_observatory
from . import test_ui
