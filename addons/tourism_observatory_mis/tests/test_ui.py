# Copyright 2026 Odoo Tourisme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user


@tagged("post_install", "-at_install")
class TestObservatoryMisUi(HttpCase):
    def test_mis_report_tour(self):
        """In French, the Responsable OT opens Observatoire > Indicateurs N / N-1 from
        the menu and reads, without setting anything, this month and the year to
        date with last year beside them (the demo history's visitors)."""
        user = new_tourism_user(
            self.env,
            "test_obs_mis_responsable",
            "base.group_user,tourism_base.group_tourism_manager",
            password="test_obs_mis_responsable",
            name="Responsable Test",
            lang="fr_FR",
        )
        self.start_tour("/odoo", "tourism_observatory_mis_report", login=user.login)
