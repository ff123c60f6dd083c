# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismBit(models.Model):
    """A tourist information point (bureau d'information touristique) of the office."""

    _name = "tourism.bit"
    _description = "Tourist Information Point"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, size=8, tracking=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        required=True,
        help="Address, phone and opening periods of the information point.",
    )
    commune_id = fields.Many2one(
        "tourism.commune", related="partner_id.tourism_commune_id", store=True
    )
    is_head_office = fields.Boolean(string="Head Office", tracking=True)
    is_seasonal = fields.Boolean(
        string="Seasonal", tracking=True, help="Open only during the opening periods."
    )
    user_ids = fields.One2many(
        "res.users",
        "tourism_bit_id",
        string="Staff",
        help="Users whose information point this is.",
    )
    opening_period_ids = fields.One2many(
        related="partner_id.tourism_opening_period_ids", readonly=False
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "Another information point has this code.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["partner_id"] = (
                    self.env["res.partner"]
                    .create(
                        {
                            "name": vals.get("name"),
                            "is_company": False,
                            "type": "other",
                            "parent_id": company.partner_id.id,
                        }
                    )
                    .id
                )
        return super().create(vals_list)
