# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TourismPartnerLabel(models.Model):
    """The award of a label to a prestataire, valid between two dates."""

    _name = "tourism.partner.label"
    _inherit = ["tourism.validity.mixin", "mail.thread"]
    _description = "Label held by a prestataire"
    _order = "date_expiry desc, id desc"
    _rec_name = "label_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Prestataire",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    label_id = fields.Many2one(
        "tourism.label",
        string="Label",
        required=True,
        ondelete="restrict",
        tracking=True,
    )
    level = fields.Char(
        string="Level / Mention",
        help="e.g. the disabilities covered by Tourisme & Handicap.",
    )
    reference = fields.Char(string="Certificate No.")
    date_expiry = fields.Date(
        compute="_compute_date_expiry", store=True, readonly=False
    )
    color = fields.Integer(related="label_id.color")

    @api.depends("label_id", "date_award")
    def _compute_date_expiry(self):
        for award in self:
            years = award.label_id.validity_years
            if not award.date_expiry and award.date_award and years:
                award.date_expiry = award.date_award + relativedelta(
                    years=years, days=-1
                )

    @api.depends("label_id", "level")
    def _compute_display_name(self):
        for award in self:
            name = award.label_id.name or ""
            award.display_name = f"{name} ({award.level})" if award.level else name
