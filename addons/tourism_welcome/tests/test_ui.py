# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import WelcomeCommon


@tagged("post_install", "-at_install")
class TestCounterUi(HttpCase, WelcomeCommon):
    def test_counter_one_click(self):
        """In French, once the counter screen is open, a contact is recorded in one
        click (the target is at most three), and detailed in three more: open the
        last one, tick a theme, save."""
        self.preset.write(
            {"name": "Comptoir · Espagne", "country_id": self.env.ref("base.es").id}
        )
        self.start_tour(
            "/odoo/action-tourism_welcome.tourism_welcome_counter_action",
            "tourism_welcome_counter",
            login="test_welcome_conseiller",
        )
        contact = self.env["tourism.welcome.contact"].search(
            [("user_id", "=", self.conseiller.id)]
        )
        self.assertEqual(len(contact), 1)
        self.assertEqual(contact.bit_id, self.bit)
        self.assertEqual(contact.country_id.code, "ES")
        self.assertEqual(contact.theme_ids, self.theme_hiking)
