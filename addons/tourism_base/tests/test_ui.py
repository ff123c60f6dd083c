# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import TourismBaseCommon


@tagged("post_install", "-at_install")
class TestUi(HttpCase, TourismBaseCommon):
    def test_conseiller_finds_provider_by_commune_and_label(self):
        """A conseiller, in French, finds a prestataire of Pimbo with Accueil Vélo."""
        self.conseiller.password = "test_conseiller"
        Award = self.env["tourism.partner.label"]
        Award.create({"partner_id": self.provider.id, "label_id": self.accueil_velo.id})
        # Same commune without the label, same label in another commune: both are
        # filtered out.
        self.env["res.partner"].create(
            {
                "name": "Auberge sans label",
                "is_company": True,
                "is_tourism_provider": True,
                "tourism_commune_id": self.pimbo.id,
            }
        )
        Award.create(
            {"partner_id": self.other_provider.id, "label_id": self.accueil_velo.id}
        )
        self.start_tour("/odoo", "tourism_base_find_provider", login="test_conseiller")
