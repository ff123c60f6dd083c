# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from decimal import Decimal as D

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import RegieCommon


class IntegrityCommon(RegieCommon):
    def deposit(self, user=None, **vals):
        deposit = (
            self.env["tourism.regie.deposit"]
            .with_user(user or self.regisseur)
            .create({"regie_id": self.regie.id, **vals})
        )
        deposit.action_compute_lines()
        return deposit


@tagged("post_install", "-at_install")
class TestPostedIsFinal(IntegrityCommon):
    """What is posted stays posted, for the régisseur too (issue 13 §1; the
    quittancier is a journal à souches numérotées: instruction 06-031-A-B-M)."""

    def test_regisseur_cannot_unpost_nor_delete_a_receipt(self):
        receipt = self.make_receipt(40.0).with_user(self.regisseur)
        with self.assertRaisesRegex(UserError, "only through its actions"):
            receipt.write({"state": "draft"})
        with self.assertRaisesRegex(UserError, "is posted"):
            receipt.write({"amount": 4.0})
        with self.assertRaisesRegex(UserError, "is posted"):
            receipt.unlink()
        receipt.cancel_reason = "Erreur de montant"
        receipt.action_cancel()
        self.assertEqual(receipt.state, "cancel")
        # A cancelled receipt is not brought back to life either.
        with self.assertRaisesRegex(UserError, "only through its actions"):
            receipt.write({"state": "posted"})
        with self.assertRaisesRegex(UserError, "is posted"):
            receipt.write({"cancel_reason": "Rien"})
        with self.assertRaisesRegex(UserError, "is posted"):
            receipt.unlink()
        self.assertEqual(self.balance(self.acc_cash), D("0.00"))

    def test_paid_in_versement_and_its_lines_are_final(self):
        self.make_receipt(120.0)
        self.make_receipt(30.0, nature="cheque", cheque_number="88")
        deposit = self.deposit()
        deposit.action_validate()
        line = deposit.line_ids[0]
        with self.assertRaisesRegex(UserError, "is posted"):
            line.amount = 1.0
        with self.assertRaisesRegex(UserError, "is posted"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "is posted"):
            self.env["tourism.regie.deposit.line"].with_user(self.regisseur).create(
                {
                    "deposit_id": deposit.id,
                    "nature": "cash",
                    "account_id": self.acc_cash.id,
                    "amount": 5.0,
                }
            )
        with self.assertRaisesRegex(UserError, "only through its actions"):
            deposit.write({"state": "draft"})
        with self.assertRaisesRegex(UserError, "only through its actions"):
            deposit.write({"state": "acknowledged"})
        with self.assertRaisesRegex(UserError, "is posted"):
            deposit.unlink()
        # The comptable records his receipt, then it stays.
        as_comptable = deposit.with_user(self.comptable)
        as_comptable.write({"ack_date": deposit.date, "ack_number": "DGFIP-12"})
        as_comptable.action_acknowledge()
        self.assertEqual(deposit.state, "acknowledged")
        with self.assertRaisesRegex(UserError, "is posted"):
            as_comptable.ack_number = "DGFIP-13"
        with self.assertRaisesRegex(UserError, "only through its actions"):
            as_comptable.write({"state": "done"})
        self.assertEqual(deposit.amount_total, 150.0)
        self.assertEqual(self.balance(self.acc_transfer), D("150.00"))

    def test_new_documents_start_as_drafts(self):
        Receipt = self.env["tourism.regie.receipt"].with_user(self.regisseur)
        with self.assertRaisesRegex(UserError, "starts as a draft"):
            Receipt.create(
                {
                    "regie_id": self.regie.id,
                    "receipt_type_id": self.type_tours.id,
                    "description": "Visite",
                    "amount": 10.0,
                    "state": "posted",
                }
            )

    def test_audit_log_of_the_money_documents(self):
        """OCA auditlog: the Responsable OT sees who changed what and when."""
        receipt = self.make_receipt(12.0, post=False).with_user(self.regisseur)
        receipt.description = "Visite de l'abbatiale"
        receipt.action_post()
        logs = self.env["auditlog.log"].search(
            [
                ("model_id.model", "=", "tourism.regie.receipt"),
                ("res_id", "=", receipt.id),
                ("method", "=", "write"),
            ]
        )
        self.assertIn(self.regisseur, logs.user_id)
        changed = logs.line_ids.mapped("field_id.name")
        self.assertIn("description", changed)
        self.assertIn("state", changed)


