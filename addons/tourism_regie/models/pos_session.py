# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    # Odoo's cash control counts the till and books the difference; the régie also
    # needs to know why (the comptable asks at each control).
    tourism_regie_id = fields.Many2one(
        related="config_id.tourism_regie_id", store=True, string="Régie"
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
