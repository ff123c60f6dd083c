# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismBit(models.Model):
    _inherit = "tourism.bit"

    # One warehouse per information point, whether it sells at a till
    # (tourism_pos), hands out brochures (tourism_welcome), or both: the two
    # capabilities meet here without depending on each other.
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Stock Location",
        check_company=True,
        tracking=True,
        help="Warehouse of this information point: the goods sold at its till and "
        "the brochures handed out at its counter.",
    )

    def _tourism_warehouse(self):
        """The point's warehouse, created on first use with the point's code.

        A warehouse of that code that already exists in the company is adopted.
        Done as superuser: the conseiller who hands out the first brochure of a
        new point has no right to create warehouses, and needs none.
        """
        self.ensure_one()
        if self.warehouse_id:
            return self.warehouse_id
        code = (self.code or "").upper()[:5]
        Warehouse = self.env["stock.warehouse"].sudo()
        warehouse = Warehouse.search(
            [("code", "=", code), ("company_id", "=", self.company_id.id)], limit=1
        )
        if not warehouse:
            warehouse = Warehouse.create(
                {
                    "name": self.name,
                    "code": code,
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                }
            )
        self.sudo().warehouse_id = warehouse
        return warehouse
