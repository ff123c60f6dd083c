# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The examples of issue 14, played through the models."""

import base64

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestTaxLawOrm(TourismTaxDeclarationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campsite = cls._lodging(
            name="Camping des Pins",
            nature="campsite",
            classification="3",
            capacity=20,  # pitches: 60 units of capacity
            period_ids=[
                Command.create({"date_from": "2026-04-01", "date_to": "2026-09-15"})
            ],
        )

    def _declaration(self, lodging=None, stays=(), **values):
        return self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": (lodging or self.hotel).id,
                "period_id": self.q3.id,
                "stay_ids": [Command.create(stay) for stay in stays],
                **values,
            }
        )

    def test_flat_rate_owed_whatever_occupancy(self):
        """CGCT L2333-41: the forfait is assessed on capacity and open nights, so
        "nothing to declare" cannot zero it. 20 pitches = 60 units (R2333-59), 50 %,
        0.50 EUR, 77 open nights, Landes add-ons: 1,663.20 EUR."""
        self.assertEqual(self.campsite.capacity_units, 60)
        declaration = self._declaration(lodging=self.campsite)
        self.assertEqual(declaration.regime, "flat")
        self.assertAlmostEqual(declaration.amount_total, 1663.20)
        with self.assertRaises(ValidationError):
            declaration.is_zero = True
        declaration.action_submit()
        declaration.with_user(self.ordonnateur).action_validate()
        self.assertEqual(declaration.state, "invoiced")
        self.assertAlmostEqual(declaration.invoice_id.amount_total, 1663.20)

    def test_flat_rate_pitches_count_three_persons(self):
        """CGCT R2333-59: each emplacement counts three units; 40 pitches at 50 %
        and 0.50 EUR over 77 nights: 120 x 50 % x 0.50 x 77 x 1.44 = 3,326.40 EUR."""
        campsite = self._lodging(
            name="Grand camping",
            nature="campsite",
            classification="3",
            capacity=40,
            period_ids=[
                Command.create({"date_from": "2026-04-01", "date_to": "2026-09-15"})
            ],
        )
        self.assertAlmostEqual(
            self._declaration(lodging=campsite).amount_total, 3326.40
        )

    def test_regime_not_editable_and_unclassified_hotel_real(self):
        """CGCT L2333-26: the regime follows the nature set by the deliberation; an
        unclassified lodging other than plein air is never au forfait, even when
        its nature is."""
        self.deliberation.sudo().flat_rate_nature_ids = [
            Command.link(self.ref("tourism_tax.lodging_nature_hotel").id)
        ]
        unclassified = self._lodging(name="Hôtel non classé", classification="0")
        declaration = self._declaration(lodging=unclassified, is_zero=True)
        self.assertEqual(declaration.regime, "real")
        self.assertEqual(self._declaration(lodging=self.hotel).regime, "flat")
        form = Form(declaration)
        self.assertTrue(form._view["fields"]["regime"].get("readonly"))

    def test_classification_change_during_stay(self):
        """CGCT L2333-30: each night at the category in force that night. 3-star
        expiring 31 July, 30 July - 3 August, 2 persons, 300 EUR a night, 5 %
        capped at 4.00, Landes add-ons: 2 x 2 x 1.44 + 2 x 2 x 5.76 = 28.80 EUR."""
        lodging = self._lodging(
            name="Meublé au classement échu",
            nature="furnished",
            classification="3",
            classification_date="2021-08-01",
            classification_expiry="2026-07-31",
        )
        declaration = self._declaration(
            lodging=lodging,
            stays=[
                {
                    "arrival": "2026-07-30",
                    "departure": "2026-08-03",
                    "persons": 2,
                    "price_per_night": 300.0,
                }
            ],
        )
        self.assertAlmostEqual(declaration.amount_total, 28.80)

    def test_scope_and_exemptions(self):
        """CGCT L2333-29: persons domiciled in the commune are outside the tax;
        L2333-26: a free night (not "à titre onéreux") is not taxed, even in an
        unclassified lodging; L2333-31 4°: no low-rent exemption without a
        threshold, and none at or above it."""
        low_rent = {
            "arrival": "2026-07-05",
            "departure": "2026-07-06",
            "persons": 2,
            "exempt_low_rent": 2,
            "price_per_night": 0.80,
        }
        with (
            self.assertRaisesRegex(ValidationError, "no low-rent threshold"),
            self.cr.savepoint(),
        ):
            self._declaration(stays=[low_rent])
        self.deliberation.sudo().low_rent_threshold = 1.00
        with (
            self.assertRaisesRegex(ValidationError, "only below 1.00"),
            self.cr.savepoint(),
        ):
            self._declaration(stays=[dict(low_rent, price_per_night=1.00)])
        unclassified = self._lodging(
            name="Meublé non classé", nature="furnished", classification="0"
        )
        free = self._declaration(
            lodging=unclassified,
            stays=[
                {
                    "arrival": "2026-07-01",
                    "departure": "2026-07-03",
                    "persons": 2,
                    "free_of_charge": True,
                },
            ],
        )
        self.assertEqual(free.amount_total, 0.0)
        free.action_submit()  # not refused as "missing price"
        hotel = self._declaration(
            stays=[
                {
                    "arrival": "2026-07-01",
                    "departure": "2026-07-03",
                    "persons": 3,
                    "resident_persons": 1,
                },
                low_rent,
            ]
        )
        # 2 taxable persons x 2 nights x 1.44; the low-rent stay owes nothing.
        self.assertAlmostEqual(hotel.amount_total, 5.76)

    def test_deliberation_in_force_until_replaced(self):
        """CGCT L2333-26: adopted before 1 July of N-1 for year N, in force until
        another replaces it; its tariffs are brought within each year's legal
        scale (L2333-30); once declarations use it, it is neither reset to draft
        nor edited."""
        Deliberation = self.env["tourism.tax.deliberation"]
        self.assertEqual(Deliberation._find(self.commune, 2027), self.deliberation)
        self.assertFalse(Deliberation._find(self.commune, 2025))
        late = self._deliberation(year=2028, date_adopted="2027-07-01")
        late.action_generate_periods()
        with self.assertRaisesRegex(ValidationError, "before 01/07/2027"):
            late.action_adopt()
        self.deliberation.action_extend_periods()
        q3_2027 = self.deliberation.period_ids.filtered(
            lambda p: p.date_from == p.date_from.replace(year=2027, month=7, day=1)
        )
        self.assertEqual(len(q3_2027), 1)
        declaration = self._declaration(
            period_id=q3_2027.id,
            stays=[{"arrival": "2027-07-01", "departure": "2027-07-03", "persons": 2}],
        )
        self.assertAlmostEqual(declaration.amount_total, 5.76)
        with self.assertRaises(UserError):
            self.deliberation.action_reset_to_draft()
        with self.assertRaises(UserError):
            self.deliberation.allowance_rate = 30.0

    def test_ex_officio_forfait_and_late_interest(self):
        """CGCT L2333-38 and L2333-46: a lodging au forfait taxed ex officio owes
        the forfait with its allowance (1,663.20 EUR, not capacity x nights at the
        full tariff, 3,326.40 EUR), with 0.20 % per month started since the due
        date; a declaration paid after its due date bears the same interest."""
        Declaration = self.env["tourism.tax.declaration"]
        estimate = Declaration.create(
            {
                "lodging_id": self.campsite.id,
                "period_id": self.q3.id,
                "ex_officio": True,
            }
        )
        self.assertAlmostEqual(estimate.amount_total, 1663.20)
        estimate._money_set_state("submitted")  # as the cron does
        with freeze_time("2027-01-20"):
            estimate.sudo()._validate_ex_officio()
        # Due 30/10/2026; 3 months started by 20/01/2027: 1,663.20 x 0.6 % = 9.98.
        self.assertAlmostEqual(estimate.interest_amount, 9.98)
        self.assertAlmostEqual(estimate.invoice_id.amount_total, 1673.18)

        declaration = self._declaration(
            stays=[{"arrival": "2026-07-01", "departure": "2026-07-06", "persons": 3}]
        )
        declaration.action_submit()
        with freeze_time("2026-10-20"):
            declaration.with_user(self.ordonnateur).action_validate()
        invoice = declaration.invoice_id
        self.assertEqual(str(invoice.invoice_date_due), "2026-10-30")
        with freeze_time("2026-12-10"):
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": "2026-12-10"})._create_payments()
            self.assertEqual(declaration.state, "paid")
            Declaration._cron_invoice_late_interest()
        # 21.60 paid on 10/12, due 30/10: 2 months started, 0.09 (0.0864).
        self.assertAlmostEqual(declaration.interest_invoice_id.amount_total, 0.09)
        self.assertEqual(declaration.interest_invoice_id.state, "posted")
        Declaration._cron_invoice_late_interest()  # once only
        self.assertEqual(
            self.env["account.move"].search_count(
                [("invoice_origin", "=", declaration.name)]
            ),
            2,
        )

    def test_platform_remittance_booked_and_passed_back(self):
        """CGCT L2333-34 I: platforms remit the tourist tax and the additional
        taxes (L3333-1) by 30 June and 31 December; the payment is split back into
        the base (tax account) and each add-on (third-party account, then passed
        back to its beneficiary with the hosts' shares); paid after the latest
        date, it bears 0.20 % per month started (L2333-38)."""
        statement = (
            "annonce;code_postal;arrivee;depart;nuitees;personnes;taxe_collectee\n"
            "AB-1;40990;05/07/2026;08/07/2026;3;2;8,64\n"
            "AB-2;40990;10/07/2026;12/07/2026;2;4;11,52\n"
            "AB-3;40990;15/07/2026;16/07/2026;1;2;2,88\n"
        )
        airbnb = self.ref("tourism_tax.res_partner_platform_airbnb")
        Remittance = self.env["tourism.tax.remittance"]
        values = {
            "platform_id": airbnb.id,
            "epci_id": self.epci.id,
            "date": "2026-12-31",
            "amount_received": 23.04,
            "file": base64.b64encode(statement.encode()),
            "filename": "airbnb.csv",
        }
        remittance = Remittance.create(values)
        remittance.action_import()
        self.assertEqual(str(remittance.due_date), "2027-06-30")
        self.assertFalse(remittance.interest_amount)
        remittance.action_post()
        lines = {
            line.account_id: line.price_subtotal
            for line in remittance.move_id.invoice_line_ids
        }
        self.assertEqual(remittance.move_id.partner_id, airbnb)
        self.assertEqual(remittance.move_id.state, "posted")
        self.assertEqual(
            lines,
            {
                self.tax_account: 16.00,
                self.departement.account_id: 1.60,
                self.gpso.account_id: 5.44,
            },
        )
        with self.assertRaises(UserError):
            remittance.line_ids[:1].tax_collected = 1.0
        reversal = self.env["tourism.tax.reversal"].create(
            {
                "surcharge_id": self.departement.id,
                "date_from": "2026-07-01",
                "date_to": "2026-12-31",
            }
        )
        self.assertEqual(reversal.remittance_ids, remittance)
        self.assertAlmostEqual(reversal.amount, 1.60)
        reversal.action_validate()
        self.assertAlmostEqual(reversal.bill_id.amount_total, 1.60)
        # Remitted after 30 June 2027: one month started on each line.
        late = Remittance.create(dict(values, date="2027-07-05"))
        late.action_import()
        self.assertAlmostEqual(late.interest_amount, 0.05)
        late.action_post()
        self.assertAlmostEqual(late.move_id.amount_total, 23.09)
        self.assertIn("23.09", late.message_ids[:1].body.replace(",", "."))

    def test_flat_rate_declared_before_the_period(self):
        """CGCT L2333-43: a lodging au forfait declares its capacity and opening
        dates at least one month before the period: the hosts au forfait are
        reminded a week before that date, the others are not."""
        self.assertEqual(str(self.q3.flat_declaration_due), "2026-06-01")
        with freeze_time("2026-05-28"):
            reminders = self.env["tourism.tax.reminder"]._cron_send_reminders()
        flat = reminders.filtered(lambda r: r.kind == "flat_before")
        # The demo's lodgings au forfait are reminded too; a hotel au réel is not.
        self.assertIn(self.campsite, flat.lodging_id)
        self.assertNotIn(self.hotel, flat.lodging_id)
        flat = flat.filtered(lambda r: r.lodging_id == self.campsite)
        self.assertEqual(flat.lodging_id, self.campsite)
        self.assertEqual(flat.period_id, self.q3)
        self.assertIn(
            "01/06/2026", flat.mail_id.subject.replace("06/01/2026", "01/06/2026")
        )
