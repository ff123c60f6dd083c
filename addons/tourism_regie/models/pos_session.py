# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    # Odoo's cash control counts the till and books the difference; the régie also
    # needs to know why (the comptable asks at each control).
    # The régie the session was closed under: kept when the till is attached to
    # another régie later (a related field would move the closed sessions, and
    # their books, with it).
    tourism_regie_id = fields.Many2one(
        "tourism.regie",
        compute="_compute_tourism_regie_id",
        store=True,
        string="Régie",
        index="btree_not_null",
    )
    tourism_bit_id = fields.Many2one(
        related="config_id.tourism_bit_id", store=True, string="Information Point"
    )
    tourism_difference_reason = fields.Text(
        string="Cash Difference Explanation",
        help="Why the counted cash differs from the expected cash.",
    )
    # Odoo computes the difference on the fly; the books need it stored, as it
    # stood when the session was closed.
    tourism_cash_difference = fields.Monetary(
        compute="_compute_tourism_cash_difference",
        store=True,
        string="Closing Cash Difference",
    )
    tourism_difference_unexplained = fields.Boolean(
        compute="_compute_tourism_difference_unexplained",
        string="Unexplained Difference",
    )

    @api.depends("config_id", "state")
    def _compute_tourism_regie_id(self):
        for session in self:
            if session.state == "closed" and session.tourism_regie_id:
                continue
            session.tourism_regie_id = session.config_id.tourism_regie_id

    @api.depends("state")
    def _compute_tourism_cash_difference(self):
        for session in self:
            session.tourism_cash_difference = (
                session.cash_register_difference if session.state == "closed" else 0.0
            )

    @api.depends("state", "tourism_cash_difference", "tourism_difference_reason")
    def _compute_tourism_difference_unexplained(self):
        for session in self:
            session.tourism_difference_unexplained = bool(
                session.state == "closed"
                and not session.currency_id.is_zero(session.tourism_cash_difference)
                and not (session.tourism_difference_reason or "").strip()
            )

    def action_pos_session_open(self):
        # Odoo expects the last closing's count at opening; a versement made since
        # then took part of it to the comptable.
        to_set = self.filtered(
            lambda s: s.state == "opening_control"
            and s.config_id.cash_control
            and not s.rescue
        )
        res = super().action_pos_session_open()
        to_set._tourism_set_expected_opening()
        return res

    def _tourism_set_expected_opening(self):
        """Opening cash = last session's count - the versements taken from it."""
        DepositLine = self.env["tourism.regie.deposit.line"].sudo()
        for session in self:
            last = self.search(
                [("config_id", "=", session.config_id.id), ("id", "!=", session.id)],
                limit=1,
            )
            if last.state != "closed":
                continue
            paid_in = DepositLine.search(
                [("pos_session_id", "=", last.id), ("deposit_id.state", "!=", "draft")]
            )
            session.cash_register_balance_start = session.currency_id.round(
                last.cash_register_balance_end_real - sum(paid_in.mapped("amount"))
            )
