# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

#: The test users work in the office's time zone, like the superuser that
#: creates the test records: around midnight UTC their "today" is the same day.
OFFICE_TZ = "Europe/Paris"


def new_tourism_user(env, login, groups, **values):
    """A user of the office (its groups a comma-separated list of xml ids), in
    the office's time zone."""
    return new_test_user(env, login=login, groups=groups, tz=OFFICE_TZ, **values)


def new_portal_host(env, login, company, name, email=None, **values):
    """A new contact of the prestataire `company` with a portal login, in French;
    its password is its login (the tours log in with it)."""
    contact = env["res.partner"].create(
        {"name": name, "parent_id": company.id, **({"email": email} if email else {})}
    )
    values.setdefault("lang", "fr_FR")
    return new_tourism_user(
        env,
        login,
        "base.group_portal",
        password=login,
        partner_id=contact.id,
        **values,
    )


class TourismCase(TransactionCase):
    """Logic tests read the English source messages (the tours and the portal
    tests read French), without tracking messages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, lang="en_US")
        )


class TourismBaseCommon(TourismCase):
    """Prestataires and users the tests create themselves (no reliance on demo data)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
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
        cls.conseiller = new_tourism_user(
            cls.env,
            "test_conseiller",
            "base.group_user,tourism_base.group_tourism_user",
            name="Test Conseiller",
            lang="fr_FR",
        )
        cls.manager = new_tourism_user(
            cls.env,
            "test_responsable",
            "base.group_user,tourism_base.group_tourism_manager",
            name="Test Responsable",
        )
        cls.portal_user = new_portal_host(
            cls.env,
            "test_portal_host",
            cls.provider,
            "Jean Hôte",
            email="jean@gite.example.com",
        )
