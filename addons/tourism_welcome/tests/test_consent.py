# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WelcomeCommon


@tagged("post_install", "-at_install")
class TestConsent(WelcomeCommon):
    def setUp(self):
        super().setUp()
        self.contact = (
            self.env["tourism.welcome.contact"]
            .with_user(self.conseiller)
            .create({"people": 2})
        )
        self.Wizard = self.env["tourism.welcome.consent.wizard"].with_user(
            self.conseiller
        )

    def test_explicit_opt_in(self):
        """RGPD art. 4.11 and 7.1: consent is a clear affirmative act the office can
        prove; no box ticked, nothing is kept; each purpose ticked is one consent
        with its date, purpose and wording."""
        wizard = self.Wizard.create(
            {"contact_id": self.contact.id, "email": "Ana@Example.es"}
        )
        self.assertFalse(wizard.newsletter or wizard.survey)
        with self.assertRaisesRegex(UserError, "explicit consent"):
            wizard.action_confirm()
        self.assertFalse(self.contact.consent_ids)
        wizard.survey = True
        wizard.action_confirm()
        consent = self.contact.consent_ids
        self.assertEqual(len(consent), 1)
        self.assertEqual(consent.purpose, "survey")
        self.assertEqual(consent.email, "ana@example.es")
        self.assertTrue(consent.consent_date)
        self.assertIn("satisfaction survey", consent.statement)
        self.assertEqual(consent.bit_id, self.bit)
        self.assertEqual(consent.user_id, self.conseiller)
        Consent = self.env["tourism.welcome.consent"]
        self.assertIn("ana@example.es", Consent._emails_for("survey"))
        self.assertNotIn("ana@example.es", Consent._emails_for("newsletter"))

    def test_withdrawal_and_proof(self):
        """RGPD art. 7.3: a withdrawal is dated and ends the use of the e-mail; the
        proof itself cannot be rewritten, nor deleted by a conseiller."""
        self.Wizard.create(
            {
                "contact_id": self.contact.id,
                "email": "luc@example.be",
                "newsletter": True,
            }
        ).action_confirm()
        consent = self.contact.consent_ids.with_user(self.conseiller)
        with self.assertRaises(UserError):
            consent.write({"purpose": "survey"})
        with self.assertRaises(AccessError):
            consent.unlink()
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        self.assertTrue(consent.withdrawn_date)
        self.assertNotIn(
            "luc@example.be",
            self.env["tourism.welcome.consent"]._emails_for("newsletter"),
        )

    def test_invalid_email(self):
        wizard = self.Wizard.create(
            {"contact_id": self.contact.id, "email": "pas-un-email", "survey": True}
        )
        with self.assertRaisesRegex(UserError, "not a valid e-mail"):
            wizard.action_confirm()
        self.assertFalse(self.contact.consent_ids)

    def test_portal_sees_no_consent(self):
        with self.assertRaises(AccessError):
            self.env["tourism.welcome.consent"].with_user(self.portal_user).search([])
