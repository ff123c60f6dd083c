# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    tourism_group_kind = fields.Selection(
        [
            ("club", "Club"),
            ("association", "Association"),
            ("coach_operator", "Coach operator"),
            ("school", "School"),
            ("company", "Company (works council)"),
            ("other", "Other"),
        ],
        "Kind of group",
    )
    tourism_package_id = fields.Many2one("tourism.group.package", "Wished package")
    tourism_trip_date = fields.Date("Wished date")
    tourism_paying = fields.Integer("Group size")

    def _prepare_opportunity_quotation_context(self):
        """The quote made from a group lead starts from its package, date and size."""
        context = super()._prepare_opportunity_quotation_context()
        if self.tourism_package_id:
            context.update(
                {
                    "default_tourism_package_id": self.tourism_package_id.id,
                    "default_tourism_trip_date": fields.Date.to_string(
                        self.tourism_trip_date
                    ),
                    "default_tourism_paying": self.tourism_paying,
                }
            )
        return context
