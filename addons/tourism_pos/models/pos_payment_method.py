# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    # The régie books and the versement slips are split by this nature, not by the
    # method's free name. One list for the suite: tourism.payment.nature.
    tourism_payment_nature = fields.Selection(
        selection=lambda self: self.env["tourism.payment.nature"]._selection(),
        string="Payment Nature",
        compute="_compute_tourism_payment_nature",
        store=True,
        readonly=False,
    )

    @api.depends("is_cash_count")
    def _compute_tourism_payment_nature(self):
        for method in self:
            if method.is_cash_count:
                method.tourism_payment_nature = "cash"
            elif not method.tourism_payment_nature:
                method.tourism_payment_nature = "card" if method.journal_id else "other"
