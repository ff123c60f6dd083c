# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.tourism_ambassador_card import CURRENT_MEMBERSHIP_STATES


class TourismAmbassadorCardIssue(models.TransientModel):
    _name = "tourism.ambassador.card.issue"
    _description = "Issue Ambassador Cards to Current Partners"

    type_id = fields.Many2one(
        "tourism.ambassador.card.type",
        string="Card Type",
        required=True,
        domain=[("holder_kind", "=", "partner")],
    )
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(
        string="Valid Until",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 12, 31),
    )
    include_staff = fields.Boolean(
        string="Also for Their Staff",
        help="One card for each contact person of the partner too.",
    )

    def _holders(self):
        """Current partners (and their staff) without an active card of the type."""
        self.ensure_one()
        partners = self.env["res.partner"].search(
            [
                ("is_company", "=", True),
                ("membership_state", "in", CURRENT_MEMBERSHIP_STATES),
            ]
        )
        holders = partners
        if self.include_staff:
            holders |= partners.child_ids.filtered(
                lambda contact: contact.type == "contact" and contact.active
            )
        covered = (
            self.env["tourism.ambassador.card"]
            .search(
                [
                    ("type_id", "=", self.type_id.id),
                    ("state", "=", "active"),
                    ("date_end", ">=", self.date_start),
                    ("holder_id", "in", holders.ids),
                ]
            )
            .holder_id
        )
        return holders - covered

    def action_issue(self):
        self.ensure_one()
        if self.date_end < self.date_start:
            raise UserError(self.env._("A card cannot end before it starts."))
        holders = self._holders()
        if not holders:
            raise UserError(
                self.env._("Every current partner already has an active card.")
            )
        cards = self.env["tourism.ambassador.card"].create(
            [
                {
                    "type_id": self.type_id.id,
                    "holder_id": holder.id,
                    "date_start": self.date_start,
                    "date_end": self.date_end,
                }
                for holder in holders
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_ambassador_card.tourism_ambassador_card_action"
        )
        action["domain"] = [("id", "in", cards.ids)]
        return action
