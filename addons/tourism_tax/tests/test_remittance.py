# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TourismTaxCommon

STATEMENT = (
    "annonce;adresse;code_postal;numero_enregistrement;arrivee;depart;nuitees;personnes;"
    "taxe_collectee\n"
    "AB-1;;40990;40999 000123 AB;05/07/2026;08/07/2026;3;2;8,64\n"
    "AB-2;12 Rue du Marché;40990;;10/07/2026;12/07/2026;2;4;11,52\n"
    "AB-3;3 chemin Inconnu;40990;;15/07/2026;16/07/2026;1;2;2,88\n"
)


@tagged("post_install", "-at_install")
class TestRemittance(TourismTaxCommon):
    def test_statement_matched_and_reconciled(self):
        by_number = self._lodging(
            name="Gîte enregistré",
            nature="furnished",
            registration_number="40999000123AB",
        )
        by_address = self._lodging(
            name="Studio", nature="furnished", street="12 rue du marché"
        )
        airbnb = self.ref("tourism_tax.res_partner_platform_airbnb")
        remittance = self.env["tourism.tax.remittance"].create(
            {
                "platform_id": airbnb.id,
                "date": "2026-12-31",
                "amount_received": 20.00,
                "file": base64.b64encode(STATEMENT.encode()),
                "filename": "airbnb.csv",
            }
        )
        remittance.action_import()
        lines = remittance.line_ids
        self.assertEqual(lines.mapped("lodging_id"), by_number | by_address)
        self.assertEqual(lines.mapped("match"), ["registration", "address", "none"])
        self.assertAlmostEqual(remittance.amount_declared, 23.04)
        self.assertAlmostEqual(remittance.difference, -3.04)
        self.assertEqual(remittance.unmatched_count, 1)
        # Importing again replaces the lines.
        remittance.action_import()
        self.assertEqual(len(remittance.line_ids), 3)

    def test_bad_statement_names_the_line(self):
        remittance = self.env["tourism.tax.remittance"].create(
            {
                "platform_id": self.ref("tourism_tax.res_partner_platform_airbnb").id,
                "date": "2026-06-30",
                "file": base64.b64encode(
                    b"annonce;taxe_collectee\nAB-1;8,64\nAB-2;huit\n"
                ),
                "filename": "airbnb.csv",
            }
        )
        with self.assertRaisesRegex(UserError, "Line 3"):
            remittance.action_import()
        self.assertFalse(remittance.line_ids)
