# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Once justified, the supporting document of an advance is final.
_JUSTIFIED = ("justified", "reimbursed")


class TourismRegieAdvance(models.Model):
    """An expense paid to a third party from the advance of a régie d'avances et
    de recettes: paid, justified by the régisseur, then reimbursed by the
    comptable (the advance is made up again). Never paid from the recettes: the
    advance is a fund of its own (CGCT R1617-12 and R1617-16; non-contraction of
    recettes and expenses, instruction 06-031-A-B-M)."""

    _name = "tourism.regie.advance"
    _description = "Advance Paid from the Régie"
    _inherit = [
        "tourism.regie.document.mixin",
        "tourism.money.document.mixin",
        "mail.thread",
    ]
    _order = "date desc, id desc"

    _money_locked_fields = (
        "name",
        "regie_id",
        "date",
        "partner_id",
        "description",
        "amount",
        "move_id",
        "paid_by_id",
        "reimbursement_date",
        "reimbursement_move_id",
    )

    # Only a régie d'avances et de recettes pays advances: the mixin's field
    # with this domain added.
    regie_id = fields.Many2one(domain="[('kind', '=', 'advances_receipts')]")
    partner_id = fields.Many2one(
        "res.partner", string="Paid to", required=True, tracking=True
    )
    description = fields.Char(required=True, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("paid", "Paid"),
            ("justified", "Justified"),
            ("reimbursed", "Reimbursed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    justification_ref = fields.Char(
        string="Supporting Document",
        tracking=True,
        copy=False,
        help="Invoice or receipt of the third party that justifies the expense.",
    )
    justification_file = fields.Binary(
        string="Supporting Document (file)", attachment=True, copy=False
    )
    justification_filename = fields.Char(copy=False)
    move_id = fields.Many2one(
        "account.move", string="Payment Entry", readonly=True, copy=False
    )
    paid_by_id = fields.Many2one(
        "res.users", string="Paid by", readonly=True, copy=False
    )
    reimbursement_date = fields.Date(readonly=True, copy=False, tracking=True)
    reimbursement_move_id = fields.Many2one(
        "account.move", string="Reimbursement Entry", readonly=True, copy=False
    )

    @api.constrains("amount")
    def _check_amount(self):
        for advance in self:
            if advance.currency_id.compare_amounts(advance.amount, 0) <= 0:
                raise ValidationError(self.env._("An advance amount is positive."))

    @api.constrains("regie_id")
    def _check_regie_kind(self):
        for advance in self:
            if advance.regie_id.kind != "advances_receipts":
                raise ValidationError(
                    self.env._(
                        "%(regie)s is a régie de recettes only: it cannot pay "
                        "advances.",
                        regie=advance.regie_id.name,
                    )
                )

    def write(self, vals):
        # The supporting document is given on a paid advance; justified, it stays.
        justification = {
            "justification_ref",
            "justification_file",
            "justification_filename",
        }
        if (
            justification & set(vals)
            and not self._money_is_trusted()
            and any(a.state in _JUSTIFIED for a in self)
        ):
            raise self._money_lock_error()
        return super().write(vals)

    def _money_locks_file(self, field_name):
        # Its file stays too, against ir.attachment as against write.
        if field_name == "justification_file":
            return any(advance.state in _JUSTIFIED for advance in self.exists())
        return super()._money_locks_file(field_name)

    def _post_move(self, date, ref, debit_account, credit_account, label):
        # Posted as the superuser, like receipts and versements: the régie's
        # journal is hashed.
        self.ensure_one()
        regie = self.regie_id.sudo()
        move = (
            self.env["account.move"]
            .with_user(SUPERUSER_ID)
            .create(
                {
                    "journal_id": regie.journal_id.id,
                    "date": date,
                    "ref": ref,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": debit_account.id,
                                "partner_id": self.partner_id.id,
                                "debit": self.amount,
                            }
                        ),
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": credit_account.id,
                                "partner_id": self.partner_id.id,
                                "credit": self.amount,
                            }
                        ),
                    ],
                }
            )
        )
        move.action_post()
        return move

    def action_pay(self):
        """Pay the third party from the advance fund: the expense waits on the
        advances account until the comptable reimburses it."""
        for advance in self:
            if advance.state != "draft":
                raise UserError(self.env._("The advance is already paid."))
            advance.regie_id._check_operator()
            regie = advance.regie_id.sudo()
            fund = regie.advance_cash_account_id
            if not regie.advance_account_id or not fund:
                raise UserError(
                    self.env._(
                        "Set the advance of %(regie)s (its amount and accounts) "
                        "first: expenses are paid from it, never from the "
                        "recettes.",
                        regie=regie.name,
                    )
                )
            regie._lock_books()
            balances = regie._balances(date_to=advance.date, accounts=fund)
            held = min(balances[fund], regie._balances(accounts=fund)[fund])
            if advance.currency_id.compare_amounts(float(held), advance.amount) < 0:
                raise UserError(
                    self.env._(
                        "The advance fund holds %(held)s: %(amount)s cannot be "
                        "paid (the recettes are never used for expenses).",
                        held=held,
                        amount=advance.amount,
                    )
                )
            name = self.env["ir.sequence"].next_by_code(
                "tourism.regie.advance", sequence_date=advance.date
            )
            move = advance._post_move(
                advance.date,
                name,
                regie.advance_account_id,
                fund,
                f"{name} {advance.description}",
            )
            advance._money_set_state(
                "paid",
                {"name": name, "move_id": move.id, "paid_by_id": self.env.user.id},
            )
        return True

    def action_justify(self):
        for advance in self:
            if advance.state != "paid":
                raise UserError(self.env._("Only a paid advance is justified."))
            advance.regie_id._check_operator()
            if not (advance.justification_ref or "").strip():
                raise UserError(
                    self.env._("Give the reference of the supporting document.")
                )
            advance._money_set_state("justified")
        return True

    def action_reimburse(self):
        """The comptable reimburses the justified advance: the advance fund is
        made up again and the advances account is cleared. Never by the one who
        paid it (CGCT R1617-3: nobody controls his own operation)."""
        if not self.env.su and not self.env.user.has_group(
            "tourism_base.group_tourism_accountant"
        ):
            raise UserError(self.env._("Only the comptable reimburses an advance."))
        today = fields.Date.context_today(self)
        for advance in self:
            if advance.state != "justified":
                raise UserError(
                    self.env._("Only a justified advance can be reimbursed.")
                )
            if not self.env.su and advance.paid_by_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(user)s paid this advance: someone else reimburses it.",
                        user=self.env.user.name,
                    )
                )
            regie = advance.regie_id.sudo()
            move = advance._post_move(
                today,
                self.env._("Reimbursement of %(number)s", number=advance.name),
                regie.advance_cash_account_id,
                regie.advance_account_id,
                self.env._(
                    "Reimbursement of %(number)s %(description)s",
                    number=advance.name,
                    description=advance.description,
                ),
            )
            advance._money_set_state(
                "reimbursed",
                {"reimbursement_date": today, "reimbursement_move_id": move.id},
            )
        return True
