# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismOpeningPeriod(models.Model):
    """A period when a prestataire (or a BIT, through its address) is open."""

    _name = "tourism.opening.period"
    _description = "Opening Period"
    _order = "date_from"

    partner_id = fields.Many2one(
        "res.partner", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(string="Season", help="e.g. Saison estivale")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    hours = fields.Char(
        string="Opening Hours", help="e.g. Tue-Sun 10:00-12:30, 14:00-18:30"
    )

    @api.constrains("date_from", "date_to", "partner_id")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._(
                        "An opening period cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        end=period.date_to,
                        start=period.date_from,
                    )
                )
            overlap = self.search_count(
                [
                    ("id", "!=", period.id),
                    ("partner_id", "=", period.partner_id.id),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "The opening periods of %(name)s overlap: merge them or change "
                        "their dates.",
                        name=period.partner_id.display_name,
                    )
                )

    @api.depends("name", "date_from", "date_to")
    def _compute_display_name(self):
        for period in self:
            dates = self.env._(
                "%(start)s to %(end)s",
                start=fields.Date.to_string(period.date_from),
                end=fields.Date.to_string(period.date_to),
            )
            period.display_name = f"{period.name} ({dates})" if period.name else dates
