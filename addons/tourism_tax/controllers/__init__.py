from . import portal
from . import declaration_portal
