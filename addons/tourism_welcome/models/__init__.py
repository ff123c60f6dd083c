from . import product_template
from . import tourism_bit
from . import tourism_welcome_theme
from . import tourism_welcome_preset
from . import tourism_welcome_contact
from . import tourism_welcome_brochure_line
from . import tourism_welcome_consent
from . import tourism_welcome_request
