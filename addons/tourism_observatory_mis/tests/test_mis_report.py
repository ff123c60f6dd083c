# Copyright 2026 Odoo Tourisme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import float_compare

from odoo.addons.mis_builder.models.accounting_none import AccountingNone
from odoo.addons.tourism_base.tests.common import new_tourism_user
from odoo.addons.tourism_observatory.tools.indicators import INDICATORS

COLUMNS = {
    "mis_period_month": "month",
    "mis_period_month_prev": "month_prev",
    "mis_period_ytd": "ytd",
    "mis_period_ytd_prev": "ytd_prev",
}


@tagged("post_install", "-at_install")
class TestObservatoryMis(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.instance = cls.env.ref(
            "tourism_observatory_mis.mis_report_instance_observatory"
        )
        cls.periods = {
            cls.env.ref(f"tourism_observatory_mis.{xmlid}").id: column
            for xmlid, column in COLUMNS.items()
        }

    def _mis_table(self, instance):
        """{indicator: {column: value}} as the MIS report computes it (None where
        it shows nothing)."""
        table = {}
        for row in instance._compute_matrix().iter_rows():
            values = {}
            for cell in row.iter_cells():
                column = cell and self.periods.get(cell.subcol.col.key)
                if column:
                    values[column] = None if cell.val is AccountingNone else cell.val
            table[row.kpi.name] = values
        return table

    def _dashboard_table(self, base):
        figures = self.env["tourism.observatory.dashboard"]._figures(
            self.env.company, base.year, base.month
        )
        return {
            row["key"]: row
            for section in figures["sections"]
            for row in section["rows"]
        }

    def assertSameFigures(self, mis, dashboard, label):
        for indicator in INDICATORS:
            for column in COLUMNS.values():
                got = mis[indicator.key][column]
                expected = dashboard[indicator.key][column]
                msg = f"{label}, {indicator.key}, {column}: {got} != {expected}"
                if expected is None:
                    self.assertIsNone(got, msg)
                elif indicator.kind == "sum":
                    self.assertEqual(
                        float_compare(got, expected, precision_digits=2), 0, msg
                    )
                else:
                    # The dashboard rounds a rate or an average to one decimal.
                    self.assertEqual(round(got, 1), expected, msg)

    def test_same_figures_as_the_dashboard(self):
        """The MIS report, opened on this month and on July of last year, shows for
        every indicator the observatory dashboard's figures: the month, the same
        month a year earlier, January to the month and the same months of the year
        before (both read the tourism.observatory.fact view; the rates divided once
        from the period's sums). The demo history makes them non-zero."""
        today = fields.Date.context_today(self.instance)
        for base in (today, date(today.year - 1, 7, 15)):
            self.instance.date = base
            mis = self._mis_table(self.instance)
            dashboard = self._dashboard_table(base)
            self.assertGreater(mis["visitors"]["month_prev"], 0, base)
            self.assertGreater(mis["visitors"]["ytd_prev"], 0, base)
            self.assertSameFigures(mis, dashboard, base)

    def test_monthly_sums_equal_the_generic_queries(self):
        """The report reads the observatory's monthly sums instead of running its
        21 queries on the view for each column (models/mis_report.py); MIS
        Builder's own way, on the view, gives the same table."""
        self.instance.date = date(fields.Date.context_today(self.instance).year, 3, 1)
        fast = self._mis_table(self.instance)
        generic = self._mis_table(
            self.instance.with_context(tourism_observatory_mis_generic=True)
        )
        self.assertEqual(fast.keys(), generic.keys())
        for key, columns in generic.items():
            for column, value in columns.items():
                if value is None:
                    self.assertIsNone(fast[key][column], (key, column))
                else:
                    self.assertAlmostEqual(
                        fast[key][column], value, places=6, msg=(key, column)
                    )

    def test_rendered_for_the_director(self):
        """The widget's data: six columns (month, N-1, change, year to date, N-1,
        change) and a heading per mission, in French."""
        director = new_tourism_user(
            self.env,
            "test_obs_mis_director",
            "base.group_user,tourism_base.group_tourism_manager",
            lang="fr_FR",
        )
        data = self.instance.with_user(director).with_context(lang="fr_FR").compute()
        labels = [col["label"] for col in data["header"][0]["cols"]]
        self.assertEqual(
            labels,
            ["Mois", "Même mois N-1", "Évolution"]
            + ["Cumul annuel", "Cumul annuel N-1", "Évolution du cumul"],
        )
        rows = [row["label"] for row in data["body"]]
        self.assertIn("Accueil", rows)
        self.assertIn("Visiteurs accueillis", rows)

    def test_counter_staff_cannot_read_the_figures(self):
        """A conseiller (no observatory group) cannot compute the report: the
        figures view is for the managers and the accountant only, whoever opens
        the MIS instance (which MIS Builder shows to every internal user)."""
        conseiller = new_tourism_user(
            self.env,
            "test_obs_mis_conseiller",
            "base.group_user,tourism_base.group_tourism_user",
        )
        with self.assertRaises(AccessError):
            self.instance.with_user(conseiller).compute()
