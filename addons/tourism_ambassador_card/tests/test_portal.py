# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import AmbassadorCardCommon


@tagged("post_install", "-at_install")
class TestAmbassadorCardPortal(AmbassadorCardCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cards()
        cls.portal_user = cls.env.ref("tourism_base.user_prestataire")
        cls.company_card = cls.env.ref("tourism_ambassador_card.card_hotel_de_l_abbaye")
        cls.other_card = cls.env.ref(
            "tourism_ambassador_card.card_cave_des_coteaux_du_tursan"
        )

    def test_record_rule(self):
        Card = self.env["tourism.ambassador.card"].with_user(self.portal_user)
        cards = Card.search([])
        self.assertIn(self.staff_card, cards)
        self.assertIn(self.company_card, cards)
        self.assertNotIn(self.other_card, cards)
        self.assertNotIn(self.resident_card, cards)
        with self.assertRaises(AccessError):
            self.other_card.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.staff_card.with_user(self.portal_user).write({"state": "revoked"})

    def test_portal_list_and_download(self):
        self.authenticate("prestataire", "prestataire")
        response = self.url_open("/my/ambassador_cards")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.staff_card.name, response.text)
        self.assertIn(self.company_card.name, response.text)
        self.assertNotIn(self.other_card.name, response.text)
        self.assertNotIn(self.resident_card.name, response.text)
        # Home page counter entry.
        home = self.url_open("/my/home")
        self.assertIn("/my/ambassador_cards", home.text)
        pdf = self.url_open(f"/my/ambassador_cards/{self.staff_card.id}?download=1")
        self.assertEqual(pdf.status_code, 200)
        # Under tests Odoo renders reports as HTML instead of calling wkhtmltopdf.
        self.assertIn(self.staff_card.name, pdf.text)
        self.assertIn("barcode_type=QR", pdf.text)

    def test_portal_tampered_ids(self):
        self.authenticate("prestataire", "prestataire")
        for card_id in (self.other_card.id, self.resident_card.id, 99999999):
            with self.subTest(card_id=card_id):
                response = self.url_open(f"/my/ambassador_cards/{card_id}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"%PDF", response.content[:10])

    def test_portal_needs_login(self):
        response = self.url_open(
            f"/my/ambassador_cards/{self.staff_card.id}", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
