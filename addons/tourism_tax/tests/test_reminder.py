# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestReminder(TourismTaxDeclarationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.write({"email": "hote@example.com", "lang": "fr_FR"})
        cls.diligent = cls._lodging(name="Gîte diligent", nature="furnished")
        declaration = cls.env["tourism.tax.declaration"].create(
            {"lodging_id": cls.diligent.id, "period_id": cls.q3.id, "is_zero": True}
        )
        declaration.action_submit()

    def _cron(self):
        return self.env["tourism.tax.reminder"]._cron_send_reminders()

    def test_reminder_before_due_date_then_overdue(self):
        self.assertEqual(str(self.q3.declaration_due), "2026-10-15")
        with freeze_time("2026-10-01"):
            self.assertFalse(self._cron().filtered(lambda r: r.period_id == self.q3))
        with freeze_time("2026-10-09"):
            reminders = self._cron().filtered(lambda r: r.period_id == self.q3)
            self.assertEqual(reminders.lodging_id, self.hotel)
            self.assertEqual(reminders.kind, "before_due")
            mail = reminders.mail_id
            self.assertIn("Hôtel 3 étoiles", mail.subject)
            self.assertEqual(mail.recipient_ids, self.host)
            self.assertIn(
                "15/10/2026", mail.body_html.replace("10/15/2026", "15/10/2026")
            )
            # Visible on the lodging.
            self.assertEqual(self.hotel.reminder_ids, reminders)
            # Once only.
            self.assertFalse(self._cron().filtered(lambda r: r.period_id == self.q3))
        with freeze_time("2026-10-16"):
            overdue = self._cron().filtered(lambda r: r.period_id == self.q3)
            self.assertEqual(overdue.kind, "overdue")
            self.assertEqual(overdue.lodging_id, self.hotel)
            self.assertIn("en retard", overdue.mail_id.subject)

    def test_declared_hosts_are_not_reminded(self):
        declaration = self.env["tourism.tax.declaration"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id, "is_zero": True}
        )
        declaration.action_submit()
        with freeze_time("2026-10-16"):
            self.assertFalse(self._cron().filtered(lambda r: r.period_id == self.q3))

    def test_formal_notice_then_taxation_d_office(self):
        with freeze_time("2026-10-16"):
            self._cron()
        with freeze_time("2026-10-29"):
            self.assertFalse(self._cron().filtered(lambda r: r.kind == "formal_notice"))
        with freeze_time("2026-10-31"):
            notice = self._cron().filtered(
                lambda r: r.kind == "formal_notice" and r.period_id == self.q3
            )
            self.assertEqual(notice.lodging_id, self.hotel)
            # The letter for registered post goes with the e-mail.
            self.assertEqual(notice.mail_id.attachment_ids.mimetype, "application/pdf")
            self.assertIn("mise en demeure", notice.mail_id.subject.lower())
        # CGCT L2333-38: the 30 days run from the notification of the registered
        # letter; without its date recorded, the procedure waits.
        with freeze_time("2026-12-15"):
            self.assertFalse(
                self._cron().filtered(lambda r: r.kind.startswith("ex_officio"))
            )
        notice.notified_on = "2026-11-03"
        with freeze_time("2026-12-03"):
            self.assertFalse(
                self._cron().filtered(lambda r: r.kind.startswith("ex_officio"))
            )
        with freeze_time("2026-12-04"):
            assessment = self._cron().filtered(
                lambda r: r.kind == "ex_officio_notice" and r.period_id == self.q3
            )
            declaration = assessment.declaration_id
            self.assertTrue(declaration.ex_officio)
            # Assessed, not yet put into recovery.
            self.assertEqual(declaration.state, "submitted")
            self.assertFalse(declaration.invoice_id)
            # Capacity 10, open every night of the quarter (92): 920 person-nights at
            # 1.44 = 1,324.80, stated with its basis in the reasoned notice.
            self.assertAlmostEqual(declaration.amount_total, 1324.80)
            self.assertEqual(
                assessment.mail_id.attachment_ids.mimetype, "application/pdf"
            )
            self.assertIn("1", assessment.mail_id.body_html)
        with freeze_time("2027-01-02"):
            self.assertFalse(self._cron().filtered(lambda r: r.kind == "ex_officio"))
        with freeze_time("2027-01-03"):
            step = self._cron().filtered(
                lambda r: r.kind == "ex_officio" and r.period_id == self.q3
            )
            self.assertEqual(step.declaration_id, declaration)
            self.assertEqual(declaration.state, "invoiced")
            # Late interest 0.20 % x 3 months started since 30/10: 7.95.
            self.assertAlmostEqual(declaration.interest_amount, 7.95)
            self.assertAlmostEqual(declaration.invoice_id.amount_total, 1332.75)
            self.assertEqual(
                set(self.hotel.reminder_ids.mapped("kind")),
                {"overdue", "formal_notice", "ex_officio_notice", "ex_officio"},
            )
            # Nothing more once taxed.
            self.assertFalse(self._cron().filtered(lambda r: r.period_id == self.q3))

    def test_taxation_d_office_from_the_host_history(self):
        """With a declaration for the same quarter a year before, the estimate is its
        person-nights (direct ones, rectification included) at this year's tariff;
        the capacity is the fallback."""
        deliberation_2025 = self._deliberation(
            year=2025,
            base_account_id=self.tax_account.id,
            surcharge_ids=[Command.set((self.departement | self.gpso).ids)],
        )
        deliberation_2025.action_generate_periods()
        deliberation_2025.action_adopt()
        q3_2025 = deliberation_2025.period_ids.filtered(
            lambda p: p.date_from.month == 7
        )
        Declaration = self.env["tourism.tax.declaration"]
        last_year = Declaration.create(
            {
                "lodging_id": self.hotel.id,
                "period_id": q3_2025.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2025-07-01",
                            "departure": "2025-07-11",
                            "persons": 2,
                        }
                    ),
                    Command.create(
                        {
                            "arrival": "2025-08-01",
                            "departure": "2025-08-05",
                            "persons": 2,
                            "channel": "platform",
                        }
                    ),
                ],
            }
        )
        last_year.action_submit()
        last_year.action_validate()
        estimate = Declaration.create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id, "ex_officio": True}
        )
        self.assertEqual(estimate.ex_officio_basis, "history")
        # 20 direct person-nights at 1.44.
        self.assertAlmostEqual(estimate.amount_total, 28.80)
        # The host had corrected 2025: the rectifying declaration counts.
        action = last_year.action_rectify()
        rectifying = Declaration.browse(action["res_id"])
        rectifying.stay_ids[:1].persons = 3
        rectifying.action_submit()
        rectifying.action_validate()
        estimate.invalidate_recordset()
        self.assertAlmostEqual(
            estimate._tax_breakdown().total_amount, Decimal("43.20")
        )  # 30 person-nights
        # Another lodging without history: capacity 10 x 92 nights.
        other = self._lodging(name="Hôtel sans historique")
        capacity = Declaration.create(
            {"lodging_id": other.id, "period_id": self.q3.id, "ex_officio": True}
        )
        self.assertEqual(capacity.ex_officio_basis, "capacity")
        self.assertAlmostEqual(capacity.amount_total, 1324.80)
