# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.tourism_base.tests.common import TourismCase, new_tourism_user


class WelcomeCommon(TourismCase):
    """Two points, two conseillers, a brochure in stock: made here, no demo needed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Bit = cls.env["tourism.bit"]
        cls.head = Bit.create({"name": "BIT Test Siège", "code": "TSIE"})
        cls.head.is_head_office = True
        cls.bit = Bit.create({"name": "BIT Test Bastide", "code": "TBAS"})
        cls.conseiller = new_tourism_user(
            cls.env,
            "test_welcome_conseiller",
            "base.group_user,tourism_base.group_tourism_user",
            password="test_welcome_conseiller",
            name="Conseillère Test",
            lang="fr_FR",
        )
        cls.conseiller.tourism_bit_id = cls.bit
        cls.colleague = new_tourism_user(
            cls.env,
            "test_welcome_colleague",
            "base.group_user,tourism_base.group_tourism_user",
            name="Collègue Test",
        )
        cls.colleague.tourism_bit_id = cls.head
        cls.manager = new_tourism_user(
            cls.env,
            "test_welcome_manager",
            "base.group_user,tourism_base.group_tourism_manager",
            name="Responsable Test",
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="test_welcome_portal",
            groups="base.group_portal",
            name="Portail Test",
        )
        cls.brochure = cls.env["product.product"].create(
            {
                "name": "Carte test",
                "type": "consu",
                "is_storable": True,
                "tourism_is_brochure": True,
            }
        )
        cls.location = cls.bit._tourism_warehouse().lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(
            cls.brochure, cls.location, 100
        )
        cls.france = cls.env.ref("base.fr")
        cls.landes = cls.env.ref("tourism_welcome.state_fr_40")
        cls.theme_hiking = cls.env.ref("tourism_welcome.theme_hiking")
        cls.preset = cls.env["tourism.welcome.preset"].create(
            {"name": "Comptoir test", "channel": "counter", "people": 1}
        )

    def stock_at_point(self, product=None):
        return (
            (product or self.brochure)
            .with_context(location=self.location.id)
            .qty_available
        )
