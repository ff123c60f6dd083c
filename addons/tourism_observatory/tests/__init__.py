from . import test_indicators
from . import test_observatory
from . import test_ui
from . import test_tax_nights
from . import test_demo_history
