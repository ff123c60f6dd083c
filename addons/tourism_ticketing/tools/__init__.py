from . import commission
