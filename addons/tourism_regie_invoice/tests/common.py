# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command


def regie_nature_accounts(env, cash, cheque):
    """A régie's accounts of cash and cheques: one line per payment nature."""
    return {
        "nature_account_ids": [
            Command.create({"nature": "cash", "account_id": cash.id}),
            Command.create({"nature": "cheque", "account_id": cheque.id}),
        ]
    }
