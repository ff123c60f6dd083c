from . import test_warehouse
