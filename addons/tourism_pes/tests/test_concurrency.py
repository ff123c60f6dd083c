# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date
from functools import partial

import psycopg2

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

SEQUENCES = (
    "tourism_pes.seq_tourism_pes_bordereau",
    "tourism_pes.seq_tourism_pes_titre",
)
REDUCTION_SEQUENCES = (
    "tourism_pes.seq_tourism_pes_bordereau_reduction",
    "tourism_pes.seq_tourism_pes_titre_reduction",
)
ALL_SEQUENCES = SEQUENCES + REDUCTION_SEQUENCES


@tagged("post_install", "-at_install")
class TestEmissionConcurrency(BaseCase):
    """Two ordonnateurs prepare and emit bordereaux of the same period at the same
    moment, each in its own database transaction (real connections, committed
    data): one bordereau carries the invoices to the comptable, the other is
    refused; no invoice goes twice and no number is lost (décret 2012-1246 art. 11;
    IdBord checked for sequence by Hélios, Class_BordereauRecetteAller.xsd)."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        self.bordereau_ids = []
        with self.db.cursor() as cr:
            env = api.Environment(
                cr,
                SUPERUSER_ID,
                {
                    "tracking_disable": True,
                    "mail_create_nolog": True,
                    "mail_create_nosubscribe": True,
                    "no_reset_password": True,
                },
            )
            self.ranges = {
                r.id: r.number_next
                for r in env["ir.sequence.date_range"].search(
                    [("sequence_id", "in", [env.ref(x).id for x in ALL_SEQUENCES])]
                )
            }
            self.account = env["account.account"].create(
                {
                    "code": "706970",
                    "name": "Taxe de séjour (concurrence)",
                    "account_type": "income",
                    "pes_nature": "7362",
                    "pes_product_code": "TS",
                }
            )
            self.journal = env["account.journal"].create(
                {"name": "Taxe concurrence", "code": "TXC9", "type": "sale"}
            )
            self.ordonnateur = env["res.users"].create(
                {
                    "name": "Ordonnateur concurrence",
                    "login": "ordonnateur_concurrence",
                    "email": "ordonnateur.concurrence@example.com",
                    "lang": "fr_FR",
                    "groups_id": [
                        Command.link(
                            env.ref("tourism_base.group_tourism_ordonnateur").id
                        )
                    ],
                }
            )
            # A day of last year that no other invoice of the database uses.
            self.day = date(fields.Date.today().year - 1, 2, 17)
            self.hosts = env["res.partner"].create(
                [
                    {
                        "name": name,
                        "is_company": True,
                        "street": "1 place de la Halle",
                        "zip": "40500",
                        "city": "Saint-Sever",
                    }
                    for name in ("Hôte concurrence A", "Hôte concurrence B")
                ]
            )
            self.lodgings = env["tourism.lodging"].create(
                [
                    {
                        "name": f"Gîte concurrence {host.name[-1]}",
                        "host_id": host.id,
                        "commune_id": env.ref("tourism_base.commune_40282").id,
                        "nature_id": env.ref("tourism_tax.lodging_nature_hotel").id,
                        "classification": "3",
                        "capacity": 4,
                    }
                    for host in self.hosts
                ]
            )
            declarations = env["tourism.tax.declaration"].create(
                [
                    {
                        "lodging_id": lodging.id,
                        "period_id": env.ref(
                            "tourism_tax.period_chalosse_tursan_2026_q3"
                        ).id,
                    }
                    for lodging in self.lodgings
                ]
            )
            self.declaration_ids = declarations.ids
            invoices = env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "journal_id": self.journal.id,
                        "partner_id": host.id,
                        "invoice_date": self.day,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": "Taxe de séjour",
                                    "account_id": self.account.id,
                                    "quantity": 1,
                                    "price_unit": 42.30,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for host in self.hosts
                ]
            )
            invoices.action_post()
            self.invoice_ids = invoices.ids
            # The avis of the declarations (as validating them would link them).
            for declaration, invoice in zip(declarations, invoices, strict=True):
                cr.execute(
                    "UPDATE tourism_tax_declaration SET invoice_id = %s WHERE id = %s",
                    [invoice.id, declaration.id],
                )
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.db.cursor() as cr:
            bordereaux = tuple(self.bordereau_ids) or (0,)
            for model, ids in (
                ("tourism.pes.bordereau", bordereaux),
                ("tourism.tax.declaration", tuple(self.declaration_ids)),
                ("account.move", tuple(self.invoice_ids)),
            ):
                cr.execute(
                    "DELETE FROM auditlog_log WHERE res_id IN %s AND model_id IN "
                    "(SELECT id FROM ir_model WHERE model = %s)",
                    [ids, model],
                )
                cr.execute(
                    "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                    [model, ids],
                )
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = %s AND res_id IN %s",
                    [model, ids],
                )
            cr.execute(
                "DELETE FROM ir_attachment WHERE (res_model = 'tourism.pes.bordereau'"
                " AND res_id IN %s) OR (res_model = 'account.move' AND res_id IN %s)",
                [bordereaux, tuple(self.invoice_ids)],
            )
            # Emitted bordereaux are final for users; the test removes its own,
            # réductions first (they refer to the titres they reduce).
            cr.execute(
                "DELETE FROM tourism_pes_bordereau WHERE id IN %s "
                "AND kind = 'reduction'",
                [bordereaux],
            )
            cr.execute("DELETE FROM tourism_pes_bordereau WHERE id IN %s", [bordereaux])
            cr.execute(
                "DELETE FROM tourism_tax_declaration WHERE id IN %s",
                [tuple(self.declaration_ids)],
            )
            cr.execute(
                "DELETE FROM account_move WHERE journal_id = %s", [self.journal.id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            ranges = env["ir.sequence.date_range"].search(
                [("sequence_id", "in", [env.ref(x).id for x in ALL_SEQUENCES])]
            )
            for date_range in ranges:
                if date_range.id in self.ranges:
                    date_range.number_next = self.ranges[date_range.id]
                else:
                    date_range.unlink()
            self.lodgings.with_env(env).unlink()
            self.journal.with_env(env).unlink()
            self.account.with_env(env).unlink()
            self.ordonnateur.with_env(env).unlink()
            self.hosts.with_env(env).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _prepare(self, env):
        bordereau = env["tourism.pes.bordereau"].create(
            {"date_from": self.day, "date_to": self.day}
        )
        self.bordereau_ids.append(bordereau.id)
        bordereau.action_prepare()
        return bordereau

    def _emit(self, env, bordereau_id):
        return env["tourism.pes.bordereau"].browse(bordereau_id).action_emit()

    def test_two_ordonnateurs_emit_the_same_invoices_at_once(self):
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, self.ordonnateur.id, {"lang": "fr_FR"})
            env2 = api.Environment(cr2, self.ordonnateur.id, {"lang": "fr_FR"})
            # Prepared at once, neither sees the other's draft: both take the
            # two invoices.
            first, second = self._prepare(env1), self._prepare(env2)
            for bordereau in (first, second):
                self.assertEqual(
                    sorted(bordereau.titre_ids.sudo().move_ids.ids), self.invoice_ids
                )
            cr1.commit()
            cr2.commit()
            self._emit(env1, first.id)
            # The second emission does not wait: the invoices are taken (NOWAIT).
            # (Were it to wait, the timeout ends the test instead of hanging it.)
            cr2.execute("SET LOCAL statement_timeout = '10s'")
            with (
                self.assertRaises(psycopg2.errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                self._emit(env2, second.id)
            cr2.rollback()
            env2.invalidate_all()
            cr1.commit()
            # What Odoo does with the request: it tries again, and finds the
            # invoices with the comptable.
            with self.assertRaisesRegex(
                UserError,
                "déjà été transmis au comptable dans " + re.escape(first.name),
            ):
                retrying(partial(self._emit, env2, second.id), env2)
            cr2.rollback()
            env2.invalidate_all()
            # Prepared again, the second bordereau finds nothing left to send.
            with self.assertRaisesRegex(UserError, "Aucune facture de taxe"):
                second.action_prepare()
            cr2.rollback()
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            first, second = env["tourism.pes.bordereau"].browse(self.bordereau_ids)
            self.assertEqual((first.state, second.state), ("emitted", "draft"))
            self.assertFalse(second.number)
            self.assertFalse(any(second.titre_ids.mapped("number")))
            titres = env["tourism.pes.titre"].search(
                [("move_ids", "in", self.invoice_ids), ("state", "=", "emitted")]
            )
            self.assertEqual(titres.bordereau_id, first)
            self.assertEqual(sorted(titres.move_ids.ids), self.invoice_ids)
            # The numbers of the exercice follow on, and the sequences stand right
            # after the winner's: the refused emission used none.
            exercice = [
                ("exercice", "=", first.exercice),
                ("number", ">", 0),
                ("kind", "=", "ordinary"),
            ]
            for model, sequence in zip(
                ("tourism.pes.bordereau", "tourism.pes.titre"), SEQUENCES, strict=True
            ):
                numbers = sorted(env[model].search(exercice).mapped("number"))
                self.assertEqual(numbers, list(range(1, len(numbers) + 1)))
                date_range = env["ir.sequence.date_range"].search(
                    [
                        ("sequence_id", "=", env.ref(sequence).id),
                        ("date_from", "<=", first.date),
                        ("date_to", ">=", first.date),
                    ]
                )
                self.assertEqual(date_range.number_next, numbers[-1] + 1)

    def _refunds_of_the_first_declaration(self, env, amounts):
        """Rectifications of the first declaration, one after the other (each
        rectifies the previous), each with its posted credit note: [refund ids]."""
        rectified = env["tourism.tax.declaration"].browse(self.declaration_ids[0])
        refund_ids = []
        for index, amount in enumerate(amounts, start=1):
            rectifying = rectified._money_create(
                {
                    "lodging_id": rectified.lodging_id.id,
                    "period_id": rectified.period_id.id,
                    "rectified_id": rectified.id,
                }
            )
            self.declaration_ids.append(rectifying.id)
            refund = env["account.move"].create(
                {
                    "move_type": "out_refund",
                    "journal_id": self.journal.id,
                    "partner_id": self.hosts[0].id,
                    "invoice_date": self.day.replace(day=17 + index),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Taxe de séjour (rectification)",
                                "account_id": self.account.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            refund.action_post()
            rectifying._money_write({"invoice_id": refund.id})
            refund_ids.append(refund.id)
            rectified = rectifying
        return refund_ids

    def _prepare_reduction(self, env, day):
        bordereau = env["tourism.pes.bordereau"].create(
            {"kind": "reduction", "date_from": day, "date_to": day}
        )
        self.bordereau_ids.append(bordereau.id)
        bordereau.action_prepare()
        return bordereau

    def test_two_reductions_of_one_titre_at_once(self):
        """Two credit notes reduce the same titre (42.30): each alone fits in it,
        not both (30 + 30). One ordonnateur prepares and emits the first réduction
        while another, whose transaction began before, prepares the second: his
        snapshot does not see the first, but preparing rewrites the titre's reduced
        amount, which the first changed meanwhile, so the database refuses it and
        Odoo tries again with a fresh snapshot, which refuses the over-reduction. A
        réduction never exceeds what remains of the titre (the amount the comptable
        keeps in charge is what the host owes, décret 2012-1246 art. 11 and 18;
        RattachPiece, NS_Recette/r0/Class_LigneTitreAller.xsd)."""
        with self.db.cursor() as cr:
            env = api.Environment(cr, self.ordonnateur.id, {"lang": "fr_FR"})
            ordinary = self._prepare(env)
            ordinary.action_emit()
            titre = ordinary.titre_ids.filtered(lambda t: t.partner_id == self.hosts[0])
            refund_ids = self._refunds_of_the_first_declaration(env(su=True), [30, 30])
            cr.commit()  # pylint: disable=invalid-commit
        days = [self.day.replace(day=18), self.day.replace(day=19)]
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, self.ordonnateur.id, {"lang": "fr_FR"})
            env2 = api.Environment(cr2, self.ordonnateur.id, {"lang": "fr_FR"})
            # The second transaction starts (its snapshot) before the first commits.
            cr2.execute(
                "SELECT amount_reduced FROM tourism_pes_titre WHERE id = %s", [titre.id]
            )
            first = self._prepare_reduction(env1, days[0])
            first.action_emit()
            cr1.commit()
            with (
                self.assertRaises(psycopg2.errors.SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                self._prepare_reduction(env2, days[1])
                env2.flush_all()
            cr2.rollback()
            env2.invalidate_all()
            self.bordereau_ids.pop()
            with self.assertRaisesRegex(UserError, "Une réduction ne dépasse jamais"):
                retrying(partial(self._prepare_reduction, env2, days[1]), env2)
            cr2.rollback()
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            titre = env["tourism.pes.titre"].browse(titre.id)
            self.assertEqual(titre.reduction_ids.bordereau_id.ids, [first.id])
            self.assertEqual(titre.reduction_ids.move_ids.ids, refund_ids[:1])
            self.assertAlmostEqual(titre.amount_remaining, 12.30, places=2)
