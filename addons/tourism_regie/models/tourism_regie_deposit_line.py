# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismRegieDepositLine(models.Model):
    _name = "tourism.regie.deposit.line"
    _inherit = ["tourism.money.document.mixin"]
    _description = "Versement Line"
    _order = "deposit_id, nature, id"

    # Frozen whole, creation and deletion too, once its versement is paid in.
    _money_parent_field = "deposit_id"

    deposit_id = fields.Many2one(
        "tourism.regie.deposit", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="deposit_id.currency_id")
    nature = fields.Selection(
        selection=lambda self: self.env["tourism.payment.nature"]._selection(),
        required=True,
    )
    bit_id = fields.Many2one("tourism.bit", string="Information Point")
    account_id = fields.Many2one("account.account", required=True)
    # Proposed by "Compute", set again from the books when the versement is
    # validated: never what a client sent.
    balance = fields.Monetary(string="Held", readonly=True)
    amount = fields.Monetary(string="Paid in")
    # The till's cash is counted at each closing and Odoo opens the next session
    # with that count: the versement says from which closing it took the cash, so
    # the next opening expects what is left.
    pos_session_id = fields.Many2one(
        "pos.session", string="Till Session", readonly=True, index="btree_not_null"
    )

    @api.constrains("amount", "balance")
    def _check_amount(self):
        for line in self:
            if line.currency_id.compare_amounts(line.amount, 0) < 0:
                raise ValidationError(self.env._("A versement amount is positive."))
            if line.currency_id.compare_amounts(line.amount, line.balance) > 0:
                raise ValidationError(
                    self.env._(
                        "%(account)s holds %(balance)s: %(amount)s cannot be paid in.",
                        account=line.account_id.display_name,
                        balance=line.balance,
                        amount=line.amount,
                    )
                )
