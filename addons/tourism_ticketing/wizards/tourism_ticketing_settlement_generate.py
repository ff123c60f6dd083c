# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismTicketingSettlementGenerate(models.TransientModel):
    """Draft settlements of a period for every organiser with tickets to settle."""

    _name = "tourism.ticketing.settlement.generate"
    _description = "Generate Ticket Settlements"

    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to", required=True)
    mandate_ids = fields.Many2many(
        "tourism.ticketing.mandate",
        relation="tourism_ticketing_generate_mandate_rel",
        string="Mandates",
        help="Leave empty for every mandate in force.",
    )

    @api.model
    def _generate(self, date_from, date_to, mandates=None):
        Settlement = self.env["tourism.ticketing.settlement"]
        mandates = mandates or self.env["tourism.ticketing.mandate"].search(
            [("state", "in", ("active", "closed"))]
        )
        # One query per source tells which mandates have sales left to settle.
        pending = set(mandates._with_sales_to_settle(date_to))
        # A draft already holding sales is brought up to the new period end.
        drafts = Settlement.search(
            [("state", "=", "draft"), ("mandate_id", "in", mandates.ids)]
        )
        pending |= set(drafts.mandate_id)
        settlements = drafts
        for mandate in pending:
            if mandate in drafts.mandate_id:
                continue
            settlements |= Settlement.create(
                {"mandate_id": mandate.id, "date_from": date_from, "date_to": date_to}
            )
        settlements.write({"date_from": date_from, "date_to": date_to})
        settlements.action_compute()
        return settlements

    def action_generate(self):
        self.ensure_one()
        settlements = self._generate(self.date_from, self.date_to, self.mandate_ids)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_ticketing.tourism_ticketing_settlement_action"
        )
        action["domain"] = [("id", "in", settlements.ids)]
        return action
