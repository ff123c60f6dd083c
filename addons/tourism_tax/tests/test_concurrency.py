# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestTaxConcurrency(BaseCase):
    """Two requests at the same moment, each in its own database transaction (real
    connections, committed data, the demo's lodgings and periods): the database
    keeps one declaration per lodging and period, and one reversal line per
    declaration and add-on (issue 13, §2 and §5)."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        self.created = []
        self.addCleanup(self._cleanup)

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _cleanup(self):
        with self.db.cursor() as cr:
            env = self._env(cr)
            for model, ids in self.created:
                env[model].browse(ids).exists().unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_double_click_gives_one_declaration(self):
        """The second "Déclarer" waits for the first, then lands on its
        declaration."""
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1, env2 = self._env(cr1), self._env(cr2)
            lodging = env1.ref("tourism_tax.lodging_tour")
            period = env1.ref("tourism_tax.period_chalosse_tursan_2026_q4")
            Declaration2 = env2["tourism.tax.declaration"]
            # Both requests see no declaration in their snapshot.
            self.assertFalse(
                Declaration2.search(
                    [("lodging_id", "=", lodging.id), ("period_id", "=", period.id)]
                )
            )
            first = env1["tourism.tax.declaration"]._declare(lodging, period)
            self.created.append(("tourism.tax.declaration", [first]))
            cr1.flush()
            committer = threading.Timer(1.0, cr1.commit)
            committer.start()
            # The refused insert is logged by Odoo's cursor: expected here.
            with mute_logger("odoo.sql_db"):
                second = Declaration2._declare(
                    Declaration2.env["tourism.lodging"].browse(lodging.id),
                    Declaration2.env["tourism.tax.period"].browse(period.id),
                )
            committer.join()
            self.assertEqual(second, first)
            cr2.rollback()
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM tourism_tax_declaration "
                "WHERE lodging_id = %s AND period_id = %s",
                (lodging.id, period.id),
            )
            self.assertEqual(cr.fetchone()[0], 1)

    def test_second_submit_does_not_wait_for_the_first(self):
        """A second "Envoyer" (a double click, another tab) while the first is being
        written is told at once that the declaration is taken, instead of waiting
        for a serialization failure and Odoo's retry seconds later (issue 15: p95
        of the submission under load)."""
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1, env2 = self._env(cr1), self._env(cr2)
            declaration = env1.ref("tourism_tax.declaration_abbaye_2026_q3")
            self.assertTrue(declaration._lock_for_submit())
            other = env2["tourism.tax.declaration"].browse(declaration.id)
            self.assertFalse(other._lock_for_submit())
            # Nothing is left aborted: the second transaction goes on.
            self.assertTrue(other.name)
            cr1.rollback()
            self.assertTrue(other._lock_for_submit())
            cr2.rollback()

    def test_two_statements_never_pass_a_declaration_back_twice(self):
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            envs = (self._env(cr1), self._env(cr2))
            declaration = envs[0].ref("tourism_tax.declaration_abbaye_2026_q3")
            surcharge = envs[0].ref("tourism_tax.surcharge_gpso")
            lines = []
            for env in envs:
                # Statements of periods with nothing paid: their lines are ours.
                reversal = env["tourism.tax.reversal"].create(
                    {
                        "surcharge_id": surcharge.id,
                        "date_from": "2031-01-01",
                        "date_to": "2031-03-31",
                    }
                )
                self.created.append(("tourism.tax.reversal", reversal.ids))
                lines.append(
                    {
                        "reversal_id": reversal.id,
                        "surcharge_id": surcharge.id,
                        "declaration_id": declaration.id,
                        "amount": 1.0,
                    }
                )
            envs[0]["tourism.tax.reversal.line"]._money_create([lines[0]])
            cr1.flush()
            committer = threading.Timer(1.0, cr1.commit)
            committer.start()
            with (
                self.assertRaises(psycopg2.errors.UniqueViolation),
                mute_logger("odoo.sql_db"),
            ):
                envs[1]["tourism.tax.reversal.line"]._money_create([lines[1]])
            committer.join()
            cr2.rollback()
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM tourism_tax_reversal_line "
                "WHERE declaration_id = %s AND surcharge_id = %s",
                (declaration.id, surcharge.id),
            )
            self.assertEqual(cr.fetchone()[0], 1)
