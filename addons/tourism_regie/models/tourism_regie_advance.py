# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError


class TourismRegieAdvance(models.Model):
    """An expense paid to a third party from the cash of a régie d'avances et de
    recettes: paid, justified by the régisseur, then reimbursed by the comptable
    (the régie's cash is made up again)."""

    _name = "tourism.regie.advance"
    _description = "Advance Paid from the Régie"
    _inherit = ["tourism.regie.document.mixin", "mail.thread"]
    _order = "date desc, id desc"

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
        locked = {"regie_id", "date", "partner_id", "description", "amount"}
        if locked & set(vals) and any(a.state != "draft" for a in self):
            raise UserError(self.env._("A paid advance cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("A paid advance cannot be deleted."))

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
        """Pay the third party from the régie's cash: the expense waits on the
        advances account until the comptable reimburses it."""
        for advance in self:
            if advance.state != "draft":
                raise UserError(self.env._("The advance is already paid."))
            advance.regie_id._check_operator()
            regie = advance.regie_id.sudo()
            if not regie.advance_account_id:
                raise UserError(
                    self.env._(
                        "Set the advances account of %(regie)s first.",
                        regie=regie.name,
                    )
                )
            held = regie._balances(
                date_to=advance.date, accounts=regie.cash_account_id
            )[regie.cash_account_id]
            if advance.currency_id.compare_amounts(float(held), advance.amount) < 0:
                raise UserError(
                    self.env._(
                        "The régie's cash holds %(held)s: %(amount)s cannot be paid.",
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
                regie.cash_account_id,
                f"{name} {advance.description}",
            )
            advance.write({"name": name, "state": "paid", "move_id": move.id})
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
            advance.state = "justified"
        return True

    def action_reimburse(self):
        """The comptable reimburses the justified advance: the régie's cash is
        made up again and the advances account is cleared."""
        if not self.env.user.has_group("tourism_base.group_tourism_accountant"):
            raise UserError(self.env._("Only the comptable reimburses an advance."))
        today = fields.Date.context_today(self)
        for advance in self:
            if advance.state != "justified":
                raise UserError(
                    self.env._("Only a justified advance can be reimbursed.")
                )
            regie = advance.regie_id.sudo()
            move = advance._post_move(
                today,
                self.env._("Reimbursement of %(number)s", number=advance.name),
                regie.cash_account_id,
                regie.advance_account_id,
                self.env._(
                    "Reimbursement of %(number)s %(description)s",
                    number=advance.name,
                    description=advance.description,
                ),
            )
            advance.write(
                {
                    "state": "reimbursed",
                    "reimbursement_date": today,
                    "reimbursement_move_id": move.id,
                }
            )
        return True
