# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestAccess(RegieCommon):
    def test_regisseur_sees_his_regie_only(self):
        demo_regie = self.env.ref("tourism_regie.regie_chalosse_tursan")
        Regie = self.env["tourism.regie"].with_user(self.regisseur)
        self.assertEqual(Regie.search([]), self.regie)
        with self.assertRaises(AccessError):
            demo_regie.with_user(self.regisseur).read(["name"])
        receipt = self.make_receipt(10.0)
        demo_receipt = self.env.ref("tourism_regie.receipt_tickets_pimbo")
        Receipt = self.env["tourism.regie.receipt"].with_user(self.regisseur)
        self.assertEqual(Receipt.search([]), receipt)
        with self.assertRaises(AccessError):
            demo_receipt.with_user(self.regisseur).read(["amount"])

    def test_mandataire_operates_but_not_the_settings(self):
        receipt = self.make_receipt(10.0, post=False)
        receipt.with_user(self.mandataire).action_post()
        with self.assertRaises(AccessError):
            self.regie.with_user(self.mandataire).write({"max_cash": 99999})

    def test_comptable_reads_all_and_changes_no_receipt(self):
        receipt = self.make_receipt(10.0)
        as_comptable = self.env["tourism.regie.receipt"].with_user(self.comptable)
        self.assertIn(receipt, as_comptable.search([]))
        self.assertIn(
            self.env.ref("tourism_regie.receipt_tickets_pimbo"), as_comptable.search([])
        )
        draft = self.make_receipt(10.0, post=False)
        with self.assertRaises(AccessError):
            draft.with_user(self.comptable).write({"cheque_number": "1"})
        with self.assertRaises(AccessError):
            as_comptable.create(
                {
                    "regie_id": self.regie.id,
                    "receipt_type_id": self.type_tours.id,
                    "description": "x",
                    "amount": 1,
                }
            )
        self.assertTrue(self.env["tourism.regie"].with_user(self.comptable).search([]))

    def test_conseiller_sees_his_information_point_sessions_only(self):
        hagetmau = self.env.ref("tourism_pos.pos_config_bit_hagetmau")
        geaune = self.env.ref("tourism_pos.pos_config_bit_geaune")
        sessions = self.env["pos.session"].create({"config_id": hagetmau.id})
        sessions |= self.env["pos.session"].create({"config_id": geaune.id})
        conseiller = new_tourism_user(
            self.env,
            "conseiller_hagetmau",
            "base.group_user,tourism_base.group_tourism_user",
        )
        conseiller.tourism_bit_id = hagetmau.tourism_bit_id
        Session = self.env["pos.session"].with_user(conseiller)
        self.assertIn(sessions[0], Session.search([]))
        self.assertNotIn(sessions[1], Session.search([]))
        with self.assertRaises(AccessError):
            sessions[1].with_user(conseiller).read(["name"])
        configs = self.env["pos.config"].with_user(conseiller).search([])
        self.assertIn(hagetmau, configs)
        self.assertNotIn(geaune, configs)
        # The régisseur sees every till of the régie.
        self.assertIn(
            sessions[1], self.env["pos.session"].with_user(self.regisseur).search([])
        )
        # No régie books for a plain conseiller.
        with self.assertRaises(AccessError):
            self.env["tourism.regie.book.line"].with_user(conseiller).search([])