@tagged("post_install", "-at_install")
class TestVersementFromTheBooks(IntegrityCommon):
    """A versement line's account and balance come from the régie's books when
    it is validated, never from the client (issue 13 §2)."""

    def test_forged_line_is_refused(self):
        self.make_receipt(50.0)
        deposit = self.deposit(user=self.mandataire)
        Line = self.env["tourism.regie.deposit.line"].with_user(self.mandataire)
        # Any account, any balance: the client's figures.
        forged = Line.create(
            {
                "deposit_id": deposit.id,
                "nature": "cash",
                "account_id": self.acc_shop.id,
                "balance": 99999.0,
                "amount": 500.0,
            }
        )
        with self.assertRaisesRegex(UserError, "cannot be paid in"):
            deposit.action_validate()
        forged.unlink()
        # The cash account, with a balance the books do not show.
        (deposit.line_ids - forged).unlink()
        Line.create(
            {
                "deposit_id": deposit.id,
                "nature": "cheque",
                "account_id": self.acc_cash.id,
                "balance": 99999.0,
                "amount": 500.0,
            }
        )
        with self.assertRaisesRegex(UserError, "holds 50.00"):
            deposit.action_validate()
        self.assertEqual(deposit.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("50.00"))
        # Within what the books hold: paid in, with the books' figures.
        deposit.line_ids.amount = 30.0
        deposit.action_validate()
        self.assertRecordValues(
            deposit.line_ids, [{"nature": "cash", "balance": 50.0, "amount": 30.0}]
        )
        self.assertEqual(self.balance(self.acc_cash), D("20.00"))

    def test_two_drafts_of_the_same_cash(self):
        self.make_receipt(100.0)
        first = self.deposit()
        second = self.deposit(user=self.mandataire)
        self.assertEqual(second.amount_total, 100.0)
        first.action_validate()
        with self.assertRaisesRegex(UserError, "holds 0.00"):
            second.action_validate()
        self.assertEqual(second.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("0.00"))
        # Two lines of the same account in one versement do not add up either.
        self.make_receipt(40.0)
        third = self.deposit()
        third.line_ids = [
            Command.create(
                {
                    "nature": "cash",
                    "account_id": self.acc_cash.id,
                    "balance": 40.0,
                    "amount": 40.0,
                }
            )
        ]
        with self.assertRaisesRegex(UserError, "80.00 cannot be paid in"):
            third.action_validate()

    def test_dates_follow_the_last_versement(self):
        """A receipt or a versement is never dated before the last versement,
        whose bordereau justified the receipts up to its date (instruction
        06-031-A-B-M)."""
        today = fields.Date.context_today(self.regie)
        self.make_receipt(60.0, date=today - timedelta(days=2))
        self.deposit(date=today - timedelta(days=1)).action_validate()
        with self.assertRaisesRegex(ValidationError, "cannot be dated before"):
            self.make_receipt(10.0, date=today - timedelta(days=2), post=False)
        self.make_receipt(10.0, date=today - timedelta(days=1))
        with self.assertRaisesRegex(UserError, "cannot be dated before"):
            self.deposit(date=today - timedelta(days=2)).action_validate()


