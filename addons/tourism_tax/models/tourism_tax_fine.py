# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.fines import check_fine_amount, fine_bounds


class TourismTaxFine(models.Model):
    """A civil fine procedure against a host (L2333-34-1): requested by the
    collectivity, imposed by the tribunal. The log of its steps is the chatter."""

    _name = "tourism.tax.fine"
    _description = "Tourist Tax Civil Fine"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    lodging_id = fields.Many2one(
        "tourism.lodging", required=True, tracking=True, ondelete="restrict"
    )
    host_id = fields.Many2one(
        related="lodging_id.host_id", store=True, index=True, string="Host"
    )
    period_id = fields.Many2one("tourism.tax.period", tracking=True)
    reminder_id = fields.Many2one(
        "tourism.tax.reminder",
        string="Formal Notice",
        domain="[('lodging_id', '=', lodging_id), ('kind', '=', 'formal_notice')]",
    )
    ground = fields.Selection(
        selection=[
            ("late_declaration", "Late or missing declaration"),
            ("error", "Omission or inaccuracy in a declaration"),
            ("not_collected", "Tax not collected"),
            ("not_remitted", "Tax collected but not paid in"),
        ],
        required=True,
        tracking=True,
    )
    omissions = fields.Integer(
        string="Omissions or Inaccuracies",
        default=1,
        help="150 € each, 12,500 € at most for a declaration.",
    )
    amount_min = fields.Monetary(string="Legal Minimum", compute="_compute_bounds")
    amount_max = fields.Monetary(string="Legal Maximum", compute="_compute_bounds")
    amount_requested = fields.Monetary(tracking=True)
    date_referral = fields.Date(
        string="Referred to the Tribunal", tracking=True, copy=False
    )
    amount_imposed = fields.Monetary(tracking=True, copy=False)
    date_decision = fields.Date(string="Decision Date", tracking=True, copy=False)
    decision_ref = fields.Char(string="Decision Reference", tracking=True, copy=False)
    note = fields.Html()
    state = fields.Selection(
        selection=[
            ("draft", "Being prepared"),
            ("referred", "Referred to the tribunal"),
            ("decided", "Decided"),
            ("dropped", "Dropped"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.depends("ground", "omissions")
    def _compute_bounds(self):
        for fine in self:
            low = high = 0.0
            if fine.ground and (fine.ground != "error" or fine.omissions >= 1):
                low, high = (float(v) for v in fine_bounds(fine.ground, fine.omissions))
            fine.amount_min, fine.amount_max = low, high

    @api.constrains("ground", "omissions", "amount_requested")
    def _check_amount_requested(self):
        for fine in self:
            if fine.ground == "error" and fine.omissions < 1:
                raise ValidationError(
                    self.env._(
                        "Give the number of omissions or inaccuracies (at least one)."
                    )
                )
            if fine.amount_requested and not check_fine_amount(
                fine.ground, fine.amount_requested, fine.omissions
            ):
                raise ValidationError(
                    self.env._(
                        "The fine requested must lie between %(low)s and %(high)s "
                        "for this ground (article L2333-34-1).",
                        low=fine.amount_min,
                        high=fine.amount_max,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "tourism.tax.fine"
                ) or self.env._("New")
        return super().create(vals_list)

    def action_refer(self):
        for fine in self:
            if fine.state != "draft":
                raise UserError(
                    self.env._("Only a fine being prepared can be referred.")
                )
            if not fine.amount_requested:
                raise UserError(
                    self.env._("Set the amount requested before the referral.")
                )
            fine.write(
                {
                    "state": "referred",
                    "date_referral": fine.date_referral
                    or fields.Date.context_today(fine),
                }
            )

    def action_record_decision(self):
        for fine in self:
            if fine.state != "referred":
                raise UserError(self.env._("Record the decision of a referred fine."))
            if not fine.date_decision or not fine.decision_ref:
                raise UserError(
                    self.env._(
                        "Give the date and the reference of the tribunal's decision."
                    )
                )
            if fine.amount_imposed < 0:
                raise UserError(self.env._("The fine imposed cannot be negative."))
            fine.state = "decided"

    def action_drop(self):
        if any(fine.state == "decided" for fine in self):
            raise UserError(self.env._("A decided fine cannot be dropped."))
        self.state = "dropped"

    def unlink(self):
        if any(fine.state != "draft" for fine in self):
            raise UserError(
                self.env._(
                    "Only a fine being prepared can be deleted: drop it instead."
                )
            )
        return super().unlink()
