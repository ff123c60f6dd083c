# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def test_demo_tickets_are_mailed_once_the_server_runs(self):
        """Issue 18 §6: the demo's phone booking does not make its ten ticket PDFs
        while the addon installs, when no HTTP server serves their styles
        (wkhtmltopdf failed to fetch them, ConnectionRefusedError); the event
        mail scheduler (a cron of the running server) sends them."""
        order = self.env.ref("tourism_ticketing.sale_order_foyer_rural_de_geaune")
        registrations = order.order_line.registration_ids
        self.assertEqual(len(registrations), 10)
        self.assertEqual(set(registrations.mapped("state")), {"open"})
        Sent = self.env["event.mail.registration"]
        sent = [("registration_id", "in", registrations.ids), ("mail_sent", "=", True)]
        self.assertFalse(Sent.search_count(sent), "no ticket e-mailed at install")
        scheduler = registrations.event_id.event_mail_ids.filtered(
            lambda mail: mail.interval_type == "after_sub"
        )
        self.assertTrue(scheduler)
        scheduler.execute()
        self.assertEqual(Sent.search_count(sent), 10 * len(scheduler))
