from . import tourism_bit
