# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import TourismTaxDeclarationCommon

STAY = {"arrival": "2026-07-01", "departure": "2026-07-06", "persons": 3}


@tagged("post_install", "-at_install")
class TestMoneyLock(TourismTaxDeclarationCommon):
    """What is posted stays posted, for every user (issue 13, §1): a declaration,
    its stays, a reversal statement and a platform remittance change state only
    through their actions, and are final once out of draft. Corrections are
    rectifying declarations (CGCT L2333-34 ff.; instruction 06-031-A-B-M)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_tourism_user(
            cls.env,
            "tax_lock_manager",
            "base.group_user,tourism_base.group_tourism_manager",
        )

    def _declaration(self, **values):
        return self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": self.hotel.id,
                "period_id": self.q3.id,
                "stay_ids": [Command.create(STAY)],
                **values,
            }
        )

    def _invoiced(self):
        declaration = self._declaration()
        declaration.action_submit()
        declaration.with_user(self.ordonnateur).action_validate()
        self.assertEqual(declaration.state, "invoiced")
        return declaration

    def _pay(self, declaration):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=declaration.invoice_id.ids
        ).create({})._create_payments()

    def test_state_only_through_the_actions(self):
        """A conseiller cannot put an invoiced declaration back to draft, set it
        paid without a payment, nor cancel a paid one; a manager or the
        superuser cannot either."""
        declaration = self._invoiced()
        for user in (self.conseiller, self.manager):
            as_user = declaration.with_user(user)
            for state in ("draft", "paid", "cancel", "submitted"):
                with self.subTest(user=user.login, state=state):
                    with self.assertRaisesRegex(UserError, "only through its actions"):
                        as_user.write({"state": state})
        with self.assertRaisesRegex(UserError, "only through its actions"):
            declaration.sudo().write({"state": "paid"})
        self.assertEqual(declaration.state, "invoiced")
        self._pay(declaration)
        self.assertEqual(declaration.state, "paid")
        with self.assertRaisesRegex(UserError, "only through its actions"):
            declaration.with_user(self.conseiller).write({"state": "cancel"})
        with self.assertRaisesRegex(UserError, "corrected, not cancelled"):
            declaration.with_user(self.conseiller).action_cancel()
        # Nor created already validated.
        with self.assertRaisesRegex(UserError, "starts as a draft"):
            self.env["tourism.tax.declaration"].with_user(self.conseiller).create(
                {
                    "lodging_id": self.hotel.id,
                    "period_id": (self.deliberation.period_ids - self.q3)[0].id,
                    "state": "paid",
                }
            )

    def test_submitted_declaration_and_stays_are_final(self):
        declaration = self._declaration()
        declaration.action_submit()
        as_conseiller = declaration.with_user(self.conseiller)
        with self.assertRaisesRegex(UserError, "posted"):
            as_conseiller.write({"is_zero": True})
        with self.assertRaisesRegex(UserError, "posted"):
            as_conseiller.stay_ids.write({"persons": 1})
        with self.assertRaisesRegex(UserError, "posted"):
            self.env["tourism.tax.stay"].with_user(self.conseiller).create(
                dict(STAY, declaration_id=declaration.id)
            )
        with self.assertRaisesRegex(UserError, "posted"):
            as_conseiller.stay_ids.unlink()
        with self.assertRaisesRegex(UserError, "posted"):
            declaration.with_user(self.manager).unlink()
        # The documented way back: the office returns it to draft.
        declaration.action_back_to_draft()
        declaration.stay_ids.with_user(self.conseiller).write({"persons": 2})
        self.assertAlmostEqual(declaration.amount_total, 14.40)

    def test_interest_is_the_servers_only(self):
        """The late interest (L2333-38) is computed by the taxation d'office: a
        negative one written by a conseiller would lower the invoice."""
        declaration = self._declaration()
        declaration.action_submit()
        for user in (self.conseiller, self.manager):
            for value in (-50.0, 0.0, 3.0):
                with self.subTest(user=user.login, value=value):
                    with self.assertRaisesRegex(UserError, "Late Interest"):
                        declaration.with_user(user).write({"interest_amount": value})
        with self.assertRaisesRegex(UserError, "Late Interest"):
            self.env["tourism.tax.declaration"].with_user(self.manager).create(
                {
                    "lodging_id": self.hotel.id,
                    "period_id": self.q3.id,
                    "interest_amount": -50.0,
                }
            )
        for field, value in (
            ("invoice_id", self.env["account.move"].search([], limit=1).id),
            ("rectified_id", declaration.id),
        ):
            with self.subTest(field=field):
                with self.assertRaisesRegex(UserError, "server only"):
                    declaration.with_user(self.manager).write({field: value})
        declaration.with_user(self.ordonnateur).action_validate()
        self.assertAlmostEqual(declaration.invoice_id.amount_total, 21.60)

    def test_reversal_and_remittance_are_final(self):
        declaration = self._invoiced()
        self._pay(declaration)
        Reversal = self.env["tourism.tax.reversal"].with_user(self.regisseur)
        reversal = Reversal.create(
            {
                "surcharge_id": self.gpso.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
            }
        )
        self.assertEqual(reversal.declaration_ids, declaration)
        # Lines are the server's: no declaration added, no amount changed.
        with self.assertRaisesRegex(UserError, "drawn up by the server"):
            reversal.line_ids.write({"amount": 99.0})
        with self.assertRaisesRegex(UserError, "drawn up by the server"):
            self.env["tourism.tax.reversal.line"].with_user(self.regisseur).create(
                {
                    "reversal_id": reversal.id,
                    "surcharge_id": self.departement.id,
                    "declaration_id": declaration.id,
                    "amount": 99.0,
                }
            )
        with self.assertRaisesRegex(UserError, "only through its actions"):
            reversal.write({"state": "done"})
        reversal.action_validate()
        for vals in ({"state": "draft"}, {"date_to": "2026-12-31"}):
            with self.assertRaises(UserError):
                reversal.write(vals)
        with self.assertRaisesRegex(UserError, "posted"):
            reversal.unlink()
        with self.assertRaisesRegex(UserError, "posted"):
            reversal.line_ids.sudo().unlink()

        remittance = (
            self.env["tourism.tax.remittance"]
            .with_user(self.regisseur)
            .create(
                {
                    "platform_id": self.env["res.partner"]
                    .create({"name": "Plateforme", "is_tourism_platform": True})
                    .id,
                    "date": "2026-07-10",
                    "amount_received": 10.0,
                    "file": base64.b64encode(b"annonce;taxe\nA1;10,00\n"),
                    "filename": "releve.csv",
                }
            )
        )
        remittance.action_import()
        with self.assertRaisesRegex(UserError, "only through its actions"):
            remittance.write({"state": "posted"})
        # Booked as action_post does (its accounts are not this test's point).
        remittance._money_set_state("posted")
        with self.assertRaisesRegex(UserError, "posted"):
            remittance.write({"amount_received": 1.0})
        with self.assertRaisesRegex(UserError, "posted"):
            remittance.line_ids.write({"tax_collected": 1.0})
        with self.assertRaisesRegex(UserError, "posted"):
            remittance.action_import()
        with self.assertRaisesRegex(UserError, "posted"):
            remittance.unlink()

    def test_changes_are_in_the_audit_log(self):
        """The Responsable OT sees who changed what and when (OCA auditlog)."""
        Rule = self.env["auditlog.rule"]
        for model in (
            "tourism.tax.declaration",
            "tourism.tax.stay",
            "tourism.tax.reversal",
            "tourism.tax.reversal.line",
            "tourism.tax.remittance",
            "tourism.tax.remittance.line",
        ):
            rule = Rule.search([("model_id.model", "=", model)])
            self.assertEqual(rule.state, "subscribed", model)
        declaration = self._declaration()
        declaration.with_user(self.conseiller).write({"is_zero": True})
        log = self.env["auditlog.log"].search(
            [
                ("model_id.model", "=", "tourism.tax.declaration"),
                ("res_id", "=", declaration.id),
                ("method", "=", "write"),
            ]
        )
        self.assertEqual(log.user_id, self.conseiller)
        self.assertIn("is_zero", log.line_ids.field_id.mapped("name"))
