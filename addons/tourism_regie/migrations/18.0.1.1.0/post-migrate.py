# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The régie's cash, cheques and cards accounts were three fields: they become
lines of its accounts by payment nature (the old columns stay, unused), which the
audit log follows as it followed the régie's fields."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

OLD_COLUMNS = {
    "cash": "cash_account_id",
    "cheque": "cheque_account_id",
    "card": "card_account_id",
}


def migrate(cr, version):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'tourism_regie' AND column_name = ANY(%s)",
        [list(OLD_COLUMNS.values())],
    )
    present = {row[0] for row in cr.fetchall()}
    env = api.Environment(cr, SUPERUSER_ID, {})
    vals_list = []
    for nature, column in OLD_COLUMNS.items():
        if column not in present:
            continue
        cr.execute(
            SQL(
                """SELECT r.id, r.%s FROM tourism_regie r
                    WHERE r.%s IS NOT NULL AND NOT EXISTS (
                          SELECT 1 FROM tourism_regie_nature_account l
                           WHERE l.regie_id = r.id AND l.nature = %s)""",
                SQL.identifier(column),
                SQL.identifier(column),
                nature,
            )
        )
        vals_list += [
            {"regie_id": regie_id, "nature": nature, "account_id": account_id}
            for regie_id, account_id in cr.fetchall()
        ]
    env["tourism.regie.nature.account"].create(vals_list)
    # The rule file is noupdate: its subscription runs at installation only.
    rule = env.ref("tourism_regie.auditlog_rule_regie_nature_account", False)
    if rule and rule.state != "subscribed":
        rule.subscribe()
