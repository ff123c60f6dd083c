# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class TourismTaxDeclaration(models.Model):
    _inherit = "tourism.tax.declaration"

    def action_tourism_regie_pay(self):
        """The host pays the declaration's invoice at the desk; the declaration is
        paid when its invoice is (tourism_tax)."""
        self.ensure_one()
        return self.invoice_id.action_tourism_regie_pay()
