# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestAdvance(RegieCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.acc_advance = cls.env["account.account"].create(
            {
                "code": "472901",
                "name": "Avances à régulariser test",
                "account_type": "asset_current",
            }
        )
        cls.regie.write(
            {"kind": "advances_receipts", "advance_account_id": cls.acc_advance.id}
        )
        cls.printer = cls.env["res.partner"].create(
            {"name": "Imprimerie de Chalosse", "is_company": True}
        )

    def make_advance(self, amount, user=None):
        return (
            self.env["tourism.regie.advance"]
            .with_user(user or self.mandataire)
            .create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.printer.id,
                    "description": "Affiches de la fête de Samadet",
                    "amount": amount,
                }
            )
        )

    def test_paid_justified_reimbursed(self):
        self.make_receipt(200.00)
        advance = self.make_advance(84.36)
        advance.action_pay()
        self.assertEqual(advance.state, "paid")
        self.assertTrue(advance.name.startswith("AV"))
        self.assertEqual(self.balance(self.acc_cash), D("115.64"))
        self.assertEqual(self.balance(self.acc_advance), D("84.36"))
        self.assertTrue(advance.move_id.inalterable_hash)
        with self.assertRaises(UserError):
            advance.amount = 80.0
        # No supporting document, no justification.
        with self.assertRaisesRegex(UserError, "supporting document"):
            advance.action_justify()
        advance.justification_ref = "Facture IMP-2026-031"
        advance.action_justify()
        self.assertEqual(advance.state, "justified")
        # The régisseur's people do not reimburse themselves.
        with self.assertRaisesRegex(UserError, "comptable"):
            advance.action_reimburse()
        advance.with_user(self.comptable).action_reimburse()
        self.assertEqual(advance.state, "reimbursed")
        self.assertTrue(advance.reimbursement_date)
        self.assertEqual(self.balance(self.acc_cash), D("200.00"))
        self.assertEqual(self.balance(self.acc_advance), D("0.00"))
        with self.assertRaises(UserError):
            advance.unlink()

    def test_refusals(self):
        self.make_receipt(50.00)
        # More than the cash held.
        advance = self.make_advance(50.01)
        with self.assertRaisesRegex(UserError, "cannot be paid"):
            advance.action_pay()
        self.assertEqual(advance.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("50.00"))
        with self.assertRaises(ValidationError):
            self.make_advance(0.0)
        # Someone who is neither régisseur nor mandataire.
        with self.assertRaises(UserError):
            self.make_advance(10.0).with_user(self.comptable).action_pay()
        # A régie de recettes only pays no advance.
        self.regie.kind = "receipts"
        with self.assertRaises(ValidationError):
            self.make_advance(10.0)

    def test_only_the_regies_people_see_its_advances(self):
        self.make_receipt(30.0)
        advance = self.make_advance(12.0)
        Advance = self.env["tourism.regie.advance"]
        other = self.env.ref("tourism_base.user_regisseur")  # the demo régie's
        self.assertNotIn(advance, Advance.with_user(other).search([]))
        with self.assertRaises(AccessError):
            advance.with_user(other).read(["amount"])
        conseiller = new_test_user(
            self.env,
            tz="Europe/Paris",
            login="conseiller_avances",
            groups="base.group_user,tourism_base.group_tourism_user",
        )
        with self.assertRaises(AccessError):
            Advance.with_user(conseiller).search([])
        self.assertIn(advance, Advance.with_user(self.comptable).search([]))
        with self.assertRaises(AccessError):
            Advance.with_user(self.comptable).create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.printer.id,
                    "description": "x",
                    "amount": 1.0,
                }
            )
