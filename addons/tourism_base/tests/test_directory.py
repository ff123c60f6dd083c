# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import TourismBaseCommon


@tagged("post_install", "-at_install")
class TestDirectory(TourismBaseCommon):
    def test_siret_validated_and_normalised(self):
        self.provider.siret = "732 829 320 00074"
        self.assertEqual(self.provider.siret, "73282932000074")
        with (
            self.assertRaisesRegex(ValidationError, "SIRET"),
            mute_logger("odoo.sql_db"),
        ):
            self.provider.siret = "73282932000075"

    def test_commune_fills_address(self):
        with Form(self.env["res.partner"]) as form:
            form.company_type = "company"
            form.name = "Ferme de Pimbo"
            form.is_tourism_provider = True
            form.tourism_commune_id = self.pimbo
            self.assertEqual(form.zip, "40320")
            self.assertEqual(form.city, "Pimbo")
        partner = form.record
        self.assertEqual(partner.country_id, self.env.ref("base.fr"))
        self.assertEqual(
            partner.tourism_epci_id, self.env.ref("tourism_base.epci_chalosse_tursan")
        )

    def test_import_finds_commune_from_zip_and_city(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Imported",
                "is_tourism_provider": True,
                "zip": "40500",
                "city": "saint-sever",
            }
        )
        self.assertEqual(partner.tourism_commune_id, self.saint_sever)

    def test_territory_data(self):
        epci = self.env.ref("tourism_base.epci_chalosse_tursan")
        self.assertEqual(epci.commune_count, 50)
        self.assertEqual(epci.seat_commune_id, self.saint_sever)
        self.assertEqual(self.saint_sever.display_name, "Saint-Sever (40500)")
        self.assertEqual(
            self.env["tourism.commune"].name_search("40119")[0][1], "Hagetmau (40700)"
        )

    def test_commune_codes_checked(self):
        Commune = self.env["tourism.commune"]
        for insee, zip_code in (
            ("4028", "40500"),
            ("2C004", "20000"),
            ("40999", "405"),
        ):
            with (
                self.subTest(insee=insee, zip=zip_code),
                self.assertRaises(ValidationError),
            ):
                Commune.create(
                    {"name": "Nowhere", "insee_code": insee, "zip": zip_code}
                )

    def test_label_validity_and_stored_labels(self):
        today = date.today()
        award = self.env["tourism.partner.label"].create(
            {
                "partner_id": self.provider.id,
                "label_id": self.accueil_velo.id,
                "date_award": today - relativedelta(years=1),
            }
        )
        # Accueil Vélo lasts 3 years: the expiry date is proposed from the label.
        self.assertEqual(award.date_expiry, today + relativedelta(years=2, days=-1))
        self.assertEqual(award.validity_state, "valid")
        self.assertEqual(self.provider.tourism_label_ids, self.accueil_velo)
        award.date_expiry = today + relativedelta(days=30)
        self.assertEqual(award.validity_state, "expiring")
        self.assertIn(
            self.provider,
            self.env["res.partner"].search(
                [("tourism_label_line_ids.validity_state", "=", "expiring")]
            ),
        )
        award.date_expiry = today - relativedelta(days=1)
        self.assertEqual(award.validity_state, "expired")
        self.assertFalse(self.provider.tourism_label_ids)

    def test_expiry_before_award_refused(self):
        with self.assertRaisesRegex(ValidationError, "expiry date"):
            self.env["tourism.partner.label"].create(
                {
                    "partner_id": self.provider.id,
                    "label_id": self.accueil_velo.id,
                    "date_award": date(2025, 5, 1),
                    "date_expiry": date(2025, 4, 30),
                }
            )

    def test_classification_level_checked(self):
        Grade = self.env["tourism.partner.classification"]
        for level in (0, 6):
            with (
                self.subTest(level=level),
                self.assertRaisesRegex(ValidationError, "from 1 to 5"),
            ):
                Grade.create(
                    {
                        "partner_id": self.provider.id,
                        "scheme_id": self.stars.id,
                        "level": level,
                    }
                )

    def test_classification_summary(self):
        Grade = self.env["tourism.partner.classification"]
        Grade.create(
            {
                "partner_id": self.provider.id,
                "scheme_id": self.stars.id,
                "level": 3,
                "date_award": date.today() - relativedelta(years=1),
            }
        )
        self.assertEqual(self.provider.tourism_classification, "3 ★")
        found = self.env["res.partner"].search([("tourism_classification", "=", "3 ★")])
        self.assertIn(self.provider, found)

    def test_cron_drops_expired_awards(self):
        award = self.env["tourism.partner.label"].create(
            {
                "partner_id": self.provider.id,
                "label_id": self.accueil_velo.id,
                "date_award": date(2025, 1, 1),
                "date_expiry": date(2027, 6, 30),
            }
        )
        with freeze_time("2027-06-30"):
            self.env["res.partner"]._cron_refresh_tourism_awards()
            self.assertEqual(self.provider.tourism_label_ids, self.accueil_velo)
        with freeze_time("2027-07-01"):
            self.env["res.partner"]._cron_refresh_tourism_awards()
            self.assertFalse(self.provider.tourism_label_ids)
            self.assertEqual(award.validity_state, "expired")

    def test_opening_periods(self):
        Period = self.env["tourism.opening.period"]
        Period.create(
            {
                "partner_id": self.provider.id,
                "date_from": "2026-04-01",
                "date_to": "2026-06-30",
            }
        )
        with self.assertRaisesRegex(ValidationError, "overlap"):
            Period.create(
                {
                    "partner_id": self.provider.id,
                    "date_from": "2026-06-01",
                    "date_to": "2026-09-30",
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            Period.create(
                {
                    "partner_id": self.provider.id,
                    "date_from": "2026-10-01",
                    "date_to": "2026-09-30",
                }
            )
        # Another prestataire may open on the same dates.
        Period.create(
            {
                "partner_id": self.other_provider.id,
                "date_from": "2026-04-01",
                "date_to": "2026-06-30",
            }
        )

    def test_negative_capacity_refused(self):
        with self.assertRaises(ValidationError):
            self.provider.tourism_capacity = -1

    def test_bit_creates_its_address(self):
        bit = self.env["tourism.bit"].create(
            {"name": "Stand Fête de la Madeleine", "code": "EVT"}
        )
        self.assertEqual(bit.partner_id.name, "Stand Fête de la Madeleine")
        self.assertEqual(bit.partner_id.parent_id, self.env.company.partner_id)
        self.conseiller.tourism_bit_id = bit
        self.assertEqual(bit.user_ids, self.conseiller)

    def test_import_template_offered(self):
        templates = (
            self.env["res.partner"]
            .with_context(default_is_tourism_provider=True)
            .get_import_templates()
        )
        self.assertEqual(
            templates[0]["template"], "/tourism_base/static/import/prestataires.xlsx"
        )

    def test_directory_search_and_group_by(self):
        self.env["tourism.partner.label"].create(
            {"partner_id": self.provider.id, "label_id": self.accueil_velo.id}
        )
        self.env.flush_all()  # as at the end of the request that saved the award
        Partner = self.env["res.partner"]
        found = Partner.search(
            [
                ("is_tourism_provider", "=", True),
                ("tourism_commune_id", "=", self.pimbo.id),
                ("tourism_label_ids", "in", self.accueil_velo.ids),
            ]
        )
        self.assertIn(self.provider, found)
        self.assertNotIn(self.other_provider, found)
        groups = Partner._read_group(
            [("id", "in", (self.provider | self.other_provider).ids)],
            ["tourism_commune_id"],
            ["__count"],
        )
        self.assertEqual(dict(groups), {self.pimbo: 1, self.saint_sever: 1})
