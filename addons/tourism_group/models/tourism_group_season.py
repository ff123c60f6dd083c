# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.tourism_base.tools.calendar import MONTHS


class TourismGroupSeason(models.Model):
    _name = "tourism.group.season"
    _description = "Group package season"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    month_from = fields.Selection(MONTHS, "From", required=True, default="1")
    month_to = fields.Selection(MONTHS, "To", required=True, default="12")

    def _contains(self, date):
        """True when the date falls in one of the seasons (which may span New Year)."""
        for season in self:
            start, end, month = int(season.month_from), int(season.month_to), date.month
            if (
                (start <= month <= end)
                if start <= end
                else (month >= start or month <= end)
            ):
                return True
        return False
