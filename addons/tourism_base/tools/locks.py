# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Row locks taken before money moves: one definition for the suite.

NOWAIT everywhere: a transaction that waited for another's lock would go on reading
its snapshot of before the other committed (Odoo runs in repeatable read) and act on
stale balances or states. Failing at once either lets Odoo retry the whole request
with a fresh snapshot (LockNotAvailable is among the errors its RPC layer retries),
or, with ``try_lock_now``, lets the caller answer the user at once.
"""

import psycopg2

from odoo.tools import SQL

# FOR NO KEY UPDATE leaves the rows' keys to foreign-key checks (inserting lines
# that point at a locked row does not wait); FOR UPDATE does not.
MODES = {"no key update": SQL("NO KEY UPDATE"), "update": SQL("UPDATE")}


def lock_now(records, mode="no key update", log_exceptions=True):
    """Lock the rows of ``records`` (in id order, against deadlocks), or raise
    psycopg2.errors.LockNotAvailable at once if another transaction holds one."""
    if not records:
        return
    records.env.cr.execute(
        SQL(
            "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR %s NOWAIT",
            SQL.identifier(records._table),
            tuple(records.ids),
            MODES[mode],
        ),
        log_exceptions=log_exceptions,
    )


def try_lock_now(records, mode="no key update"):
    """The same, answering False instead of raising; the transaction goes on."""
    try:
        with records.env.cr.savepoint(flush=False):
            # An expected answer, not an error for the log.
            lock_now(records, mode, log_exceptions=False)
    except psycopg2.errors.LockNotAvailable:
        return False
    return True
