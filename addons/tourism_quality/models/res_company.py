# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tourism_complaint_days = fields.Integer(
        string="Complaint Response Deadline (days)",
        default=15,
        help="Days from the receipt of a complaint to its answer, the office's "
        "commitment (Qualité Tourisme).",
    )
    tourism_counter_survey_id = fields.Many2one(
        "survey.survey",
        string="Counter Satisfaction Survey",
        help="Shown by QR code at the counter and sent to visitors who agreed to it.",
    )
    tourism_provider_survey_id = fields.Many2one(
        "survey.survey",
        string="Yearly Prestataires Survey",
        help="Sent by e-mail once a year to every prestataire of the directory.",
    )

    _sql_constraints = [
        (
            "tourism_complaint_days_positive",
            "CHECK(tourism_complaint_days > 0)",
            "The complaint response deadline is at least one day.",
        ),
    ]
