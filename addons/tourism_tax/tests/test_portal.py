# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_portal_host

from .common import TourismTaxCommon


@tagged("post_install", "-at_install")
class TestPortalLodgings(HttpCase, TourismTaxCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.tourism_commune_id = cls.commune
        # The collectivity collects the tax: hosts may place lodgings in it.
        deliberation = cls._deliberation()
        deliberation.action_generate_periods()
        deliberation.action_adopt()
        cls.own = cls._lodging(
            name="Gîte de l'Hôte", nature="furnished", classification="2"
        )
        cls.other_host = cls.env["res.partner"].create(
            {"name": "Voisin", "is_company": True, "is_tourism_provider": True}
        )
        cls.other = cls._lodging(
            name="Gîte du Voisin", host_id=cls.other_host.id, capacity=7
        )
        new_portal_host(cls.env, "lodging_host", cls.host, "Hélène")
        cls.furnished = cls.ref("tourism_tax.lodging_nature_furnished")

    def _post(self, url, data):
        page = self.url_open(url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(url, data=dict(data, csrf_token=token))

    def test_list_shows_own_lodgings_only(self):
        self.authenticate("lodging_host", "lodging_host")
        self.assertIn("/my/lodgings", self.url_open("/my").text)
        page = self.url_open("/my/lodgings")
        self.assertIn("Gîte de l&#39;Hôte", page.text)
        self.assertNotIn("Gîte du Voisin", page.text)

    def test_other_hosts_lodging_is_refused(self):
        self.authenticate("lodging_host", "lodging_host")
        page = self.url_open(f"/my/lodgings/{self.other.id}")
        self.assertNotIn("Gîte du Voisin", page.text)
        self.assertTrue(page.url.endswith("/my/lodgings"))
        # Posting to it changes nothing, whatever the form says.
        response = self._post(
            f"/my/lodgings/{self.own.id}", {"name": "Gîte de l'Hôte", "capacity": "3"}
        )
        self.assertEqual(response.status_code, 200)
        page = self.url_open("/my/lodgings/new")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        self.url_open(
            f"/my/lodgings/{self.other.id}",
            data={"capacity": "99", "csrf_token": token},
        )
        self.assertEqual(self.other.capacity, 7)
        self.assertEqual(self.own.capacity, 3)

    def test_declare_a_lodging(self):
        self.authenticate("lodging_host", "lodging_host")
        response = self._post(
            "/my/lodgings/new",
            {
                "name": "Studio du Marché",
                "commune_id": str(self.commune.id),
                "nature_id": str(self.furnished.id),
                "classification": "0",
                "capacity": "2",
                "registration_number": "40999 000777 ZZ",
                "host_id": str(self.other_host.id),  # tampering: ignored
            },
        )
        self.assertIn("saved=1", response.url)
        lodging = self.env["tourism.lodging"].search(
            [("name", "=", "Studio du Marché")]
        )
        self.assertEqual(lodging.host_id, self.host)
        self.assertEqual(lodging.registration_number, "40999000777ZZ")
        self.assertEqual(lodging.category_id.code, "unclassified")

    def test_bad_input_is_explained_and_nothing_saved(self):
        self.authenticate("lodging_host", "lodging_host")
        response = self._post(
            "/my/lodgings/new",
            {
                "name": "Mauvais numéro",
                "commune_id": str(self.commune.id),
                "nature_id": str(self.furnished.id),
                "classification": "0",
                "capacity": "2",
                "registration_number": "12345",
            },
        )
        self.assertIn("o_tourism_error", response.text)
        self.assertIn("Mauvais numéro", response.text)  # what was typed is kept
        self.assertFalse(
            self.env["tourism.lodging"].search([("name", "=", "Mauvais numéro")])
        )
        response = self._post(
            "/my/lodgings/new", {"name": "", "commune_id": "", "nature_id": ""}
        )
        self.assertIn("o_tourism_error", response.text)
        response = self._post(
            "/my/lodgings/new",
            {"name": "X", "commune_id": "999999", "nature_id": str(self.furnished.id)},
        )
        self.assertIn("o_tourism_error", response.text)
