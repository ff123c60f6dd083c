# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismLodgingPeriod(models.Model):
    """A period when the lodging is open (the forfait is due for its nights)."""

    _name = "tourism.lodging.period"
    _description = "Lodging Opening Period"
    _order = "date_from"

    lodging_id = fields.Many2one(
        "tourism.lodging", required=True, index=True, ondelete="cascade"
    )
    date_from = fields.Date(string="Opens on", required=True)
    date_to = fields.Date(string="Closes on", required=True)

    @api.constrains("date_from", "date_to", "lodging_id")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._(
                        "%(lodging)s: an opening period cannot close before it opens.",
                        lodging=period.lodging_id.display_name,
                    )
                )
            if self.search_count(
                [
                    ("id", "!=", period.id),
                    ("lodging_id", "=", period.lodging_id.id),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(lodging)s: opening periods overlap.",
                        lodging=period.lodging_id.display_name,
                    )
                )

    def _nights_between(self, date_from, date_to):
        """Nights (dates) of these periods that fall in [date_from, date_to]."""
        nights = 0
        for period in self:
            start, end = max(period.date_from, date_from), min(period.date_to, date_to)
            if end >= start:
                nights += (end - start).days + 1
        return nights
