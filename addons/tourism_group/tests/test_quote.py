# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TourismGroupCommon


@tagged("post_install", "-at_install")
class TestQuote(TourismGroupCommon):
    def test_quote_priced_from_brackets_and_free_places(self):
        quote = self._quote(38)
        line = quote.order_line
        self.assertEqual(len(line), 1)
        self.assertTrue(line.tourism_group_line)
        self.assertEqual(line.product_id, self.package.product_id)
        self.assertEqual(line.product_uom_qty, 38)
        self.assertEqual(line.price_unit, 52.0)
        self.assertFalse(line.tax_id)
        self.assertIn("38", line.name)
        self.assertEqual(quote.amount_total, 1976.0)
        self.assertEqual(quote.amount_tax, 0.0)
        self.assertEqual((quote.tourism_free_places, quote.tourism_headcount), (2, 40))
        self.assertEqual(len(quote.tourism_component_ids), 3)
        # Lunch 40 x 28.50 + 10 % = 1254.00; farm 40 x 7.00 = 280.00.
        self.assertEqual(quote.tourism_cost_total, 1534.0)
        self.assertEqual(quote.tourism_margin, 442.0)
        self.assertEqual(quote.tourism_margin_vat, 73.67)  # 442 x 20 / 120

    def test_group_size_changes_the_bracket(self):
        quote = self._quote(38)
        cases = [
            (20, 58.0, 1160.0),
            (29, 58.0, 1682.0),
            (45, 49.0, 2205.0),
            (53, 49.0, 2597.0),
        ]
        for paying, unit, total in cases:
            with self.subTest(paying=paying):
                quote.tourism_paying = paying  # repriced on write
                self.assertEqual(quote.tourism_free_places, 1 + paying // 20)
                self.assertEqual(quote.order_line.price_unit, unit)
                self.assertEqual(quote.amount_total, total)
        for paying, message in [(19, "20"), (54, "53"), (0, "")]:
            with (
                self.subTest(paying=paying),
                self.assertRaisesRegex(UserError, message),
            ):
                with self.env.cr.savepoint():
                    quote.tourism_paying = paying
        quote.invalidate_recordset()
        self.assertEqual((quote.tourism_paying, quote.amount_total), (53, 2597.0))
        # Another package replaces the programme and the price.
        other = self.package.copy({"name": "Demi-journée Test"})
        other.component_ids[1:].unlink()
        other.bracket_ids.write({"price": 20.0})
        quote.tourism_package_id = other
        self.assertEqual(len(quote.tourism_component_ids), 1)
        self.assertEqual(quote.order_line.product_id, other.product_id)
        self.assertEqual(quote.amount_total, 53 * 20.0)

    def test_made_to_measure(self):
        """Changes cost x 1.25 / 38 paying, rounded to 0.50."""
        quote = self._quote(38)
        guide, lunch, farm = quote.tourism_component_ids
        # A tasting at 4.50 for 40 heads: +180 x 1.25 / 38 = +5.92 -> 57.92 -> 58.00.
        quote.tourism_component_ids = [
            Command.create(
                {"name": "Dégustation", "supplier_id": self.farm.id, "unit_cost": 4.5}
            )
        ]
        quote.action_tourism_reprice()
        self.assertEqual(quote.order_line.price_unit, 58.0)
        self.assertEqual(quote.tourism_cost_total, 1714.0)
        # Swap the lunch for a cheaper one: 24.00 + 10 % = 26.40 instead of 31.35,
        # -198 x 1.25 / 38 = -6.51 -> 51.41 -> 51.50.
        lunch.unit_cost = 24.0
        quote.action_tourism_reprice()
        self.assertEqual(quote.order_line.price_unit, 51.5)
        # Remove the farm too: +180 - 198 - 280 = -298 x 1.25 / 38 = -9.80 -> 42.00.
        farm.unlink()
        quote.action_tourism_reprice()
        self.assertEqual(quote.order_line.price_unit, 42.0)
        self.assertEqual(quote.amount_total, 1596.0)
        # Back to the catalogue programme and price.
        quote.action_tourism_apply_package()
        self.assertEqual(len(quote.tourism_component_ids), 3)
        self.assertEqual(quote.order_line.price_unit, 52.0)
        self.assertEqual(len(quote.order_line), 1)

    def test_quote_from_group_lead(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Autocar de Langon",
                "type": "opportunity",
                "partner_id": self.client.id,
                "team_id": self.env.ref("tourism_group.crm_team_groups").id,
                "tourism_group_kind": "coach_operator",
                "tourism_package_id": self.package.id,
                "tourism_paying": 48,
                "tourism_trip_date": self.TRIP,
            }
        )
        context = lead.action_sale_quotations_new()["context"]
        with Form(self.env["sale.order"].with_context(**context)) as form:
            self.assertEqual(form.tourism_package_id, self.package)
            self.assertEqual(form.tourism_paying, 48)
        quote = form.record
        self.assertEqual(quote.opportunity_id, lead)
        # The lead follows its quote along the group pipeline.
        quote.action_quotation_sent()
        self.assertEqual(
            lead.stage_id, self.env.ref("tourism_group.crm_stage_group_quote_sent")
        )
        quote.action_confirm()
        self.assertEqual(
            lead.stage_id, self.env.ref("tourism_group.crm_stage_group_won")
        )
        self.assertEqual(quote.order_line.price_unit, 49.0)
        self.assertEqual(quote.tourism_trip_date, self.TRIP)
        self.assertEqual(quote.tourism_headcount, 48 + 1 + 2)

    def test_confirmation_books_suppliers_and_guides(self):
        quote = self._quote(38)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            quote.copy({"tourism_trip_date": False}).action_confirm()
        quote.action_confirm()
        self.assertEqual(quote.state, "sale")
        purchases = quote.tourism_purchase_ids
        self.assertEqual(purchases.partner_id, self.restaurant | self.farm)
        lunch = purchases.filtered(lambda p: p.partner_id == self.restaurant)
        self.assertEqual(lunch.origin, quote.name)
        self.assertEqual(lunch.order_line.product_qty, 40)
        self.assertEqual(lunch.order_line.price_unit, 28.5)
        self.assertEqual(lunch.order_line.taxes_id, self.tax10)
        self.assertEqual(lunch.amount_total, 1254.0)
        self.assertEqual(lunch.date_planned.date(), self.TRIP)
        self.assertEqual(
            sum(purchases.mapped("amount_total")), quote.tourism_cost_total
        )
        # The office guide: 10:00 in Saint-Sever is 09:00 UTC in March.
        event = quote.tourism_component_ids.calendar_event_id
        self.assertEqual(len(event), 1)
        self.assertEqual(event.start, datetime(2027, 3, 10, 9, 0))
        self.assertEqual(event.stop, datetime(2027, 3, 10, 10, 30))
        self.assertEqual(event.partner_ids, self.guide.partner_id)
        self.assertIn("Club Test", event.name)
        # Day programme for the group and the driver.
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_group.report_roadmap", quote.ids)[0]
            .decode()
        )
        for text in (
            "Relais Test",
            "Ferme Test",
            "12:30",
            "Journée Test",
            self.guide.name,
        ):
            self.assertIn(text, html)
        # E-mailed to the prestataires (an address is needed).
        with self.assertRaises(UserError), self.env.cr.savepoint():
            quote.action_tourism_send_booking_requests()
        (self.restaurant | self.farm).write({"email": "resa@presta.example.com"})
        quote.action_tourism_send_booking_requests()
        self.assertEqual(set(purchases.mapped("state")), {"sent"})
        self.assertIn(self.restaurant, lunch.message_partner_ids)
        lunch.invalidate_recordset(["message_ids"])
        sent = self.env["mail.message"].search(
            [("model", "=", "purchase.order"), ("res_id", "=", lunch.id)]
        )
        self.assertTrue(sent.filtered(lambda m: lunch.name in (m.subject or "")))
        # Cancelling the sale cancels the requests not yet confirmed and the entries.
        quote._action_cancel()
        self.assertEqual(set(purchases.mapped("state")), {"cancel"})
        self.assertFalse(event.exists())

    def test_multi_day_package(self):
        """Components of the second day are booked and planned on the next day."""
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.package.component_ids[2].day = 2
        self.package.write({"kind": "multi_day", "days": 2})
        self.package.component_ids[0].day = 2
        self.package.component_ids[2].day = 2
        quote = self._quote(38)
        self.assertEqual(sorted(quote.tourism_component_ids.mapped("day")), [1, 2, 2])
        quote.action_confirm()
        event = quote.tourism_component_ids.calendar_event_id
        self.assertEqual(event.start, datetime(2027, 3, 11, 9, 0))
        farm = quote.tourism_purchase_ids.filtered(lambda p: p.partner_id == self.farm)
        self.assertEqual(farm.order_line.date_planned.date(), date(2027, 3, 11))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_group.report_roadmap", quote.ids)[0]
            .decode()
        )
        self.assertRegex(html, r"(Day no\.|Jour)\s*<span>2</span>")

    def test_quote_pdf_has_legal_mentions(self):
        quote = self._quote(38)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.report_saleorder", quote.ids)[0]
            .decode()
        )
        for text in (
            "IM040990001",
            "Garant Test",
            "Assureur Test",
            "266-1-e",
            "Ferme Test",
        ):
            self.assertIn(text, html)
        self.assertNotIn("28.50", html)

    def _invoice(self, quote, method, amount=0):
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=quote.ids)
            .create({"advance_payment_method": method, "amount": amount})
        )
        wizard.create_invoices()
        invoice = quote.invoice_ids.sorted("id")[-1]
        invoice.action_post()
        return invoice

    def test_lead_to_supplier_bills_and_margin_statement(self):
        quote = self._quote(38)
        quote.action_confirm()
        deposit = self._invoice(quote, "percentage", 30)
        self.assertEqual(deposit.amount_total, 592.8)
        self.assertEqual(deposit.amount_tax, 0.0)
        self.assertIn("266-1-e", str(deposit.narration))
        balance = self._invoice(quote, "delivered")
        self.assertEqual(balance.amount_total, 1383.2)
        self.assertEqual(balance.amount_tax, 0.0)
        self.assertEqual(quote.invoice_status, "invoiced")

        statement = self.env["tourism.group.margin.statement"].create(
            {
                "basis": "trip",
                "date_from": date(2027, 3, 1),
                "date_to": date(2027, 3, 31),
            }
        )
        statement.action_compute()
        self.assertEqual(statement.line_ids.cost_source, "estimate")
        self.assertEqual((statement.sales, statement.costs), (1976.0, 1534.0))
        self.assertEqual(statement.vat, 73.67)

        # After the trip the restaurant bills 39 meals instead of 40.
        for purchase in quote.tourism_purchase_ids:
            purchase.button_confirm()
            action = purchase.action_create_invoice()
            bill = self.env["account.move"].browse(action["res_id"])
            bill.invoice_date = date(2027, 3, 12)
            if purchase.partner_id == self.restaurant:
                with Form(bill) as form, form.invoice_line_ids.edit(0) as bill_line:
                    bill_line.quantity = 39
            bill.action_post()
            self.assertEqual(purchase.invoice_ids, bill)
        statement.action_compute()
        self.assertEqual(statement.line_ids.cost_source, "bills")
        # 39 x 28.50 x 1.10 = 1222.65; + 280.00
        self.assertEqual(statement.costs, 1502.65)
        self.assertEqual(statement.margin, 473.35)
        self.assertEqual(statement.vat, 78.89)
        self.assertEqual(statement.net_margin, 394.46)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_group.report_margin_statement", statement.ids)[
                0
            ]
            .decode()
        )
        self.assertIn(quote.name, html)
        self.assertIn("266-1-e", html)
        statement.action_close()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            statement.action_compute()

    def _pay(self, invoice, day):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": day})._create_payments()

    def test_margin_statement_on_payments(self):
        """Encaissements: the deposit paid in February, the balance and the supplier
        bills in March; the trips of the period offset each other, a loss is lost."""
        quote = self._quote(38)
        quote.action_confirm()
        deposit = self._invoice(quote, "percentage", 30)
        self._pay(deposit, date(2027, 2, 15))
        balance = self._invoice(quote, "delivered")
        self._pay(balance, date(2027, 3, 12))
        for purchase in quote.tourism_purchase_ids:
            purchase.button_confirm()
            bill = self.env["account.move"].browse(
                purchase.action_create_invoice()["res_id"]
            )
            bill.invoice_date = date(2027, 3, 14)
            bill.action_post()
        statement = self.env["tourism.group.margin.statement"]
        february = statement.create(
            {
                "basis": "payment",
                "date_from": date(2027, 2, 1),
                "date_to": date(2027, 2, 28),
            }
        )
        february.action_compute()
        self.assertEqual((february.sales, february.costs), (592.8, 0.0))
        self.assertEqual(february.vat, 98.8)  # 592.80 x 20 / 120
        march = statement.create(
            {
                "basis": "payment",
                "date_from": date(2027, 3, 1),
                "date_to": date(2027, 3, 31),
            }
        )
        march.action_compute()
        self.assertEqual((march.sales, march.costs), (1383.2, 1534.0))
        self.assertAlmostEqual(march.margin, -150.8, places=2)
        self.assertEqual(march.vat, 0.0)
        # The bills came after the deposit was taxed: the excess is carried
        # forward onto the next periods (BOI-TVA-SECT-60), once March is closed.
        self.assertEqual(march.loss_carried_out, 150.8)
        (february | march).action_close()
        self.assertEqual(february.move_id.state, "posted")
        self.assertFalse(march.move_id, "no VAT due in March")
        # Nothing received nor billed in April: no line.
        april = statement.create(
            {
                "basis": "payment",
                "date_from": date(2027, 4, 1),
                "date_to": date(2027, 4, 30),
            }
        )
        april.action_compute()
        self.assertFalse(april.line_ids)
        self.assertEqual(april.loss_carried_in, 150.8)

    def test_margin_statement_defaults_to_last_month(self):
        statement = self.env["tourism.group.margin.statement"].create({})
        today = fields.Date.context_today(statement)
        self.assertEqual(statement.date_from, statement.date_to.replace(day=1))
        self.assertEqual(statement.date_to + timedelta(days=1), today.replace(day=1))

    def test_margin_statement_loss_offsets_other_trips(self):
        """A trip sold below cost offsets the other trips of the period."""
        good = self._quote(38)
        good.action_confirm()
        bad = self._quote(20, tourism_trip_date=date(2027, 4, 2))
        bad.order_line.price_unit = 30.0  # 600.00 for 22 heads costing 843.70
        bad.action_confirm()
        statement = self.env["tourism.group.margin.statement"]
        april = statement.create(
            {
                "basis": "trip",
                "date_from": date(2027, 4, 1),
                "date_to": date(2027, 4, 30),
            }
        )
        april.action_compute()
        self.assertEqual(april.margin, -243.7)
        self.assertEqual((april.taxable_margin, april.vat), (0.0, 0.0))
        spring = statement.create(
            {
                "basis": "trip",
                "date_from": date(2027, 3, 1),
                "date_to": date(2027, 4, 30),
            }
        )
        spring.action_compute()
        self.assertAlmostEqual(spring.margin, 198.3, places=2)
        self.assertEqual(spring.vat, 33.05)  # 198.30 x 20 / 120
