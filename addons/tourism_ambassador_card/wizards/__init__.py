from . import tourism_ambassador_card_issue
