# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import TourismTaxCommon


@tagged("post_install", "-at_install")
class TestLodging(TourismTaxCommon):
    def test_category_follows_classification(self):
        lodging = self._lodging(
            nature="furnished",
            classification="3",
            classification_date=date(2022, 5, 1),
            classification_expiry=date(2027, 4, 30),
        )
        self.assertEqual(lodging._get_category(date(2027, 4, 30)).code, "stars_3")
        # An expired classification makes the lodging unclassified from the next day.
        self.assertEqual(lodging._get_category(date(2027, 5, 1)).code, "unclassified")
        with freeze_time("2026-08-01"):
            lodging.invalidate_recordset(["category_id"])
            self.assertEqual(lodging.category_id.code, "stars_3")

    def test_regime_from_deliberation(self):
        campsite = self._lodging(nature="campsite", classification="2")
        hotel = self._lodging(nature="hotel", classification="2")
        deliberation = self._deliberation(
            year=2026,
            flat_rate_nature_ids=[
                Command.set(self.ref("tourism_tax.lodging_nature_campsite").ids)
            ],
        )
        deliberation.action_generate_periods()
        deliberation.action_adopt()
        with freeze_time("2026-08-01"):
            (campsite | hotel).invalidate_recordset(["regime"])
            self.assertEqual(campsite.regime, "flat")
            self.assertEqual(hotel.regime, "real")

    def test_registration_number(self):
        lodging = self._lodging(
            nature="furnished", registration_number="40999 000123 ab"
        )
        self.assertEqual(lodging.registration_number, "40999000123AB")
        with self.assertRaisesRegex(ValidationError, "INSEE code of Testville"):
            lodging.registration_number = "40282000123AB"
        with self.assertRaisesRegex(ValidationError, "13 characters"):
            lodging.registration_number = "40999-0001"

    def test_bad_values(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._lodging(capacity=-2)
        with self.assertRaisesRegex(ValidationError, "expire before"):
            self._lodging(
                classification_date=date(2026, 5, 1),
                classification_expiry=date(2026, 4, 1),
            )
        lodging = self._lodging()
        with self.assertRaisesRegex(ValidationError, "overlap"):
            lodging.period_ids = [
                Command.create({"date_from": "2026-04-01", "date_to": "2026-06-30"}),
                Command.create({"date_from": "2026-06-01", "date_to": "2026-09-30"}),
            ]

    def test_open_nights(self):
        lodging = self._lodging(
            period_ids=[
                Command.create({"date_from": "2026-04-01", "date_to": "2026-06-30"}),
                Command.create({"date_from": "2026-09-01", "date_to": "2026-10-31"}),
            ]
        )
        # Second quarter: April to June (91 nights); third: September (30 nights).
        self.assertEqual(
            lodging.period_ids._nights_between(date(2026, 4, 1), date(2026, 6, 30)), 91
        )
        self.assertEqual(
            lodging.period_ids._nights_between(date(2026, 7, 1), date(2026, 9, 30)), 30
        )

    def test_portal_host_sees_only_own_lodgings(self):
        own = self._lodging(name="Mon gîte")
        other_host = self.env["res.partner"].create(
            {"name": "Autre hôte", "is_company": True}
        )
        other = self._lodging(name="Gîte voisin", host_id=other_host.id)
        contact = self.env["res.partner"].create(
            {"name": "Hôte", "parent_id": self.host.id}
        )
        portal = new_test_user(
            self.env,
            tz="Europe/Paris",
            login="tax_portal_host",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        Lodging = self.env["tourism.lodging"].with_user(portal)
        self.assertEqual(Lodging.search([]), own)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            Lodging.browse(other.id).read(["name"])
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            Lodging.browse(own.id).write({"capacity": 99})
