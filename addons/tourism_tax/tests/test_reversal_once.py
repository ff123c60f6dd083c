# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestReversalOnce(TourismTaxDeclarationCommon):
    """A declaration is passed back once to each add-on's beneficiary (CGCT
    L3333-1 for the Département's add-on, CGCT L2333-33 and L4332-4 for the
    regional one): two overlapping statements cannot both hold it, the database
    refuses it."""

    def _paid(self, lodging):
        declaration = self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": lodging.id,
                "period_id": self.q3.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-01",
                            "departure": "2026-07-06",
                            "persons": 3,
                        }
                    )
                ],
            }
        )
        declaration.action_submit()
        declaration.action_validate()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=declaration.invoice_id.ids
        ).create({})._create_payments()
        return declaration

    def test_overlapping_statements(self):
        paid = self._paid(self.hotel)
        Reversal = self.env["tourism.tax.reversal"].with_user(self.regisseur)
        first = Reversal.create(
            {
                "surcharge_id": self.gpso.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
            }
        )
        # Still a draft: the second statement, wider, excludes it all the same.
        second = Reversal.create(
            {
                "surcharge_id": self.gpso.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )
        self.assertEqual(first.declaration_ids, paid)
        self.assertFalse(second.declaration_ids)
        self.assertAlmostEqual(first.amount, 5.10)
        # The other add-on is passed back on its own.
        departement = Reversal.create(
            {
                "surcharge_id": self.departement.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
            }
        )
        self.assertAlmostEqual(departement.amount, 1.50)
        # Even the server cannot add it twice: the database refuses.
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["tourism.tax.reversal.line"]._money_create(
                    [
                        {
                            "reversal_id": second.id,
                            "surcharge_id": self.gpso.id,
                            "declaration_id": paid.id,
                            "amount": 5.10,
                        }
                    ]
                )
        # Once the first is deleted (a draft), the declaration is free again.
        first.unlink()
        second.action_refresh()
        self.assertEqual(second.declaration_ids, paid)
        second.action_validate()
        self.assertAlmostEqual(second.bill_id.amount_total, 5.10)
