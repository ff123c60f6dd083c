# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError


class TourismTaxStayImport(models.TransientModel):
    """Import the stays of a declaration from the host's registre (CSV or XLSX)."""

    _name = "tourism.tax.stay.import"
    _description = "Import of Stays"

    declaration_id = fields.Many2one("tourism.tax.declaration", required=True)
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        count = self.declaration_id._import_stays(
            base64.b64decode(self.file), self.filename or ""
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("%(count)s stays imported.", count=count),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
