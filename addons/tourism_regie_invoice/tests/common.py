# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command


def regie_nature_accounts(env, cash, cheque):
    """A régie's accounts of cash and cheques, in the shape tourism_regie
    declares them: one account per payment nature in a table, or one field per
    nature (before the payment-nature definition)."""
    if "nature_account_ids" in env["tourism.regie"]._fields:
        return {
            "nature_account_ids": [
                Command.create({"nature": "cash", "account_id": cash.id}),
                Command.create({"nature": "cheque", "account_id": cheque.id}),
            ]
        }
    return {"cash_account_id": cash.id, "cheque_account_id": cheque.id}
