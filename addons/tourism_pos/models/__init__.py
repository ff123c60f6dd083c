from . import pos_config
from . import tourism_bit
from . import pos_payment_method
from . import product_template
from . import product_product
