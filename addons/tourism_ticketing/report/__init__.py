from . import tourism_ticketing_settlement_xlsx
