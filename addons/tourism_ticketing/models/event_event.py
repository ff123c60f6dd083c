# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    tourism_mandate_id = fields.Many2one(
        "tourism.ticketing.mandate",
        string="Resale Mandate",
        compute="_compute_tourism_mandate_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="The organiser's mandate under which the office sells these tickets.",
    )

    @api.depends("organizer_id")
    def _compute_tourism_mandate_id(self):
        Mandate = self.env["tourism.ticketing.mandate"]
        for event in self:
            if event.organizer_id:
                event.tourism_mandate_id = Mandate._for_organiser(
                    event.organizer_id, event.company_id or None
                )
            else:
                event.tourism_mandate_id = False
