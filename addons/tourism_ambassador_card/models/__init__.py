from . import barcode_rule
from . import tourism_ambassador_card_type
from . import tourism_ambassador_card
from . import pos_order
from . import pos_order_line
from . import res_partner
