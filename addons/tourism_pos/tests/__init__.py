from . import test_tourism_pos
