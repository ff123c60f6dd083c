# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismRegieNatureAccount(models.Model):
    """Where the régie keeps each payment nature's money until the versement (or
    the bank's payout, for cards): one line per nature the régie takes."""

    _name = "tourism.regie.nature.account"
    _description = "Régie Account of a Payment Nature"
    _order = "regie_id, id"

    regie_id = fields.Many2one(
        "tourism.regie", string="Régie", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="regie_id.company_id", store=True)
    nature = fields.Selection(
        selection=lambda self: self.env["tourism.payment.nature"]._selection(),
        string="Payment Nature",
        required=True,
    )
    account_id = fields.Many2one(
        "account.account",
        string="Account",
        required=True,
        check_company=True,
        help="Cash: the back office's cash (each till has its own cash journal). "
        "Other natures: the tills' and the quittancier's payments wait here.",
    )

    _sql_constraints = [
        (
            "nature_uniq",
            "unique(regie_id, nature)",
            "A régie has one account per payment nature.",
        ),
        (
            "account_uniq",
            "unique(regie_id, account_id)",
            "Each payment nature of a régie has its own account.",
        ),
    ]
