# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.tourism_tax.tests.common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestTaxNights(TourismTaxDeclarationCommon):
    def test_nights_in_the_month_they_were_spent(self):
        """A quarterly declaration's nights and tax count in the month of each
        stay's arrival, not all in the month the period starts; a stay across the
        end of a month counts whole in the month it began."""
        # A year without demo data, its legal scale that of 2026.
        scale = self.env["tourism.tax.legal.scale"].search([("year", "=", 2026)])
        scale.copy({"year": 2040})
        deliberation = self._deliberation(
            year=2040,
            base_account_id=self.tax_account.id,
            surcharge_ids=[Command.set((self.departement | self.gpso).ids)],
        )
        deliberation.action_generate_periods()
        deliberation.action_adopt()
        q1 = deliberation.period_ids.filtered(lambda p: p.date_from.month == 1)
        declaration = self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": self.hotel.id,
                "period_id": q1.id,
                "stay_ids": [
                    Command.create(
                        {"arrival": arrival, "departure": departure, "persons": n}
                    )
                    for arrival, departure, n in (
                        ("2040-01-31", "2040-02-02", 3),  # 6 in January
                        ("2040-02-10", "2040-02-12", 2),  # 4 in February
                        ("2040-03-30", "2040-04-01", 1),  # 2 in March
                    )
                ],
            }
        )
        declaration.action_submit()
        january, february, march = declaration.stay_ids.sorted("arrival")
        self.assertEqual(declaration.person_nights, 12)
        expected = {
            1: (6, january.amount_total),
            2: (4, february.amount_total),
            3: (2, march.amount_total),
            4: (0, 0.0),
        }
        self.assertAlmostEqual(
            sum(amount for _nights, amount in expected.values()),
            declaration.amount_total,
        )
        Dashboard = self.env["tourism.observatory.dashboard"]
        for month, (nights, amount) in expected.items():
            with self.subTest(month=month):
                rows = {
                    row["key"]: row
                    for section in Dashboard._figures(self.env.company, 2040, month)[
                        "sections"
                    ]
                    for row in section["rows"]
                }
                self.assertEqual(rows["nights"]["month"], nights)
                self.assertAlmostEqual(rows["tax_due"]["month"], amount)
        # The analysis view: the same nights by month.
        by_month = dict(
            self.env["tourism.observatory.fact"]._read_group(
                [("indicator", "=", "nights"), ("date", ">=", "2040-01-01")],
                ["date:month"],
                ["value:sum"],
            )
        )
        self.assertEqual(sorted(by_month.values()), [2.0, 4.0, 6.0])
