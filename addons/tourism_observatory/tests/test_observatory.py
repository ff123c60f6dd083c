# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
from datetime import datetime

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestObservatory(TransactionCase):
    """Known contacts and complaints in 2039 and 2040 (no demo data there): the
    dashboard, the annual report and the open data file show them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, lang="en_US")
        )
        ref = cls.env.ref
        cls.saint_sever = ref("tourism_base.bit_saint_sever")
        cls.hagetmau = ref("tourism_base.bit_hagetmau")
        hiking = ref("tourism_welcome.theme_hiking")
        Contact = cls.env["tourism.welcome.contact"]

        def contact(when, bit, people, country, **vals):
            return dict(
                date=when,
                bit_id=bit.id,
                people=people,
                country_id=ref(country).id,
                theme_ids=[Command.set(hiking.ids)],
                **vals,
            )

        Contact.create(
            [
                # March 2040: 3 contacts, 7 people, 2 from Spain (pilgrims).
                contact(datetime(2040, 3, 2, 9), cls.saint_sever, 2, "base.es"),
                contact(datetime(2040, 3, 15, 14), cls.hagetmau, 1, "base.es"),
                contact(
                    datetime(2040, 3, 31, 22, 30),  # 1 April 00:30 in Saint-Sever
                    cls.saint_sever,
                    3,
                    "base.fr",
                ),
                contact(datetime(2040, 3, 20, 10), cls.saint_sever, 4, "base.fr"),
                # January 2040 and March 2039.
                contact(datetime(2040, 1, 10, 10), cls.saint_sever, 1, "base.fr"),
                contact(datetime(2039, 3, 10, 10), cls.hagetmau, 2, "base.be"),
                contact(datetime(2039, 3, 11, 10), cls.hagetmau, 5, "base.fr"),
            ]
        )
        cls.env.company.tourism_complaint_days = 15
        Complaint = cls.env["tourism.complaint"]
        complaints = Complaint.create(
            [
                {"date": datetime(2040, 3, day, 10), "description": "<p>x</p>"}
                for day in (1, 2, 3)
            ]
        )
        # Answered after 5 and 20 days (deadline 15 days), the third not yet.
        complaints[0].answered_date = datetime(2040, 3, 6, 10)
        complaints[1].answered_date = datetime(2040, 3, 22, 10)
        cls.company = cls.env.company
        cls.manager = new_test_user(
            cls.env,
            login="test_obs_manager",
            groups="base.group_user,tourism_base.group_tourism_manager",
            lang="en_US",
        )
        cls.conseiller = new_test_user(
            cls.env,
            login="test_obs_conseiller",
            groups="base.group_user,tourism_base.group_tourism_user",
        )
        cls.portal = new_test_user(
            cls.env, login="test_obs_portal", groups="base.group_portal"
        )

    def _figures(self, month=3):
        return {
            row["key"]: row
            for section in self.env["tourism.observatory.dashboard"]._figures(
                self.company, 2040, month
            )["sections"]
            for row in section["rows"]
        }

    def test_month_ytd_against_previous_year(self):
        """March 2040 against March 2039, January-March against the same months;
        the contact at 00:30 on 1 April (Paris time) counts in April."""
        rows = self._figures()
        contacts = rows["contacts"]
        self.assertEqual(contacts["month"], 3)
        self.assertEqual(contacts["month_prev"], 2)
        self.assertEqual(contacts["month_var"], 50.0)
        self.assertEqual(contacts["ytd"], 4)
        self.assertEqual(contacts["ytd_prev"], 2)
        self.assertEqual(contacts["year"], 5)
        self.assertEqual(rows["visitors"]["month"], 7)
        self.assertEqual(rows["visitors"]["month_prev"], 7)
        self.assertEqual(rows["visitors"]["month_var"], 0.0)
        self.assertEqual(rows["visitors_abroad"]["month"], 3)
        self.assertEqual(rows["visitors_abroad"]["month_prev"], 2)
        self.assertEqual(rows["theme_requests"]["month"], 3)
        self.assertEqual(self._figures(month=4)["contacts"]["month"], 1)
        # The analysis view holds the same figures, by information point.
        by_bit = dict(
            self.env["tourism.observatory.fact"]._read_group(
                [
                    ("indicator", "=", "contacts"),
                    ("date", ">=", "2040-03-01"),
                    ("date", "<=", "2040-03-31"),
                ],
                ["bit_id"],
                ["value:sum"],
            )
        )
        self.assertEqual(by_bit, {self.saint_sever: 2.0, self.hagetmau: 1.0})

    def test_complaints_answer_times(self):
        rows = self._figures()
        self.assertEqual(rows["complaints"]["month"], 3)
        # One of the two answered ones within the 15 days: 50 %.
        self.assertEqual(rows["complaints_on_time"]["month"], 50.0)
        self.assertEqual(rows["answer_days"]["month"], 12.5)
        self.assertIsNone(rows["complaints_on_time"]["month_prev"])

    def test_dashboard_and_queries(self):
        """The dashboard is one grouped query on the view, whatever the data."""
        Dashboard = self.env["tourism.observatory.dashboard"].with_user(self.manager)
        str(Dashboard.create({"year": 2040, "month": "2"}).table_html)  # warm-up
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=6):
            dashboard = Dashboard.create({"year": 2040, "month": "3"})
            html = str(dashboard.table_html)
        self.assertIn("Visitor contacts", html)
        self.assertRegex(html, r"\+50[.,]0 %")
        self.assertIn("March 2039", html)

    def test_annual_report_pdf_and_xlsx(self):
        wizard = (
            self.env["tourism.observatory.report.wizard"]
            .with_user(self.manager)
            .create({"year": 2040})
        )
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "tourism_observatory.report_annual", wizard.ids
            )[0]
        )
        self.assertIn("Observatory annual report", html)
        self.assertIn("Visitors welcomed per month", html)
        self.assertIn("Complaints answered on time (%)", html)
        content, _type = self.env["ir.actions.report"]._render_xlsx(
            "tourism_observatory.report_annual_xlsx", wizard.ids, {}
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book["2040"]
        values = {
            sheet.cell(row, 1).value: (
                sheet.cell(row, 2).value,
                sheet.cell(row, 3).value,
                sheet.cell(row, 4).value,
            )
            for row in range(1, sheet.max_row + 1)
        }
        self.assertEqual(values["Visitor contacts"], (5, 2, 150.0))
        self.assertEqual(values["Visitors welcomed"][:2], (11, 7))

    def test_open_data_csv(self):
        """Aggregated counts only: month, point, channel, country, département,
        kind of visitor, contacts, people, one column per theme; no name."""
        wizard = self.env["tourism.observatory.report.wizard"].create({"year": 2039})
        rows = list(csv.reader(io.StringIO(wizard._open_data_csv()), delimiter=";"))
        header = rows[0]
        self.assertEqual(
            header[:8],
            [
                "mois",
                "bit",
                "canal",
                "pays",
                "departement",
                "type_visiteur",
                "contacts",
                "personnes",
            ],
        )
        data = sorted(rows[1:])
        self.assertEqual(len(data), 2)
        hiking = header.index(
            self.env.ref("tourism_welcome.theme_hiking").with_context(lang="fr_FR").name
        )
        self.assertEqual(
            data[0][:8],
            [
                "2039-03",
                self.hagetmau.code,
                "counter",
                "BE",
                "",
                "stay",
                "1",
                "2",
            ],
        )
        self.assertEqual(data[1][3], "FR")
        self.assertEqual(data[0][hiking], "1")
        self.assertEqual(data[1][hiking], "1")
        self.assertNotIn("@", wizard._open_data_csv())
        action = wizard.action_export_open_data()
        self.assertIn("accueil-statistiques-2039.csv", action["url"])

    def test_access(self):
        """The Responsable OT reads the observatory; a conseiller and a portal
        user do not."""
        Fact = self.env["tourism.observatory.fact"]
        self.assertTrue(
            Fact.with_user(self.manager).search_count([("date", ">=", "2040-01-01")])
        )
        for user in (self.conseiller, self.portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Fact.with_user(user).search([], limit=1)
                with self.assertRaises(AccessError):
                    self.env["tourism.observatory.dashboard"].with_user(user).create({})
                with self.assertRaises(AccessError):
                    self.env["tourism.observatory.report.wizard"].with_user(
                        user
                    ).create({"year": 2040})
