from . import pos_config_demo
from . import tourism_bit_demo
