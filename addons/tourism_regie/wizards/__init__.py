from . import tourism_regie_recap_wizard
