# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismPartnerClassification(models.Model):
    """A prestataire's grade in a classification scheme (e.g. 3 stars), for a time"""

    _name = "tourism.partner.classification"
    _inherit = ["tourism.validity.mixin", "mail.thread"]
    _description = "Classification of a prestataire"
    _order = "date_expiry desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Prestataire",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    scheme_id = fields.Many2one(
        "tourism.classification.scheme",
        string="Scheme",
        required=True,
        ondelete="restrict",
        tracking=True,
    )
    level = fields.Integer(required=True, default=1, tracking=True)
    reference = fields.Char(string="Decision No.")
    date_expiry = fields.Date(
        compute="_compute_date_expiry", store=True, readonly=False
    )

    @api.depends("scheme_id", "date_award")
    def _compute_date_expiry(self):
        for grade in self:
            years = grade.scheme_id.validity_years
            if not grade.date_expiry and grade.date_award and years:
                grade.date_expiry = grade.date_award + relativedelta(
                    years=years, days=-1
                )

    @api.depends("scheme_id", "level")
    def _compute_display_name(self):
        for grade in self:
            grade.display_name = (
                grade.scheme_id._format_level(grade.level) if grade.scheme_id else ""
            )

    @api.constrains("scheme_id", "level")
    def _check_level(self):
        for grade in self:
            if not 1 <= grade.level <= grade.scheme_id.max_level:
                raise ValidationError(
                    self.env._(
                        "The level of a %(scheme)s classification goes from 1 to "
                        "%(max)s, "
                        "not %(level)s.",
                        scheme=grade.scheme_id.name,
                        max=grade.scheme_id.max_level,
                        level=grade.level,
                    )
                )