@tagged("post_install", "-at_install")
class TestSeparationOfFunctions(IntegrityCommon):
    """CGCT R1617-3; instruction 06-031-A-B-M: ordonnateur, régisseur and
    comptable are separate; each does only his part (issue 13 §3)."""

    def test_an_ordonnateur_is_never_regisseur_nor_mandataire(self):
        ordonnateur = self.env.ref("tourism_base.group_tourism_ordonnateur")
        # Flagging the régisseur or a mandataire as ordonnateur is refused...
        for user in (self.regisseur, self.mandataire):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(ValidationError, "R1617-3"):
                    user.groups_id = [Command.link(ordonnateur.id)]
                with self.assertRaisesRegex(ValidationError, "R1617-3"):
                    ordonnateur.users = [Command.link(user.id)]
        # ...and so is making an ordonnateur régisseur or mandataire.
        president = new_tourism_user(
            self.env,
            "president_r",
            "base.group_user,tourism_base.group_tourism_ordonnateur",
        )
        with self.assertRaisesRegex(ValidationError, "ordonnateur"):
            self.regie.regisseur_id = president
        with self.assertRaisesRegex(ValidationError, "ordonnateur"):
            self.regie.mandataire_ids = [
                Command.create({"user_id": president.id, "date_from": "2026-01-01"})
            ]

    def test_a_former_mandataire_may_become_ordonnateur(self):
        former = new_tourism_user(
            self.env,
            "ancien_mandataire",
            "base.group_user,tourism_regie.group_tourism_regie_mandataire",
        )
        self.regie.mandataire_ids = [
            Command.create(
                {
                    "user_id": former.id,
                    "date_from": "2020-01-01",
                    "date_to": "2020-12-31",
                }
            )
        ]
        former.groups_id = [
            Command.link(self.env.ref("tourism_base.group_tourism_ordonnateur").id)
        ]
        self.assertTrue(former._tourism_is_ordonnateur())

    def test_responsable_ot_does_not_handle_the_money(self):
        manager = new_tourism_user(
            self.env,
            "responsable_r",
            "base.group_user,tourism_base.group_tourism_manager",
        )
        self.assertFalse(manager.has_group("tourism_base.group_tourism_regisseur"))
        self.assertFalse(manager.has_group("tourism_base.group_tourism_accountant"))
        receipt = self.make_receipt(10.0, post=False)
        with self.assertRaisesRegex(UserError, "neither the régisseur"):
            receipt.with_user(manager).action_post()
        with self.assertRaises(AccessError):
            self.env["tourism.regie.receipt"].with_user(manager).create(
                {
                    "regie_id": self.regie.id,
                    "receipt_type_id": self.type_tours.id,
                    "description": "x",
                    "amount": 1.0,
                }
            )
        # He still reads everything (the Régie menu too) and administers the régie.
        menu = self.env.ref("tourism_regie.menu_tourism_regie_root")
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(manager)._visible_menu_ids()
        )
        self.assertIn(
            receipt, self.env["tourism.regie.receipt"].with_user(manager).search([])
        )
        self.regie.with_user(manager).max_cash = 1500

    def test_only_another_comptable_acknowledges_and_reimburses(self):
        # Someone who is both mandataire and comptable (an error of set-up).
        both = new_tourism_user(
            self.env,
            "mandataire_comptable",
            "base.group_user,tourism_regie.group_tourism_regie_mandataire,"
            "tourism_base.group_tourism_accountant",
        )
        self.regie.mandataire_ids = [
            Command.create({"user_id": both.id, "date_from": "2020-01-01"})
        ]
        self.make_receipt(25.0)
        deposit = self.deposit(user=both)
        deposit.action_validate()
        deposit.write({"ack_date": deposit.date, "ack_number": "DGFIP-1"})
        # The régisseur is not the comptable.
        with self.assertRaisesRegex(UserError, "Only the comptable"):
            deposit.with_user(self.regisseur).action_acknowledge()
        # Nobody acknowledges his own versement.
        with self.assertRaisesRegex(UserError, "someone else"):
            deposit.with_user(both).action_acknowledge()
        deposit.with_user(self.comptable).action_acknowledge()
        self.assertEqual(deposit.state, "acknowledged")

    def test_former_mandataire_loses_access(self):
        today = fields.Date.context_today(self.regie)
        receipt = self.make_receipt(10.0)
        Receipt = self.env["tourism.regie.receipt"].with_user(self.mandataire)
        self.assertIn(receipt, Receipt.search([]))
        # His mandate ended yesterday.
        self.regie.mandataire_ids.date_to = today - timedelta(days=1)
        self.assertNotIn(receipt, Receipt.search([]))
        with self.assertRaises(AccessError):
            receipt.with_user(self.mandataire).read(["amount"])
        with self.assertRaises(AccessError):
            self.env["tourism.regie"].with_user(self.mandataire).browse(
                self.regie.id
            ).read(["name"])
        with self.assertRaises(AccessError):
            self.make_receipt(5.0, post=False).with_user(self.mandataire).action_post()
        # A mandate that ends today still works today.
        self.regie.mandataire_ids.date_to = today
        self.assertIn(receipt, Receipt.search([]))

    def test_mandate_ends_at_midnight_in_paris_not_utc(self):
        """CGCT R1617-3: the mandate's dates are days of the office's calendar. At
        23:30 UTC on 7 December it is already the 8th in Saint-Sever: a mandate that
        ended on the 7th gives no more access, one that starts on the 8th does. (Ten
        years ahead, so that a rule reading any other clock than Odoo's, which the
        test freezes, fails too.)"""
        receipt = self.make_receipt(10.0)
        Receipt = self.env["tourism.regie.receipt"].with_user(self.mandataire)
        line = self.regie.mandataire_ids
        with freeze_time("2036-12-07 23:30:00"):
            self.env.registry.clear_cache()
            line.date_to = fields.Date.to_date("2036-12-07")
            self.assertNotIn(receipt, Receipt.search([]))
            line.write({"date_from": "2036-12-08", "date_to": False})
            self.assertIn(receipt, Receipt.search([]))

    def test_suppleant_two_months_at_most(self):
        """CGCT R1617-5-1, 2°: beyond two months of absence, an intérimaire."""
        line = self.regie.mandataire_ids  # a mandataire since 2020, without end
        with self.assertRaisesRegex(ValidationError, "two months at most"):
            line.role = "suppleant"
        with self.assertRaisesRegex(ValidationError, "two months at most"):
            self.regie.mandataire_ids = [
                Command.create(
                    {
                        "user_id": self.mandataire.id,
                        "role": "suppleant",
                        "date_from": "2026-07-01",
                    }
                )
            ]
        with self.assertRaisesRegex(ValidationError, "two months at most"):
            line.write(
                {
                    "role": "suppleant",
                    "date_from": "2026-07-01",
                    "date_to": "2026-09-02",
                }
            )
        line.write(
            {"role": "suppleant", "date_from": "2026-07-01", "date_to": "2026-09-01"}
        )
        self.assertEqual(line.role, "suppleant")

    def test_only_a_regie_administrator_assigns_a_till(self):
        pos_manager = new_tourism_user(
            self.env, "pos_manager_r", "base.group_user,point_of_sale.group_pos_manager"
        )
        config = self.env.ref("tourism_pos.pos_config_bit_samadet")
        with self.assertRaisesRegex(AccessError, "régie administrator"):
            config.with_user(pos_manager).tourism_regie_id = self.regie
        with self.assertRaisesRegex(AccessError, "régie administrator"):
            self.regie.with_user(self.regisseur).action_attach_points_of_sale(
                config.ids
            )
        manager = new_tourism_user(
            self.env,
            "responsable_till",
            "base.group_user,tourism_base.group_tourism_manager",
        )
        self.regie.with_user(manager).action_attach_points_of_sale(config.ids)
        self.assertEqual(config.tourism_regie_id, self.regie)


