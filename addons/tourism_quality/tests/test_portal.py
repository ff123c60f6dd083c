# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, QualityCommon):
    def setUp(self):
        super().setUp()
        self.complaint = self.make_complaint(self.provider)
        self.complaint.action_notify_provider()

    def csrf_token(self, url="/my/account"):
        """The session's CSRF token, read from a portal form as the browser would."""
        page = self.url_open(url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_provider_answers_from_portal(self):
        """The prestataire told reads the remark in French, without the
        complainant's name, and answers it from its portal."""
        self.start_tour(
            "/my", "tourism_quality_portal_answer", login="test_quality_host"
        )
        self.assertIn("travaux", self.complaint.provider_answer)
        self.assertTrue(self.complaint.provider_answer_date)
        self.assertTrue(
            self.complaint.message_ids.filtered(
                lambda m: m.author_id == self.host.partner_id
            )
        )

    def test_other_provider_tampered_id(self):
        """Another prestataire who types this complaint's id gets a 404 on the page
        and on the answer, and nothing is written; so does one not yet told."""
        self.authenticate("test_quality_other_host", "test_quality_other_host")
        url = f"/my/complaints/{self.complaint.id}"
        self.assertEqual(self.url_open(url).status_code, 404)
        response = self.url_open(
            f"{url}/answer",
            data={"answer": "Pas nous", "csrf_token": self.csrf_token()},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.complaint.provider_answer)
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(self.complaint.name, listing.text)
        # Not told yet: even the prestataire concerned does not see it.
        untold = self.make_complaint(self.provider)
        self.authenticate("test_quality_host", "test_quality_host")
        self.assertEqual(self.url_open(f"/my/complaints/{untold.id}").status_code, 404)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Visiteur Mécontent", page.text)

    def test_empty_answer(self):
        """An empty answer gets a clear message, not an error page."""
        self.authenticate("test_quality_host", "test_quality_host")
        response = self.url_open(
            f"/my/complaints/{self.complaint.id}/answer",
            data={
                "answer": "  ",
                "csrf_token": self.csrf_token(f"/my/complaints/{self.complaint.id}"),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rédigez votre réponse", response.text)
        self.assertFalse(self.complaint.provider_answer)
