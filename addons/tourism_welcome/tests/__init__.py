from . import test_contact
from . import test_brochures
from . import test_consent
from . import test_ui
