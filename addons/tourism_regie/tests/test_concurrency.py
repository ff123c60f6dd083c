# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D
from functools import partial

import psycopg2

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestVersementConcurrency(BaseCase):
    """Two drafts of the same cash paid in at the same moment, each in its own
    database transaction (real connections, committed data): one is paid in,
    the other refused; the cash account never goes negative (issue 13 §2)."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            Account = env["account.account"]
            self.cash, cheque, transfer, income = (
                Account.create({"code": code, "name": code, "account_type": kind})
                for code, kind in (
                    ("531990", "asset_cash"),
                    ("511990", "asset_current"),
                    ("581990", "asset_current"),
                    ("706990", "income"),
                )
            )
            self.accounts = self.cash | cheque | transfer | income
            Journal = env["account.journal"]
            self.journals = Journal.create(
                {"name": "Régie concurrence", "code": "RCC9", "type": "general"}
            ) | Journal.create(
                {"name": "Caisse concurrence", "code": "CCC9", "type": "general"}
            )
            self.regisseur = env["res.users"].create(
                {
                    "name": "Régisseur concurrence",
                    "login": "regisseur_concurrence",
                    "tz": "Europe/Paris",
                    "groups_id": [
                        Command.link(env.ref("tourism_base.group_tourism_regisseur").id)
                    ],
                }
            )
            regie = env["tourism.regie"].create(
                {
                    "name": "Régie concurrence",
                    "regisseur_id": self.regisseur.id,
                    "journal_id": self.journals[0].id,
                    "nature_account_ids": [
                        Command.create({"nature": "cash", "account_id": self.cash.id}),
                        Command.create({"nature": "cheque", "account_id": cheque.id}),
                    ],
                    "transfer_account_id": transfer.id,
                }
            )
            self.regie_id = regie.id
            # 100.00 of cash collected (a plain entry, out of the hashed journal,
            # so that the test can remove it afterwards).
            move = env["account.move"].create(
                {
                    "journal_id": self.journals[1].id,
                    "line_ids": [
                        Command.create(
                            {"account_id": self.cash.id, "debit": 100.0, "name": "x"}
                        ),
                        Command.create(
                            {"account_id": income.id, "credit": 100.0, "name": "x"}
                        ),
                    ],
                }
            )
            move.action_post()
            deposits = env["tourism.regie.deposit"].create(
                [{"regie_id": regie.id}, {"regie_id": regie.id}]
            )
            deposits.action_compute_lines()
            self.deposit_ids = deposits.ids
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.db.cursor() as cr:
            ids = tuple(self.deposit_ids)
            cr.execute(
                "DELETE FROM auditlog_log WHERE res_id IN %s OR res_id = %s",
                [ids, self.regie_id],
            )
            cr.execute(
                "DELETE FROM tourism_regie_deposit_line WHERE deposit_id IN %s", [ids]
            )
            cr.execute("DELETE FROM tourism_regie_deposit WHERE id IN %s", [ids])
            cr.execute(
                "DELETE FROM account_move WHERE journal_id IN %s",
                [tuple(self.journals.ids)],
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            regie = env["tourism.regie"].browse(self.regie_id)
            sequence = regie.receipt_sequence_id
            regie.unlink()
            sequence.unlink()
            self.journals.with_env(env).unlink()
            self.accounts.with_env(env).unlink()
            self.regisseur.with_env(env).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _validate(self, env, deposit_id):
        return env["tourism.regie.deposit"].browse(deposit_id).action_validate()

    def _held(self, env):
        env.invalidate_all()
        regie = env["tourism.regie"].browse(self.regie_id)
        return regie._balances(accounts=self.cash.with_env(env))[
            self.cash.with_env(env)
        ]

    def test_two_drafts_of_the_same_cash_at_once(self):
        first, second = self.deposit_ids
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, self.regisseur.id, {})
            env2 = api.Environment(cr2, self.regisseur.id, {})
            self.assertEqual(self._held(env2), D("100.00"))
            self._validate(env1, first)
            # The second one does not wait: the régie's row is taken (NOWAIT).
            with (
                self.assertRaises(psycopg2.errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                self._validate(env2, second)
            cr2.rollback()
            # It tries again from a snapshot taken before the first commits...
            self.assertEqual(self._held(env2), D("100.00"))
            cr1.commit()
            # ...and cannot take the row the first one changed: its balances
            # are out of date (serialization failure, which Odoo retries).
            with (
                self.assertRaises(psycopg2.errors.SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                self._validate(env2, second)
            cr2.rollback()
            env2.invalidate_all()
            # What Odoo does with the request: it tries again, and then the
            # cash is gone.
            with self.assertRaisesRegex(UserError, "holds 0.00"):
                retrying(partial(self._validate, env2, second), env2)
            cr2.rollback()
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            deposits = env["tourism.regie.deposit"].browse(self.deposit_ids)
            self.assertEqual(deposits.mapped("state"), ["done", "draft"])
            self.assertEqual(self._held(env), D("0.00"))
