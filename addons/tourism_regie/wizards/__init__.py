from . import tourism_regie_recap_wizard
from . import tourism_regie_statement_import
from . import account_statement_import
