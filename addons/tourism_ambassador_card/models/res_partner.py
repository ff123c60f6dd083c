# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    tourism_ambassador_card_ids = fields.One2many(
        "tourism.ambassador.card", "holder_id", string="Ambassador Cards"
    )
    tourism_ambassador_card_count = fields.Integer(
        compute="_compute_tourism_ambassador_card_count",
        groups="tourism_base.group_tourism_user",
    )

    def _compute_tourism_ambassador_card_count(self):
        counts = dict(
            self.env["tourism.ambassador.card"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.tourism_ambassador_card_count = (
                counts.get(partner, 0)
                if partner.is_company
                else len(partner.tourism_ambassador_card_ids)
            )

    def action_view_tourism_ambassador_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_ambassador_card.tourism_ambassador_card_action"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id)
        ]
        action["context"] = {"default_holder_id": self.id}
        return action
