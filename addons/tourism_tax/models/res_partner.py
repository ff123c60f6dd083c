# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    tourism_lodging_ids = fields.One2many(
        "tourism.lodging", "host_id", string="Lodgings"
    )
    tourism_lodging_count = fields.Integer(
        string="Lodgings count", compute="_compute_tourism_lodging_count"
    )
    tourism_fine_count = fields.Integer(
        string="Civil Fines count", compute="_compute_tourism_fine_count"
    )
    is_tourism_platform = fields.Boolean(
        string="Booking Platform",
        help="An online platform (Airbnb-type) that collects the tourist tax for "
        "hosts.",
    )

    def _compute_tourism_lodging_count(self):
        counts = dict(
            self.env["tourism.lodging"]._read_group(
                [("host_id", "in", self.ids)], ["host_id"], ["__count"]
            )
        )
        for partner in self:
            partner.tourism_lodging_count = counts.get(partner, 0)

    def _compute_tourism_fine_count(self):
        counts = dict(
            self.env["tourism.tax.fine"]._read_group(
                [("host_id", "in", self.ids)], ["host_id"], ["__count"]
            )
        )
        for partner in self:
            partner.tourism_fine_count = counts.get(partner, 0)

    def action_view_tourism_fines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_tax.tourism_tax_fine_action"
        )
        action["domain"] = [("host_id", "=", self.id)]
        return action

    def action_view_tourism_lodgings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_tax.tourism_lodging_action"
        )
        action["domain"] = [("host_id", "=", self.id)]
        action["context"] = {"default_host_id": self.id}
        return action
