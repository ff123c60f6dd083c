from . import res_users
from . import res_groups
from . import ir_rule
from . import pos_config
from . import pos_session
from . import tourism_regie
from . import tourism_regie_nature_account
from . import tourism_regie_document_mixin
from . import tourism_regie_mandataire
from . import tourism_regie_receipt_type
from . import tourism_regie_receipt
from . import tourism_regie_deposit
from . import tourism_regie_deposit_line
from . import tourism_regie_advance

# The journal de caisse's view reads the tables of the models above.
from . import tourism_regie_book_line
