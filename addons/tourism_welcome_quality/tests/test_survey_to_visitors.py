# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyToVisitors(TransactionCase):
    def test_sent_once_to_those_who_agreed(self):
        """RGPD art. 6.1.a: only a visitor whose consent to the survey is given and
        not withdrawn gets it, once; the newsletter consent does not count."""
        survey = self.env.ref("tourism_quality.survey_counter")
        self.env.company.tourism_counter_survey_id = survey
        bit = self.env["tourism.bit"].create({"name": "BIT Pont", "code": "TPNT"})
        contact = self.env["tourism.welcome.contact"].create({"bit_id": bit.id})
        Consent = self.env["tourism.welcome.consent"]
        common = {"contact_id": contact.id, "statement": "Oui", "bit_id": bit.id}
        Consent.create(
            [
                {**common, "email": "agreed@example.es", "purpose": "survey"},
                {**common, "email": "news@example.be", "purpose": "newsletter"},
                {**common, "email": "gone@example.fr", "purpose": "survey"},
            ]
        )
        Consent.search([("email", "=", "gone@example.fr")]).action_withdraw()
        Mail = self.env["mail.mail"]
        before = Mail.search([]).ids
        Consent._cron_send_counter_survey()
        sent = Mail.search([("id", "not in", before)])
        recipients = sent.mapped("email_to")
        self.assertIn("agreed@example.es", recipients)
        self.assertNotIn("news@example.be", recipients)
        self.assertNotIn("gone@example.fr", recipients)
        mail = sent.filtered(lambda m: m.email_to == "agreed@example.es")
        self.assertIn(survey.access_token, mail.body_html)
        agreed = Consent.search([("email", "=", "agreed@example.es")])
        self.assertTrue(agreed.survey_sent_date)
        before = Mail.search([]).ids
        Consent._cron_send_counter_survey()
        self.assertFalse(Mail.search([("id", "not in", before)]))
