# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal as D

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import BaseCase, tagged

from ..tools.fines import check_fine_amount, fine_bounds
from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestFineBounds(BaseCase):
    def test_bounds(self):
        cases = [
            ("late_declaration", 1, "750", "12500"),
            ("not_collected", 1, "750", "2500"),
            ("not_remitted", 3, "750", "2500"),  # omissions only count for errors
            ("error", 1, "150", "150"),
            ("error", 4, "600", "600"),
            ("error", 83, "12450", "12450"),
            ("error", 84, "12500", "12500"),  # capped
            ("error", 1000, "12500", "12500"),
        ]
        for ground, omissions, low, high in cases:
            with self.subTest(ground=ground, omissions=omissions):
                self.assertEqual(fine_bounds(ground, omissions), (D(low), D(high)))

    def test_check_amount(self):
        cases = [
            ("late_declaration", "750", 1, True),
            ("late_declaration", "749.99", 1, False),
            ("late_declaration", "12500", 1, True),
            ("late_declaration", "12500.01", 1, False),
            ("not_collected", "2500", 1, True),
            ("not_collected", "3000", 1, False),
            ("error", "300", 2, True),
            ("error", "299", 2, False),
            ("error", 450.0, 3, True),
        ]
        for ground, amount, omissions, expected in cases:
            with self.subTest(ground=ground, amount=amount):
                self.assertIs(check_fine_amount(ground, amount, omissions), expected)

    def test_errors(self):
        for ground, omissions in (("unknown", 1), ("error", 0), ("error", True)):
            with self.subTest(ground=ground, omissions=omissions):
                with self.assertRaises(ValueError):
                    fine_bounds(ground, omissions)


@tagged("post_install", "-at_install")
class TestFine(TourismTaxDeclarationCommon):
    def _fine(self, **values):
        return (
            self.env["tourism.tax.fine"]
            .with_user(self.regisseur)
            .with_context(tracking_disable=False)
            .create(
                {
                    "lodging_id": self.hotel.id,
                    "period_id": self.q3.id,
                    "ground": "late_declaration",
                    **values,
                }
            )
        )

    def test_procedure_is_logged_on_the_host(self):
        fine = self._fine(amount_requested=1500)
        self.assertTrue(fine.name.startswith("AC/"))
        self.assertEqual(fine.host_id, self.host)
        self.assertEqual((fine.amount_min, fine.amount_max), (750, 12500))
        fine.action_refer()
        self.env.cr.precommit.run()  # tracking values are written before commit
        self.assertEqual(fine.state, "referred")
        self.assertTrue(fine.date_referral)
        with self.assertRaisesRegex(UserError, "date and the reference"):
            fine.action_record_decision()
        fine.write(
            {
                "date_decision": "2027-02-15",
                "decision_ref": "TJ Mont-de-Marsan 27/00012",
                "amount_imposed": 1000,
            }
        )
        fine.action_record_decision()
        self.assertEqual(fine.state, "decided")
        with self.assertRaises(UserError):
            fine.action_drop()
        with self.assertRaises(UserError):
            fine.unlink()
        # Every step is in the log, and the host's record shows the fine.
        self.env.cr.precommit.run()
        tracked = fine.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("state", tracked)
        self.assertIn("amount_imposed", tracked)
        self.assertEqual(self.host.tourism_fine_count, 1)
        self.assertEqual(self.hotel.fine_ids, fine)
        action = self.host.action_view_tourism_fines()
        self.assertEqual(self.env["tourism.tax.fine"].search(action["domain"]), fine)

    def test_amount_within_the_law(self):
        with self.assertRaisesRegex(ValidationError, "L2333-34-1"):
            self._fine(amount_requested=500)
        with self.assertRaisesRegex(ValidationError, "L2333-34-1"):
            self._fine(ground="not_collected", amount_requested=3000)
        fine = self._fine(ground="error", omissions=3, amount_requested=450)
        self.assertEqual(fine.amount_max, 450)
        with self.assertRaisesRegex(ValidationError, "at least one"):
            fine.omissions = 0
        with self.assertRaisesRegex(UserError, "amount requested"):
            self._fine().action_refer()

    def test_conseiller_reads_but_does_not_fine(self):
        fine = self._fine(amount_requested=800)
        self.assertEqual(fine.with_user(self.conseiller).name, fine.name)
        with self.assertRaises(AccessError):
            self.env["tourism.tax.fine"].with_user(self.conseiller).create(
                {"lodging_id": self.hotel.id, "ground": "late_declaration"}
            )
