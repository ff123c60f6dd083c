# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import regie_maths


class TourismRegieReceipt(models.Model):
    """A page of the quittancier: a back-office collection with its receipt."""

    _name = "tourism.regie.receipt"
    _description = "Régie Receipt (quittancier)"
    _inherit = [
        "tourism.regie.document.mixin",
        "tourism.money.document.mixin",
        "mail.thread",
    ]
    _order = "date desc, name desc, id desc"

    # An issued receipt is final: corrected by its cancellation (a reversal that
    # keeps its number), never edited nor deleted.
    _money_locked_fields = (
        "name",
        "regie_id",
        "date",
        "bit_id",
        "partner_id",
        "receipt_type_id",
        "third_party_id",
        "description",
        "amount",
        "payment_nature",
        "cheque_number",
        "cheque_bank",
        "move_id",
        "cancel_move_id",
        "user_id",
    )

    bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        default=lambda self: self.env.user.tourism_bit_id,
    )
    partner_id = fields.Many2one("res.partner", string="Paid by", tracking=True)
    receipt_type_id = fields.Many2one(
        "tourism.regie.receipt.type",
        string="Receipt Type",
        required=True,
        tracking=True,
        domain="[('regie_id', '=', regie_id)]",
    )
    is_third_party = fields.Boolean(related="receipt_type_id.is_third_party")
    third_party_id = fields.Many2one(
        "res.partner",
        string="Collected for",
        help="The third party this money is collected for.",
    )
    description = fields.Char(required=True)
    amount = fields.Monetary(required=True, tracking=True)
    amount_words = fields.Char(
        compute="_compute_amount_words", string="Amount in Words"
    )
    # Money the régisseur holds and pays in (cash, cheques...): never a card.
    payment_nature = fields.Selection(
        selection=lambda self: self.env["tourism.payment.nature"]._selection(
            paid_in=True
        ),
        required=True,
        default="cash",
        tracking=True,
    )
    cheque_number = fields.Char()
    cheque_bank = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Issued"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    move_id = fields.Many2one("account.move", string="Entry", readonly=True, copy=False)
    cancel_move_id = fields.Many2one(
        "account.move", string="Reversal", readonly=True, copy=False
    )
    cancel_reason = fields.Char(tracking=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Collected by", default=lambda self: self.env.user
    )

    @api.depends("amount")
    def _compute_amount_words(self):
        for receipt in self:
            receipt.amount_words = regie_maths.amount_in_words(str(receipt.amount or 0))

    @api.constrains("amount")
    def _check_amount(self):
        for receipt in self:
            if receipt.currency_id.compare_amounts(receipt.amount, 0) <= 0:
                raise ValidationError(self.env._("A receipt is for a positive amount."))

    @api.constrains("receipt_type_id", "regie_id", "third_party_id")
    def _check_authorised(self):
        for receipt in self:
            rtype = receipt.receipt_type_id
            if rtype.regie_id != receipt.regie_id or not rtype.active:
                raise ValidationError(
                    self.env._(
                        "%(type)s is not a receipt the acte constitutif of %(regie)s "
                        "authorises: collecting it would be gestion de fait.",
                        type=rtype.name,
                        regie=receipt.regie_id.name,
                    )
                )
            if rtype.is_third_party and receipt.third_party_id not in (
                rtype.third_party_ids
            ):
                raise ValidationError(
                    self.env._(
                        "The régie is not authorised to collect %(type)s for "
                        "%(partner)s.",
                        type=rtype.name,
                        partner=receipt.third_party_id.name or "?",
                    )
                )

    @api.onchange("receipt_type_id")
    def _onchange_receipt_type_id(self):
        if self.receipt_type_id.third_party_ids and not self.third_party_id:
            self.third_party_id = self.receipt_type_id.third_party_ids[:1]
        if not self.description:
            self.description = self.receipt_type_id.name

    @api.constrains("date", "regie_id", "state")
    def _check_date_after_last_versement(self):
        for receipt in self.filtered(lambda r: r.state == "draft"):
            receipt._check_not_before_last_versement()

    def _check_not_before_last_versement(self):
        """A receipt is never dated before the régie's last versement: that
        versement's bordereau justified the receipts up to its date, and the
        comptable took them in his books (instruction 06-031-A-B-M, versement and
        justification of the recettes; CGCT R1617-16)."""
        self.ensure_one()
        last = self.regie_id._last_versement_date()
        if last and self.date and self.date < last:
            raise ValidationError(
                self.env._(
                    "The last versement of %(regie)s is dated %(date)s: a receipt "
                    "cannot be dated before it.",
                    regie=self.regie_id.name,
                    date=last,
                )
            )

    def write(self, vals):
        # The reason is typed before cancelling; once cancelled, it stays.
        if (
            "cancel_reason" in vals
            and not self._money_is_trusted()
            and any(r.state == "cancel" for r in self)
        ):
            raise self._money_lock_error()
        return super().write(vals)

    def action_post(self):
        """Number the receipt from the quittancier and post its entry."""
        for receipt in self:
            if receipt.state != "draft":
                raise UserError(self.env._("Only a draft receipt can be issued."))
            receipt.regie_id._check_operator()
            receipt._check_not_before_last_versement()
            regie = receipt.regie_id.sudo()
            debit_account = regie._nature_account(receipt.payment_nature)
            if not debit_account:
                raise UserError(
                    self.env._(
                        "%(regie)s has no account for %(nature)s: add it to the "
                        "régie's accounts by payment nature.",
                        regie=regie.name,
                        nature=dict(
                            receipt._fields["payment_nature"]._description_selection(
                                self.env
                            )
                        ).get(receipt.payment_nature),
                    )
                )
            # Posted as the superuser: hashing a régie entry needs write access to
            # every entry, which mandataires do not have (the receipt says who).
            move = (
                self.env["account.move"]
                .with_user(SUPERUSER_ID)
                .create(
                    {
                        "journal_id": regie.journal_id.id,
                        "date": receipt.date,
                        "ref": receipt.description,
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "name": receipt.description,
                                    "account_id": debit_account.id,
                                    "partner_id": receipt.partner_id.id,
                                    "debit": receipt.amount,
                                }
                            ),
                            fields.Command.create(
                                {
                                    "name": receipt.description,
                                    "account_id": receipt.receipt_type_id.account_id.id,
                                    "partner_id": (
                                        receipt.third_party_id or receipt.partner_id
                                    ).id,
                                    "credit": receipt.amount,
                                }
                            ),
                        ],
                    }
                )
            )
            name = regie.receipt_sequence_id.next_by_id(sequence_date=receipt.date)
            move.ref = name
            move.line_ids.name = f"{name} {receipt.description}"
            move.action_post()
            receipt._money_set_state("posted", {"name": name, "move_id": move.id})
        return True

    def action_cancel(self):
        """Cancel by reversal: the number stays used, the entry is reversed."""
        for receipt in self:
            if receipt.state != "posted":
                raise UserError(self.env._("Only an issued receipt can be cancelled."))
            if not (receipt.cancel_reason or "").strip():
                raise UserError(self.env._("Give the reason of the cancellation."))
            receipt.regie_id._check_operator()
            reversal = receipt.move_id.with_user(SUPERUSER_ID)._reverse_moves(
                [
                    {
                        "date": fields.Date.context_today(self),
                        "ref": self.env._(
                            "Cancellation of %(number)s", number=receipt.name
                        ),
                    }
                ]
            )
            reversal.action_post()
            receipt._money_set_state("cancel", {"cancel_move_id": reversal.id})
        return True

    def action_print(self):
        return self.env.ref("tourism_regie.action_report_regie_receipt").report_action(
            self
        )
