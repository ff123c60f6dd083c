from . import account_move
from . import tourism_regie
from . import tourism_regie_receipt
from . import tourism_tax_declaration
