# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TourismWelcomeConsent(models.Model):
    _inherit = "tourism.welcome.consent"

    survey_sent_date = fields.Datetime(
        string="Survey Sent On",
        readonly=True,
        help="The counter satisfaction survey was e-mailed then (once per consent).",
    )

    def _mutable_fields(self):
        # Recording the sending does not change the proof of consent.
        return super()._mutable_fields() | {"survey_sent_date"}

    @api.model
    def _cron_send_counter_survey(self):
        """Daily: each visitor who agreed to a survey (and has not withdrawn) gets
        the counter survey once, by e-mail with a personal link."""
        for company in self.env["res.company"].search(
            [("tourism_counter_survey_id", "!=", False)]
        ):
            consents = self.search(
                [
                    ("purpose", "=", "survey"),
                    ("state", "=", "given"),
                    ("survey_sent_date", "=", False),
                    ("company_id", "=", company.id),
                ]
            )
            if not consents:
                continue
            survey = company.tourism_counter_survey_id.with_company(company)
            survey._tourism_invite(emails=sorted(set(consents.mapped("email"))))
            consents.write({"survey_sent_date": fields.Datetime.now()})
