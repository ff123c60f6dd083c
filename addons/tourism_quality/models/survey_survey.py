# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from urllib.parse import quote

from odoo import Command, api, fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    def _tourism_public_url(self):
        self.ensure_one()
        return self.get_base_url() + self.get_start_url()

    def _tourism_qr_src(self):
        """The QR code image of the survey's public link (Odoo's barcode route)."""
        return "/report/barcode/?barcode_type=QR&value={}&width=400&height=400".format(
            quote(self._tourism_public_url(), safe="")
        )

    def _tourism_invite(self, partners=None, emails=None):
        """Send the survey by e-mail with Odoo's invitation (one personal link per
        recipient, the e-mails queued at once)."""
        self.ensure_one()
        invite = (
            self.env["survey.invite"]
            .with_context(default_survey_id=self.id)
            .create(
                {
                    "survey_id": self.id,
                    "partner_ids": [
                        Command.set((partners or self.env["res.partner"]).ids)
                    ],
                    "emails": "\n".join(emails or []),
                    "template_id": self.env.ref(
                        "survey.mail_template_user_input_invite"
                    ).id,
                }
            )
        )
        return invite.action_invite()

    @api.model
    def _cron_tourism_provider_survey(self):
        """Once a year, every prestataire of the directory with an e-mail gets the
        company's yearly survey; one not yet invited this year is invited at the
        next run (the job runs monthly)."""
        year_start = datetime(fields.Date.today().year, 1, 1)
        for company in self.env["res.company"].search(
            [("tourism_provider_survey_id", "!=", False)]
        ):
            survey = company.tourism_provider_survey_id
            invited = (
                self.env["survey.user_input"]
                .search(
                    [("survey_id", "=", survey.id), ("create_date", ">=", year_start)]
                )
                .partner_id
            )
            providers = self.env["res.partner"].search(
                [
                    ("is_tourism_provider", "=", True),
                    ("is_company", "=", True),
                    ("email", "!=", False),
                    ("company_id", "in", [company.id, False]),
                    ("id", "not in", invited.ids),
                ]
            )
            if providers:
                survey.with_company(company)._tourism_invite(partners=providers)
