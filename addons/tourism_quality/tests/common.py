# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.tourism_base.tests.common import TourismCase, new_tourism_user


class QualityCommon(TourismCase):
    """Two prestataires with a portal user each, a conseiller: made here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.provider = Partner.create(
            {
                "name": "Gîte Qualité Test",
                "is_company": True,
                "is_tourism_provider": True,
                "email": "gite@qualite.example.com",
            }
        )
        cls.other_provider = Partner.create(
            {
                "name": "Ferme Voisine Test",
                "is_company": True,
                "is_tourism_provider": True,
                "email": "ferme@voisine.example.com",
            }
        )
        cls.host = new_tourism_user(
            cls.env,
            "test_quality_host",
            "base.group_portal",
            password="test_quality_host",
            name="Hôte Qualité",
            lang="fr_FR",
        )
        cls.host.partner_id.parent_id = cls.provider
        cls.other_host = new_test_user(
            cls.env,
            login="test_quality_other_host",
            password="test_quality_other_host",
            groups="base.group_portal",
            name="Hôte Voisin",
        )
        cls.other_host.partner_id.parent_id = cls.other_provider
        cls.conseiller = new_tourism_user(
            cls.env,
            "test_quality_conseiller",
            "base.group_user,tourism_base.group_tourism_user",
            name="Conseiller Qualité",
            email="conseiller@office.example.com",
        )
        cls.visitor = Partner.create(
            {"name": "Visiteur Mécontent", "email": "visiteur@example.fr"}
        )
        cls.theme = cls.env.ref("tourism_quality.complaint_theme_accommodation")

    @classmethod
    def make_complaint(cls, provider=None, **vals):
        return (
            cls.env["tourism.complaint"]
            .with_user(cls.conseiller)
            .create(
                {
                    "partner_id": cls.visitor.id,
                    "subject_type": "provider" if provider else "office",
                    "provider_id": provider.id if provider else False,
                    "theme_id": cls.theme.id,
                    "description": "<p>Chambre bruyante.</p>",
                    **vals,
                }
            )
        )
