# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class TourismBaseCommon(TransactionCase):
    """Prestataires and users the tests create themselves (no reliance on demo data)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Logic tests read the English source messages; the tour and the portal
        # tests read French.
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, lang="en_US")
        )
        cls.saint_sever = cls.env.ref("tourism_base.commune_40282")
        cls.pimbo = cls.env.ref("tourism_base.commune_40226")
        cls.accommodation = cls.env.ref("tourism_base.activity_type_accommodation")
        cls.restaurant = cls.env.ref("tourism_base.activity_type_restaurant")
        cls.accueil_velo = cls.env.ref("tourism_base.label_accueil_velo")
        cls.stars = cls.env.ref("tourism_base.classification_scheme_stars")
        Partner = cls.env["res.partner"]
        cls.provider = Partner.create(
            {
                "name": "Gîte du Test",
                "is_company": True,
                "is_tourism_provider": True,
                "tourism_commune_id": cls.pimbo.id,
                "tourism_activity_ids": [Command.set(cls.accommodation.ids)],
            }
        )
        cls.other_provider = Partner.create(
            {
                "name": "Restaurant du Voisin",
                "is_company": True,
                "is_tourism_provider": True,
                "tourism_commune_id": cls.saint_sever.id,
                "tourism_activity_ids": [Command.set(cls.restaurant.ids)],
            }
        )
        cls.conseiller = new_test_user(
            cls.env,
            tz="Europe/Paris",
            login="test_conseiller",
            groups="base.group_user,tourism_base.group_tourism_user",
            name="Test Conseiller",
            lang="fr_FR",
        )
        cls.manager = new_test_user(
            cls.env,
            tz="Europe/Paris",
            login="test_responsable",
            groups="base.group_user,tourism_base.group_tourism_manager",
            name="Test Responsable",
        )
        cls.portal_contact = Partner.create(
            {
                "name": "Jean Hôte",
                "parent_id": cls.provider.id,
                "email": "jean@gite.example.com",
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            tz="Europe/Paris",
            login="test_portal_host",
            password="test_portal_host",
            groups="base.group_portal",
            partner_id=cls.portal_contact.id,
            lang="fr_FR",
        )