@tagged("post_install", "-at_install")
class TestAdvanceSeparation(IntegrityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]

        def account(code, account_type):
            return Account.create(
                {"code": code, "name": code, "account_type": account_type}
            )

        cls.regie.write(
            {
                "kind": "advances_receipts",
                "advance_amount": 100.0,
                "advance_account_id": account("472903", "asset_current").id,
                "advance_cash_account_id": account("531903", "asset_cash").id,
                "advance_fund_account_id": account("472904", "liability_current").id,
            }
        )
        cls.supplier = cls.env["res.partner"].create({"name": "Fleuriste test"})

    def test_advance_final_and_never_reimbursed_by_its_payer(self):
        # Only the comptable pays the advance in.
        with self.assertRaisesRegex(UserError, "Only the comptable"):
            self.regie.with_user(self.regisseur).action_receive_advance()
        self.regie.with_user(self.comptable).action_receive_advance()
        advance = (
            self.env["tourism.regie.advance"]
            .with_user(self.regisseur)
            .create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.supplier.id,
                    "description": "Fleurs de l'accueil",
                    "amount": 40.0,
                }
            )
        )
        advance.action_pay()
        with self.assertRaisesRegex(UserError, "only through its actions"):
            advance.write({"state": "reimbursed"})
        with self.assertRaisesRegex(UserError, "is posted"):
            advance.unlink()
        advance.justification_ref = "Facture F-1"
        advance.action_justify()
        with self.assertRaisesRegex(UserError, "is posted"):
            advance.justification_ref = "Facture F-2"
        with self.assertRaisesRegex(UserError, "comptable"):
            advance.action_reimburse()
        advance.with_user(self.comptable).action_reimburse()
        with self.assertRaisesRegex(UserError, "only through its actions"):
            advance.with_user(self.comptable).write({"state": "paid"})
        self.assertEqual(advance.state, "reimbursed")

    def test_payer_does_not_reimburse_himself(self):
        both = new_tourism_user(
            self.env,
            "regisseur_comptable",
            "base.group_user,tourism_base.group_tourism_regisseur,"
            "tourism_base.group_tourism_accountant",
        )
        self.regie.mandataire_ids = [
            Command.create({"user_id": both.id, "date_from": "2020-01-01"})
        ]
        self.regie.with_user(self.comptable).action_receive_advance()
        advance = (
            self.env["tourism.regie.advance"]
            .with_user(both)
            .create(
                {
                    "regie_id": self.regie.id,
                    "partner_id": self.supplier.id,
                    "description": "Timbres",
                    "amount": 12.0,
                    "justification_ref": "Ticket La Poste",
                }
            )
        )
        advance.action_pay()
        advance.action_justify()
        with self.assertRaisesRegex(UserError, "someone else"):
            advance.action_reimburse()
        advance.with_user(self.comptable).action_reimburse()
        self.assertEqual(advance.state, "reimbursed")


