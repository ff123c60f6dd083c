# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged

from .common import TourismBaseCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, TourismBaseCommon):
    def _post(self, data):
        """Post the form as the browser does, with the CSRF token of the page."""
        page = self.url_open("/my/prestataire")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open("/my/prestataire", data=dict(data, csrf_token=token))

    def test_portal_page_shows_own_entry_only(self):
        self.env["tourism.partner.label"].create(
            {"partner_id": self.provider.id, "label_id": self.accueil_velo.id}
        )
        self.authenticate("test_portal_host", "test_portal_host")
        home = self.url_open("/my")
        self.assertIn("/my/prestataire", home.text)
        page = self.url_open("/my/prestataire")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Gîte du Test", page.text)
        self.assertIn("Accueil Vélo", page.text)
        self.assertNotIn("Restaurant du Voisin", page.text)
        # Ids in the URL are ignored: the page is always the user's own company.
        page = self.url_open(f"/my/prestataire?partner_id={self.other_provider.id}")
        self.assertNotIn("Restaurant du Voisin", page.text)

    def test_portal_update_cannot_target_another_partner(self):
        self.authenticate("test_portal_host", "test_portal_host")
        response = self._post(
            {
                "id": self.other_provider.id,
                "partner_id": self.other_provider.id,
                "phone": "+33 5 58 11 22 33",
                "tourism_capacity": "14",
                "name": "Renamed",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("saved=1", response.url)
        self.assertEqual(self.provider.phone, "+33 5 58 11 22 33")
        self.assertEqual(self.provider.tourism_capacity, 14)
        self.assertEqual(self.provider.name, "Gîte du Test")
        self.assertFalse(self.other_provider.phone)

    def test_portal_update_bad_input_keeps_data(self):
        self.provider.phone = "+33 5 58 44 44 44"
        self.authenticate("test_portal_host", "test_portal_host")
        response = self._post({"phone": "+33 5 58 99 99 99", "tourism_capacity": "-3"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-danger", response.text)
        self.provider.invalidate_recordset()
        self.assertEqual(self.provider.phone, "+33 5 58 44 44 44")
        self.assertEqual(self.provider.tourism_capacity, 0)

    def test_non_provider_is_sent_back(self):
        self.provider.is_tourism_provider = False
        self.authenticate("test_portal_host", "test_portal_host")
        response = self.url_open("/my/prestataire")
        self.assertNotIn("/my/prestataire", response.url)
        self.assertNotIn("/my/prestataire", self.url_open("/my").text)
