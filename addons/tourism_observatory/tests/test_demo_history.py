# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import openpyxl

from odoo import fields
from odoo.tests import TransactionCase, tagged

# The shop, the ticket desk and the groups: what the demo history sells.
SALES = (
    "shop_sales",
    "shop_margin",
    "tickets",
    "ticket_amount",
    "ticket_commission",
)


@tagged("post_install", "-at_install")
class TestDemoHistory(TransactionCase):
    """What the director sees of the demo history (demo/history.py): the tills'
    sales of the years before, read from the real orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.company = cls.env.company
        cls.today = fields.Date.context_today(cls.env.user)

    def _rows(self, year, month):
        return {
            row["key"]: row
            for section in self.env["tourism.observatory.dashboard"]._figures(
                self.company, year, month
            )["sections"]
            for row in section["rows"]
        }

    def test_summer_of_last_year_against_this_january(self):
        """Last year's July at the shop and the ticket desk (the dashboard's N-1
        column of July) sells more than this year's January: the summer peak."""
        july = self._rows(self.today.year, 7)
        january = self._rows(self.today.year, 1)
        for key in SALES:
            self.assertGreater(july[key]["month_prev"], january[key]["month"], key)
            self.assertGreater(july[key]["year_prev"], 0, key)
        # Sold at a margin, from the products' cost; commissions on each ticket.
        self.assertLess(
            july["shop_margin"]["month_prev"], july["shop_sales"]["month_prev"]
        )
        self.assertGreater(july["shop_margin"]["month_prev"], 0)
        self.assertLess(
            july["ticket_commission"]["month_prev"], july["ticket_amount"]["month_prev"]
        )
        # Group trips confirmed each year, with their margin.
        self.assertGreater(july["group_margin"]["year_prev"], 0)

    def test_annual_report_of_last_year(self):
        """The annual report of last year (XLSX) has its N-1 column filled for the
        shop, the tickets and the groups."""
        year = self.today.year - 1
        wizard = self.env["tourism.observatory.report.wizard"].create({"year": year})
        content, _type = self.env["ir.actions.report"]._render_xlsx(
            "tourism_observatory.report_annual_xlsx", wizard.ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content))[str(year)]
        values = {
            sheet.cell(row, 1).value: (
                sheet.cell(row, 2).value,
                sheet.cell(row, 3).value,
            )
            for row in range(1, sheet.max_row + 1)
        }
        for label in (
            "Shop sales excl. taxes",
            "Shop margin",
            "Tickets resold",
            "Ticket commissions",
            "Group margin",
        ):
            this_year, last_year = values[label]
            self.assertGreater(this_year or 0, 0, label)
            self.assertGreater(last_year or 0, 0, label)

    def test_till_history_is_chained_and_closed(self):
        """The history's orders are paid in closed sessions of the points' tills,
        dated in the past, and chained by l10n_fr_pos_cert in the order of
        their dates (the inalterability chain follows time)."""
        Order = self.env["pos.order"]
        orders = Order.search(
            [
                ("company_id", "=", self.company.id),
                ("date_order", "<", fields.Date.to_string(self.today)),
                ("l10n_fr_secure_sequence_number", ">", 0),
            ],
            order="l10n_fr_secure_sequence_number",
        )
        self.assertGreater(len(orders), 500)
        self.assertEqual(set(orders.session_id.mapped("state")), {"closed"})
        self.assertTrue(all(orders.session_id.mapped("config_id.tourism_bit_id")))
        dates = orders.mapped("date_order")
        self.assertEqual(dates, sorted(dates))
        for order in orders[-5:]:
            self.assertEqual(order.l10n_fr_hash, order._get_new_hash())
