# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user


@tagged("post_install", "-at_install")
class TestDashboardUi(HttpCase):
    def test_dashboard_tour(self):
        """In French, the Responsable OT opens the dashboard from the menu: the
        month against the same month of last year, the demo history's visitors
        shown; she chooses July (August in July) and the table follows."""
        user = new_tourism_user(
            self.env,
            "test_obs_responsable",
            "base.group_user,tourism_base.group_tourism_manager",
            password="test_obs_responsable",
            name="Responsable Test",
            lang="fr_FR",
        )
        # What the tour asserts is there: the demo history's visitors a year ago.
        today = fields.Date.context_today(user.with_user(user))
        Dashboard = self.env["tourism.observatory.dashboard"].with_user(user)
        for month in {today.month, 8 if today.month == 7 else 7}:
            rows = Dashboard._figures(self.env.company, today.year, month)["sections"]
            visitors = next(
                row
                for section in rows
                for row in section["rows"]
                if row["key"] == "visitors"
            )
            self.assertGreater(visitors["month_prev"], 0, f"month {month}")
        self.start_tour("/odoo", "tourism_observatory_dashboard", login=user.login)
