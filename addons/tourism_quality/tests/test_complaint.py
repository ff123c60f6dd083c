# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestComplaint(QualityCommon):
    def test_workflow_and_answer_by_email(self):
        """Received → acknowledged (e-mail to the complainant) → answered (the
        composer's e-mail) → closed; the deadline is the office's setting."""
        self.env.company.tourism_complaint_days = 10
        complaint = self.make_complaint(date=datetime(2026, 7, 1, 8, 0))
        self.assertTrue(complaint.name.startswith("DOL/"))
        self.assertEqual(complaint.state, "received")
        self.assertEqual(complaint.deadline, date(2026, 7, 11))
        complaint.action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        ack = complaint.message_ids.filtered(
            lambda m: self.visitor in m.partner_ids
            and complaint.name in (m.subject or "")
        )
        self.assertTrue(ack, "the acknowledgement is e-mailed to the complainant")
        with self.assertRaises(UserError):
            complaint.action_acknowledge()
        action = complaint.action_answer()
        composer = Form(
            self.env[action["res_model"]]
            .with_user(self.conseiller)
            .with_context(**action["context"])
        )
        composer.body = "<p>Nous avons contacté le gîte.</p>"
        composer.save().action_send_mail()
        self.assertEqual(complaint.state, "answered")
        self.assertTrue(complaint.answered_date)
        answer = complaint.message_ids.filtered(
            lambda m: "contacté le gîte" in (m.body or "")
        )
        self.assertIn(self.visitor, answer.partner_ids)
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_on_time_indicator(self):
        """The share answered within the deadline, by theme and prestataire."""
        on_time = self.make_complaint(self.provider, date=datetime(2026, 5, 1, 8, 0))
        on_time.write({"answered_date": datetime(2026, 5, 10, 8, 0)})
        late = self.make_complaint(self.provider, date=datetime(2026, 5, 1, 8, 0))
        late.write({"answered_date": datetime(2026, 6, 10, 8, 0)})
        self.assertTrue(on_time.answered_on_time)
        self.assertEqual(on_time.answer_days, 9)
        self.assertFalse(late.answered_on_time)
        groups = self.env["tourism.complaint"]._read_group(
            [("id", "in", (on_time | late).ids)],
            ["theme_id", "provider_id"],
            ["on_time_rate:avg", "__count"],
        )
        self.assertEqual(groups, [(self.theme, self.provider, 50.0, 2)])

    def test_provider_required(self):
        with self.assertRaisesRegex(ValidationError, "Choose the prestataire"):
            self.make_complaint(subject_type="provider")

    def test_answer_without_email(self):
        complaint = self.make_complaint()
        self.visitor.email = False
        with self.assertRaisesRegex(UserError, "no e-mail"):
            complaint.action_answer()
        complaint.action_mark_answered()
        self.assertEqual(complaint.state, "answered")

    def test_provider_told(self):
        """Telling the prestataire e-mails it the link to its portal page."""
        complaint = self.make_complaint(self.provider)
        complaint.action_notify_provider()
        self.assertTrue(complaint.provider_notified_date)
        mail = self.env["mail.mail"].search(
            [("email_to", "=", self.provider.email)], order="id desc", limit=1
        )
        self.assertIn(f"/my/complaints/{complaint.id}", mail.body_html)
        with self.assertRaises(UserError):
            self.make_complaint().action_notify_provider()

    def test_rpc_portal_has_no_access(self):
        """A portal user, even the prestataire concerned, reads no complaint by RPC
        (the complainant's identity is never shown to it)."""
        complaint = self.make_complaint(self.provider)
        complaint.action_notify_provider()
        with self.assertRaises(AccessError):
            complaint.with_user(self.host).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["tourism.complaint"].with_user(self.host).search([])
