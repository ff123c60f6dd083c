from . import test_portal_payfip
