# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestSurvey(QualityCommon):
    def test_yearly_provider_survey_sends(self):
        """The job e-mails the yearly survey to each prestataire, once a year."""
        survey = self.env.ref("tourism_quality.survey_provider")
        self.env.company.tourism_provider_survey_id = survey
        Mail = self.env["mail.mail"]
        before = Mail.search([]).ids
        self.env["survey.survey"]._cron_tourism_provider_survey()
        mails = Mail.search([("id", "not in", before)])
        recipients = mails.recipient_ids
        self.assertIn(self.provider, recipients)
        self.assertIn(self.other_provider, recipients)
        mail = mails.filtered(lambda m: self.provider in m.recipient_ids)
        answer = self.env["survey.user_input"].search(
            [("survey_id", "=", survey.id), ("partner_id", "=", self.provider.id)]
        )
        self.assertIn(answer.access_token, mail.body_html)
        # The second run of the year sends nothing more to them.
        before = Mail.search([]).ids
        self.env["survey.survey"]._cron_tourism_provider_survey()
        again = Mail.search([("id", "not in", before)])
        self.assertNotIn(self.provider, again.recipient_ids)

    def test_counter_qr_poster(self):
        survey = self.env.ref("tourism_quality.survey_counter")
        self.assertEqual(survey.access_mode, "public")
        self.assertIn("barcode_type=QR", survey._tourism_qr_src())
        html = self.env["ir.actions.report"]._render_qweb_html(
            "tourism_quality.action_report_survey_qr_poster", survey.ids
        )[0]
        self.assertIn(b"barcode_type=QR", html)
        self.assertIn(survey.access_token.encode(), html)
