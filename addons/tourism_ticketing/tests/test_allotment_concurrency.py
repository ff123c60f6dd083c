# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
import time
from datetime import timedelta
from functools import partial

import psycopg2

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import ValidationError
from odoo.service.model import retrying
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged


@tagged("post_install", "-at_install")
class TestAllotmentConcurrency(BaseCase):
    """Two tills sell the last seat of an allotment at the same moment, each in its
    own database transaction (real connections, committed data): one sells, the
    other is refused, never both."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            event = env["event.event"].create(
                {
                    "name": "Concurrence",
                    "date_begin": fields.Datetime.now() + timedelta(days=3),
                    "date_end": fields.Datetime.now() + timedelta(days=3, hours=2),
                    # No mail scheduler: the only row both tills write is the
                    # ticket's allotment.
                    "event_mail_ids": [Command.clear()],
                    "event_ticket_ids": [
                        Command.create(
                            {
                                "name": "Dernière place",
                                "seats_limited": True,
                                "seats_max": 1,
                            }
                        )
                    ],
                }
            )
            self.event_id = event.id
            self.ticket_id = event.event_ticket_ids.id
            # Other connections must see the event: the point of this test.
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["event.registration"].search(
                [("event_id", "=", self.event_id)]
            ).unlink()
            env["event.event"].browse(self.event_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _register(self, env, name):
        return env["event.registration"].create(
            {"event_id": self.event_id, "event_ticket_id": self.ticket_id, "name": name}
        )

    def _taken(self):
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT tourism_seats_taken, "
                "(SELECT count(*) FROM event_registration "
                " WHERE event_ticket_id = %s AND state != 'cancel') "
                "FROM event_event_ticket WHERE id = %s",
                (self.ticket_id, self.ticket_id),
            )
            return cr.fetchone()

    def test_second_till_started_before_the_first_committed(self):
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            # Both tills see the seat free in their snapshot.
            self.assertEqual(
                env2["event.event.ticket"].browse(self.ticket_id).seats_available, 1
            )
            self._register(env1, "Till 1")
            cr1.flush()
            # Till 1 commits a moment later, while till 2 waits for the row.
            committer = threading.Timer(1.0, cr1.commit)
            committer.start()
            started = time.monotonic()
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                self._register(env2, "Till 2")
            committer.join()
            self.assertGreater(time.monotonic() - started, 0.5, "till 2 waited")
            cr2.rollback()
            # What Odoo does with a request that fails to serialize: it tries
            # again, and then the seat is gone.
            with self.assertRaises(ValidationError):
                retrying(partial(self._register, env2, "Till 2"), env2)
            cr2.rollback()
        self.assertEqual(self._taken(), (1, 1))

    def test_second_till_after_the_first_committed(self):
        with self.db.cursor() as cr1, self.db.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            self.assertEqual(
                env2["event.event.ticket"].browse(self.ticket_id).seats_available, 1
            )
            self._register(env1, "Till 1")
            cr1.commit()
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                self._register(env2, "Till 2")
            cr2.rollback()
        self.assertEqual(self._taken(), (1, 1))
