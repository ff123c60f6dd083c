# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.deliberation_rules import flat_rate_declaration_due


class TourismTaxPeriod(models.Model):
    """A collection period: its nights are declared and paid together."""

    _name = "tourism.tax.period"
    _description = "Tourist Tax Collection Period"
    _order = "date_from"

    deliberation_id = fields.Many2one(
        "tourism.tax.deliberation", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    declaration_due = fields.Date(string="Declare by", required=True)
    payment_due = fields.Date(string="Pay by", required=True)
    flat_declaration_due = fields.Date(
        string="Flat Rate: Declare by",
        compute="_compute_flat_declaration_due",
        store=True,
        help="A lodging au forfait declares its capacity and opening dates at least "
        "one month before the period starts (L2333-43).",
    )

    @api.depends("date_from")
    def _compute_flat_declaration_due(self):
        for period in self:
            period.flat_declaration_due = period.date_from and (
                flat_rate_declaration_due(period.date_from)
            )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for period in self:
            if period.date_from and period.date_to:
                period.name = "{} - {}".format(
                    period.date_from.strftime("%d/%m/%Y"),
                    period.date_to.strftime("%d/%m/%Y"),
                )

    @api.constrains("date_from", "date_to", "declaration_due", "payment_due")
    def _check_dates(self):
        for period in self:
            year = period.deliberation_id.year
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._("A collection period cannot end before it starts.")
                )
            # A deliberation stays in force until replaced (L2333-26): its periods
            # may continue in the following years, each within one year.
            if period.date_from.year < year or (
                period.date_to.year != period.date_from.year
            ):
                raise ValidationError(
                    self.env._(
                        "The collection periods must fall within %(year)s or a later "
                        "year, each within one year.",
                        year=year,
                    )
                )
            if (
                period.declaration_due < period.date_to
                or period.payment_due < period.date_to
            ):
                raise ValidationError(
                    self.env._(
                        "Declaration and payment are due after the end of the period."
                    )
                )
            overlapping = period.deliberation_id.period_ids.filtered(
                lambda p, period=period: p != period
                and p.date_from <= period.date_to
                and p.date_to >= period.date_from
            )
            if overlapping:
                raise ValidationError(self.env._("The collection periods overlap."))
