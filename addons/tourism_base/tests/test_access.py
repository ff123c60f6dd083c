# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TourismBaseCommon


@tagged("post_install", "-at_install")
class TestAccess(TourismBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Label = cls.env["tourism.partner.label"]
        cls.own_award = Label.create(
            {"partner_id": cls.provider.id, "label_id": cls.accueil_velo.id}
        )
        cls.other_award = Label.create(
            {"partner_id": cls.other_provider.id, "label_id": cls.accueil_velo.id}
        )

    def test_conseiller_manages_but_cannot_delete(self):
        env = self.env(user=self.conseiller)
        partner = env["res.partner"].create(
            {
                "name": "Nouvelle Auberge",
                "is_company": True,
                "is_tourism_provider": True,
            }
        )
        partner.tourism_capacity = 12
        award = env["tourism.partner.label"].create(
            {"partner_id": partner.id, "label_id": self.accueil_velo.id}
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            award.unlink()
        with self.assertRaisesRegex(AccessError, "Archive it instead"):
            partner.unlink()
        partner.action_archive()
        self.assertFalse(partner.active)
        # An ordinary contact is not protected.
        contact = env["res.partner"].create({"name": "Visiteur"})
        contact.unlink()

    def test_manager_can_delete(self):
        env = self.env(user=self.manager)
        env["tourism.partner.label"].browse(self.other_award.id).unlink()
        env["res.partner"].browse(self.other_provider.id).unlink()
        self.assertFalse(self.other_provider.exists())

    def test_conseiller_reads_configuration_only(self):
        env = self.env(user=self.conseiller)
        self.assertEqual(env["tourism.commune"].search_count([]), 50)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            env["tourism.commune"].create(
                {"name": "X", "insee_code": "40999", "zip": "40000"}
            )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            env["tourism.label"].browse(self.accueil_velo.id).write(
                {"validity_years": 9}
            )

    def test_portal_sees_only_its_company(self):
        env = self.env(user=self.portal_user)
        Label = env["tourism.partner.label"]
        self.assertEqual(Label.search([]), self.own_award)
        # Reading another prestataire's award by id (URL tampering) is refused.
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            Label.browse(self.other_award.id).read(["label_id"])
        # Portal users never write awards, not even their own.
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            Label.browse(self.own_award.id).write({"reference": "FAKE"})
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            Label.create(
                {"partner_id": self.provider.id, "label_id": self.accueil_velo.id}
            )
        Period = env["tourism.opening.period"]
        self.env["tourism.opening.period"].create(
            {
                "partner_id": self.other_provider.id,
                "date_from": "2026-04-01",
                "date_to": "2026-05-01",
            }
        )
        self.assertFalse(Period.search([]))

    def test_portal_write_is_limited_to_contact_fields(self):
        self.provider.with_user(self.portal_user)._tourism_portal_write(
            {
                "phone": "+33 5 58 00 00 00",
                "is_tourism_provider": False,
                "name": "Hacked",
            }
        )
        self.assertEqual(self.provider.phone, "+33 5 58 00 00 00")
        self.assertTrue(self.provider.is_tourism_provider)
        self.assertEqual(self.provider.name, "Gîte du Test")