@tagged("post_install", "-at_install")
class TestAlerts(IntegrityCommon):
    def test_a_regie_without_cash_still_justifies_its_month(self):
        """Instruction 06-031-A-B-M: the régisseur justifies at least once a
        month, even when nothing was collected."""
        last_day = fields.Date.end_of(fields.Date.context_today(self.regie), "month")
        self.assertEqual(self.regie.cash_balance, 0.0)
        self.assertEqual(self.regie._check_alerts(last_day), ["monthly"])
        # The justification alone (a versement of nothing) covers the month.
        self.deposit(date=fields.Date.context_today(self.regie)).action_validate()
        self.regie.invalidate_recordset()
        self.assertEqual(self.regie._check_alerts(last_day), [])

    def test_alert_when_the_maximum_is_reached(self):
        """The maximum encaisse is due once *reached* (CGCT R1617-10)."""
        self.make_receipt(999.99)
        today = fields.Date.context_today(self.regie)
        self.assertEqual(self.regie._check_alerts(today.replace(day=1)), [])
        self.make_receipt(0.01)
        self.regie.invalidate_recordset()
        self.assertEqual(self.regie.held_for_maximum, 1000.0)
        self.assertIn("maximum", self.regie._check_alerts(today.replace(day=1)))


@tagged("post_install", "-at_install")
class TestJsonRpcAttacks(HttpCase, IntegrityCommon):
    """The same attacks through the web client's JSON-RPC, as the régisseur
    logged in: a context sent by the client never unlocks a posted document."""

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_regisseur_over_json_rpc(self):
        receipt = self.make_receipt(70.0)
        self.make_receipt(30.0)
        deposit = self.deposit()
        self.authenticate("regisseur_test", "regisseur_test")
        forged_context = {"tourism_money_token": True}
        for method, args in (
            ("write", [receipt.ids, {"state": "draft"}]),
            ("write", [receipt.ids, {"amount": 7.0}]),
            ("unlink", [receipt.ids]),
        ):
            with self.subTest(method=method, args=args):
                with self.assertRaises(JsonRpcException) as caught:
                    self.call(
                        "tourism.regie.receipt",
                        method,
                        args,
                        {"context": forged_context},
                    )
                self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        # A line of the client's own making, then the versement.
        self.call(
            "tourism.regie.deposit.line",
            "create",
            [
                {
                    "deposit_id": deposit.id,
                    "nature": "cash",
                    "account_id": self.acc_transfer.id,
                    "balance": 5000.0,
                    "amount": 5000.0,
                }
            ],
        )
        with self.assertRaises(JsonRpcException):
            self.call("tourism.regie.deposit", "action_validate", [deposit.ids])
        self.assertEqual(receipt.state, "posted")
        self.assertEqual(receipt.amount, 70.0)
        self.assertEqual(deposit.state, "draft")
        self.assertEqual(self.balance(self.acc_cash), D("100.00"))
