# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestTicketing(TicketingCommon):
    def test_mandate_gives_third_party_account_and_products(self):
        account = self.mandate_festival.third_party_account_id
        self.assertTrue(account.code.startswith("4671"))
        self.assertEqual(account.account_type, "liability_current")
        self.assertTrue(account.reconcile)
        self.assertNotEqual(account, self.mandate_museum.third_party_account_id)
        product = self.mandate_festival.ticket_product_id
        self.assertEqual(self.event.tourism_mandate_id, self.mandate_festival)
        self.assertEqual(self.event.event_ticket_ids.product_id, product)
        for template in (product.product_tmpl_id, self.museum_ticket.product_tmpl_id):
            self.assertFalse(template.taxes_id, "no VAT of the office on the price")
            self.assertEqual(
                template.property_account_income_id,
                template.tourism_mandate_id.third_party_account_id,
            )
        # A ticket of a mandated event must use the organiser's product.
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.ticket_adult.product_id = self.museum_ticket

    def test_mandated_ticket_never_carries_a_tax(self):
        """Issue 14 item 18: the ticket price is the organiser's, outside the
        office's VAT base (débours, CGI art. 267 II 2°). A tax added back onto a
        mandated ticket product is refused, for the manager too."""
        manager = new_test_user(
            self.env,
            "ticket_tax_manager",
            groups="base.group_user,tourism_base.group_tourism_manager,"
            "account.group_account_manager",
        )
        template = self.museum_ticket.product_tmpl_id
        self.assertTrue(template.tourism_third_party_sale)
        self.assertFalse(template.taxes_id)
        tax = self.env["account.chart.template"].ref("tva_normale")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            template.with_user(manager).write({"taxes_id": [Command.set(tax.ids)]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["product.template"].with_user(manager).create(
                {
                    "name": "Billet taxé",
                    "type": "service",
                    "tourism_mandate_id": self.mandate_museum.id,
                    "taxes_id": [Command.set(tax.ids)],
                }
            )
        self.assertTrue(
            self.mandate_festival.ticket_product_id.tourism_third_party_sale
        )

    def test_commission_stored_on_sale(self):
        session = self.open_session()
        order = self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 2),
                self.ticket_line(self.ticket_child, 1),
                self.product_line(self.museum_ticket, 2),
            ],
        )
        commissions = {
            line.product_id.name
            if not line.event_ticket_id
            else line.event_ticket_id.name: line.tourism_commission
            for line in order.lines
        }
        self.assertEqual(
            commissions,
            {"Plein tarif": 2.0, "Enfant": 0.5, "Billet musée de Test": 1.2},
        )
        self.assertEqual(len(order.lines.event_registration_ids), 3)

    def test_commission_on_discounted_ticket_to_the_cent(self):
        """Issue 13 §2: the commission of a discounted ticket is computed exactly.
        15 € at 90 % off is 1.50 €; 5 % of it is 0.075, 0.08 rounded half up (the
        float product 1.4999999999999998 gave 0.07)."""
        self.mandate_museum.commission_percent = 5.0
        session = self.open_session()
        line = self.product_line(self.museum_ticket, 1, 15.0, discount=90.0)
        line.update(price_subtotal=1.5, price_subtotal_incl=1.5)
        order = self.sell(session, [line])
        self.assertEqual(order.lines.tourism_commission, 0.08)

    def test_pos_closing_entries_and_settlement_to_the_cent(self):
        session = self.open_session()
        order = self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 2),
                self.ticket_line(self.ticket_child, 1),
                self.product_line(self.museum_ticket, 2),
            ],
        )
        adult_line = order.lines.filtered(
            lambda line: line.event_ticket_id == self.ticket_adult
        )
        self.assertEqual(self.ticket_adult.tourism_seats_taken, 2)
        self.refund(session, adult_line, 1)
        # The refund cancelled a registration (pos_event) and freed its seat.
        self.assertEqual(self.ticket_adult.tourism_seats_taken, 1)
        self.assertEqual(self.ticket_adult.tourism_allotment_left, 2)
        self.close(session)
        self.assertEqual(session.state, "closed")

        festival_467 = self.mandate_festival.third_party_account_id
        museum_467 = self.mandate_museum.third_party_account_id
        move = session.move_id
        # Only the ticket money, on each organiser's account, and no VAT.
        self.assertEqual(self.balance(festival_467, move), -24.00)  # 36 + 6 - 18
        self.assertEqual(self.balance(museum_467, move), -12.00)
        self.assertFalse(move.line_ids.filtered("tax_line_id"))
        self.assertFalse(
            move.line_ids.filtered(
                lambda line: line.account_id.account_type in ("income", "income_other")
            )
        )

        settlement = self.settle(self.mandate_festival)
        self.assertRecordValues(
            settlement,
            [
                {
                    "tickets_sold": 3,
                    "tickets_refunded": 1,
                    "gross_sold": 42.00,
                    "gross_refunded": 18.00,
                    "gross": 24.00,
                    "commission_excluded": 1.50,
                    "commission_tax": 0.30,
                    "commission_included": 1.80,
                    "net_due": 22.20,
                }
            ],
        )
        self.assertEqual(
            settlement.amount_in_words, "vingt-deux euros et vingt centimes"
        )
        lines = {line.event_ticket_id.name: line for line in settlement.line_ids}
        self.assertRecordValues(
            lines["Plein tarif"],
            [
                {
                    "quantity_sold": 2,
                    "quantity_refunded": 1,
                    "amount_sold": 36.0,
                    "amount_refunded": 18.0,
                    "amount_net": 18.0,
                    "commission": 1.0,
                }
            ],
        )
        # A draft has no number yet: the French list names it as a draft.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.assertFalse(settlement.name)
        self.assertEqual(
            settlement.with_context(lang="fr_FR").display_name,
            f"Reddition de comptes en brouillon de {settlement.organiser_id.name}",
        )
        settlement.action_validate()
        self.assertEqual(settlement.state, "done")
        self.assertTrue(settlement.name.startswith("REV/"))
        self.assertEqual(settlement.display_name, settlement.name)
        # The bill clears the organiser's 467; the commission is revenue with VAT.
        self.assertEqual(self.balance(festival_467), 0.0)
        self.assertEqual(settlement.bill_id.amount_total, 24.00)
        invoice = settlement.invoice_id
        self.assertRecordValues(
            invoice,
            [
                {
                    "amount_untaxed": 1.50,
                    "amount_tax": 0.30,
                    "amount_total": 1.80,
                    "payment_state": "paid",
                }
            ],
        )
        self.assertEqual(
            invoice.invoice_line_ids.account_id,
            self.mandate_festival.commission_account_id,
        )
        # What is left to pay the organiser is the net due.
        self.assertEqual(settlement.bill_id.amount_residual, 22.20)
        # The museum is settled on its own: its sales were not taken.
        museum = self.settle(self.mandate_museum)
        self.assertRecordValues(
            museum,
            [
                {
                    "gross": 12.0,
                    "commission_excluded": 1.2,
                    "commission_tax": 0.24,
                    "net_due": 10.56,
                }
            ],
        )
        museum.action_validate()
        self.assertEqual(self.balance(museum_467), 0.0)

    def test_nothing_counted_twice_and_locked(self):
        session = self.open_session()
        self.sell(session, [self.ticket_line(self.ticket_child, 2)])
        first = self.settle(self.mandate_festival)
        # A second draft finds nothing: the sales are taken by the first.
        second = self.settle(self.mandate_festival)
        self.assertFalse(second.pos_line_ids)
        first.action_validate()
        self.assertEqual(first.gross, 12.0)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            first.write({"date_to": first.date_to})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            first.pos_line_ids.write({"tourism_settlement_id": second.id})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            first.unlink()
        # A new sale goes to the next settlement only.
        self.sell(session, [self.ticket_line(self.ticket_child, 1)])
        second.action_compute()
        self.assertEqual(len(second.pos_line_ids), 1)
        self.assertEqual((second.gross, second.commission_excluded), (6.0, 0.5))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.settle(self.mandate_museum).action_validate()

    def test_allotment_never_oversold(self):
        session = self.open_session()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.sell(session, [self.ticket_line(self.ticket_adult, 4)])
        self.assertFalse(session.order_ids, "nothing half-written")
        self.assertEqual(self.ticket_adult.tourism_seats_taken, 0)
        self.sell(session, [self.ticket_line(self.ticket_adult, 3)])
        self.assertEqual(self.ticket_adult.tourism_allotment_left, 0)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.sell(session, [self.ticket_line(self.ticket_adult, 1)])

    def test_back_office_order_invoiced(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.env.ref("base.res_partner_2").id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.ticket_adult.product_id.id,
                            "event_id": self.event.id,
                            "event_ticket_id": self.ticket_adult.id,
                            "product_uom_qty": 2,
                        }
                    ),
                    Command.create(
                        {"product_id": self.museum_ticket.id, "product_uom_qty": 1}
                    ),
                ],
            }
        )
        order.action_confirm()
        self.assertEqual(self.ticket_adult.tourism_seats_taken, 2)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.amount_tax, 0.0)
        self.assertEqual(invoice.amount_total, 42.0)
        self.assertEqual(
            self.balance(self.mandate_festival.third_party_account_id, invoice), -36.0
        )
        settlement = self.settle(self.mandate_festival)
        self.assertEqual(len(settlement.move_line_ids), 1)
        self.assertEqual(
            (settlement.gross, settlement.commission_excluded, settlement.net_due),
            (36.0, 2.0, 33.6),
        )
        self.assertEqual(settlement.line_ids.event_ticket_id, self.ticket_adult)
        # The invoice (in the customer's French) and the e-tickets say in whose
        # name the tickets are sold.
        invoice.partner_id.lang = "fr_FR"
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html("account.report_invoice", invoice.ids)[0]
        html = html.decode()
        self.assertIn("Vendu au nom et pour le compte de", html)
        self.assertIn("Festival de Test", html)
        self.assertIn("Musée de Test", html)
        html = Report._render_qweb_html(
            "event.action_report_event_registration_full_page_ticket",
            order.order_line.registration_ids[:1].ids,
        )[0].decode()
        self.assertTrue(
            "Vendu au nom et pour le compte de" in html
            or "Sold in the name and on behalf of" in html
        )
        self.assertIn("Festival de Test", html)

    def test_mandate_rules(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.mandate_festival.copy(
                {"organiser_id": self.festival.id, "state": "active"}
            )
        with Form(self.env["tourism.ticketing.mandate"]) as form:
            form.organiser_id = self.env.ref("base.res_partner_12")
            form.date_start = "2026-01-01"
        mandate = form.save()
        self.assertEqual(mandate.commission_tax_id, self.tax20)
        self.assertEqual(mandate.commission_account_id.code, "706000")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            mandate.date_end = "2025-01-01"

    def test_settlement_pdf_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.festival.lang = "fr_FR"
        session = self.open_session()
        self.sell(session, [self.ticket_line(self.ticket_adult, 1)])
        settlement = self.settle(self.mandate_festival)
        settlement.action_validate()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "tourism_ticketing.action_report_ticketing_settlement", settlement.ids
            )[0]
            .decode()
        )
        self.assertIn("seize euros et quatre-vingts centimes", html)
        self.assertIn("Concert de Test", html)

    def test_netted_settlement_entry(self):
        self.mandate_festival.settlement_mode = "netted"
        session = self.open_session()
        self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 2),
                self.ticket_line(self.ticket_child, 1),
            ],
        )
        self.close(session)
        settlement = self.settle(self.mandate_festival)
        settlement.action_validate()
        self.assertFalse(settlement.bill_id or settlement.invoice_id)
        move = settlement.netting_move_id
        self.assertEqual(move.state, "posted")
        payable = self.festival.property_account_payable_id
        vat = self.tax20.invoice_repartition_line_ids.account_id
        self.assertEqual(
            {(line.account_id, line.debit, line.credit) for line in move.line_ids},
            {
                (self.mandate_festival.third_party_account_id, 42.0, 0.0),
                (self.mandate_festival.commission_account_id, 0.0, 2.5),
                (vat, 0.0, 0.5),
                (payable, 0.0, 39.0),
            },
        )
        self.assertEqual(
            self.balance(self.mandate_festival.third_party_account_id), 0.0
        )
        self.assertEqual(settlement.net_due, 39.0)

    def test_generate_settlements_for_all_organisers_and_report(self):
        session = self.open_session()
        self.sell(
            session,
            [
                self.ticket_line(self.ticket_adult, 1),
                self.product_line(self.museum_ticket, 3),
            ],
        )
        wizard = self.env["tourism.ticketing.settlement.generate"].create(
            {
                "date_from": "2026-01-01",
                "date_to": fields.Date.context_today(self.env.user),
            }
        )
        action = wizard.action_generate()
        settlements = self.env["tourism.ticketing.settlement"].search(action["domain"])
        by_organiser = {s.organiser_id: s for s in settlements}
        self.assertEqual(by_organiser[self.festival].gross, 18.0)
        self.assertEqual(by_organiser[self.museum].gross, 18.0)
        self.assertEqual(by_organiser[self.museum].commission_excluded, 1.8)
        # Again: the same drafts, nothing doubled.
        again = wizard._generate(wizard.date_from, wizard.date_to)
        self.assertEqual(again, settlements)
        self.assertEqual(
            again.filtered(lambda s: s.organiser_id in self.festival | self.museum),
            by_organiser[self.festival] | by_organiser[self.museum],
        )
        # Sales analysis by organiser and information point.
        Report = self.env["tourism.ticketing.sale.report"]
        rows = Report._read_group(
            [("organiser_id", "in", (self.festival | self.museum).ids)],
            ["organiser_id", "bit_id", "channel"],
            ["quantity:sum", "amount:sum", "commission:sum"],
        )
        self.assertEqual(
            sorted((o.name, b.name, c, q, a, round(m, 2)) for o, b, c, q, a, m in rows),
            [
                ("Festival de Test", "BIT de Hagetmau", "pos", 1.0, 18.0, 1.0),
                ("Musée de Test", "BIT de Hagetmau", "pos", 3.0, 18.0, 1.8),
            ],
        )
        sales = Report.search([("organiser_id", "=", self.museum.id)])
        content, kind = self.env["ir.actions.report"]._render(
            "tourism_ticketing.action_report_ticketing_sales_xlsx", sales.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_back_office_credit_note_gives_commission_back(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.env.ref("base.res_partner_2").id,
                "order_line": [
                    Command.create(
                        {"product_id": self.museum_ticket.id, "product_uom_qty": 4}
                    )
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.invoice_line_ids.quantity = 1
        credit_note.action_post()
        self.assertEqual(credit_note.invoice_line_ids.tourism_commission, -0.6)
        settlement = self.settle(self.mandate_museum)
        self.assertRecordValues(
            settlement,
            [
                {
                    "tickets_sold": 4,
                    "tickets_refunded": 1,
                    "gross": 18.0,
                    "commission_excluded": 1.8,
                    "net_due": 15.84,
                }
            ],
        )

    def test_access_by_role(self):
        conseiller = new_tourism_user(
            self.env, "tk_conseiller", "base.group_user,tourism_base.group_tourism_user"
        )
        regisseur = new_tourism_user(
            self.env,
            "tk_regisseur",
            "base.group_user,tourism_base.group_tourism_regisseur",
        )
        session = self.open_session()
        self.sell(session, [self.ticket_line(self.ticket_child, 2)])
        settlement = self.settle(self.mandate_festival)
        self.assertEqual(settlement.with_user(conseiller).net_due, 10.8)
        with self.assertRaises(AccessError):
            settlement.with_user(conseiller).action_validate()
        with self.assertRaises(AccessError):
            self.mandate_festival.with_user(regisseur).commission_fixed = 5.0
        settlement.with_user(regisseur).action_validate()
        self.assertEqual(settlement.state, "done")
