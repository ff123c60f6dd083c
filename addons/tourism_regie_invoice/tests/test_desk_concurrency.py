# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from functools import partial

import psycopg2

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import regie_nature_accounts


@tagged("post_install", "-at_install")
class TestDeskPaymentConcurrency(BaseCase):
    """Two desks take the payment of the same invoice at the same moment, each in
    its own database transaction (real connections, committed data): one
    quittance is issued, the other refused; the invoice is paid once."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            Account = env["account.account"]
            cash, cheque, transfer, income = (
                Account.create({"code": code, "name": code, "account_type": kind})
                for code, kind in (
                    ("531980", "asset_cash"),
                    ("511980", "asset_current"),
                    ("581980", "asset_current"),
                    ("706980", "income"),
                )
            )
            self.accounts = cash | cheque | transfer | income
            Journal = env["account.journal"]
            self.journals = Journal.create(
                {"name": "Régie guichet", "code": "RGU9", "type": "general"}
            ) | Journal.create(
                {"name": "Ventes guichet", "code": "VGU9", "type": "sale"}
            )
            self.regisseur = env["res.users"].create(
                {
                    "name": "Régisseur guichet",
                    "login": "regisseur_guichet",
                    "tz": "Europe/Paris",
                    "groups_id": [
                        Command.link(env.ref("tourism_base.group_tourism_regisseur").id)
                    ],
                }
            )
            self.host = env["res.partner"].create({"name": "Gîte guichet"})
            receivable = self.host.property_account_receivable_id
            regie = env["tourism.regie"].create(
                {
                    "name": "Régie guichet",
                    "regisseur_id": self.regisseur.id,
                    "journal_id": self.journals[0].id,
                    **regie_nature_accounts(env, cash, cheque),
                    "transfer_account_id": transfer.id,
                    "receipt_type_ids": [
                        Command.create(
                            {"name": "Factures", "account_id": receivable.id}
                        )
                    ],
                }
            )
            self.regie_id = regie.id
            invoice = env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "journal_id": self.journals[1].id,
                    "partner_id": self.host.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Taxe de séjour",
                                "account_id": income.id,
                                "quantity": 1,
                                "price_unit": 84.60,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            invoice.action_post()
            self.invoice_id = invoice.id
            receipts = env["tourism.regie.receipt"].create(
                [
                    {
                        "regie_id": regie.id,
                        "invoice_id": invoice.id,
                        "partner_id": self.host.id,
                        "receipt_type_id": regie.receipt_type_ids.id,
                        "description": "Facture",
                        "amount": 84.60,
                        "payment_nature": "cash",
                    }
                    for _desk in range(2)
                ]
            )
            self.receipt_ids = receipts.ids
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.db.cursor() as cr:
            moves = tuple(self.journals.ids)
            cr.execute(
                "DELETE FROM auditlog_log WHERE res_id IN %s",
                [tuple(self.receipt_ids)],
            )
            cr.execute(
                "DELETE FROM tourism_regie_receipt WHERE id IN %s",
                [tuple(self.receipt_ids)],
            )
            cr.execute(
                """
                DELETE FROM account_partial_reconcile p USING account_move_line l
                 WHERE l.journal_id IN %s
                   AND l.id IN (p.debit_move_id, p.credit_move_id)
                """,
                [moves],
            )
            cr.execute(
                "DELETE FROM account_full_reconcile f WHERE NOT EXISTS ("
                " SELECT 1 FROM account_move_line l WHERE l.full_reconcile_id = f.id)"
                " AND NOT EXISTS (SELECT 1 FROM account_partial_reconcile p"
                " WHERE p.full_reconcile_id = f.id)"
            )
            cr.execute("DELETE FROM account_move WHERE journal_id IN %s", [moves])
            env = api.Environment(cr, SUPERUSER_ID, {})
            regie = env["tourism.regie"].browse(self.regie_id)
            sequence = regie.receipt_sequence_id
            regie.unlink()
            sequence.unlink()
            self.journals.with_env(env).unlink()
            self.accounts.with_env(env).unlink()
            self.regisseur.with_env(env).unlink()
            self.host.with_env(env).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _post(self, env, receipt_id):
        return env["tourism.regie.receipt"].browse(receipt_id).action_post()

    def test_two_desks_pay_the_same_invoice_at_once(self):
        first, second = self.receipt_ids
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, self.regisseur.id, {})
            env2 = api.Environment(cr2, self.regisseur.id, {})
            self._post(env1, first)
            # The second desk does not wait: the invoice is taken (NOWAIT).
            with (
                self.assertRaises(psycopg2.errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                self._post(env2, second)
            cr2.rollback()
            env2.invalidate_all()
            cr1.commit()
            # What Odoo does with the request: it tries again, and finds the
            # invoice paid.
            with self.assertRaisesRegex(UserError, "already paid"):
                retrying(partial(self._post, env2, second), env2)
            cr2.rollback()
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            receipts = env["tourism.regie.receipt"].browse(self.receipt_ids)
            self.assertEqual(receipts.mapped("state"), ["posted", "draft"])
            invoice = env["account.move"].browse(self.invoice_id)
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
            self.assertEqual(len(invoice.line_ids.matched_credit_ids), 1)
