# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WelcomeCommon


@tagged("post_install", "-at_install")
class TestBrochures(WelcomeCommon):
    def test_handed_out_at_the_counter(self):
        """Brochures given at a contact leave the point's stock at once (a done
        stock move), even for a conseiller without stock rights; a line removed by
        mistake puts them back."""
        contact = (
            self.env["tourism.welcome.contact"]
            .with_user(self.conseiller)
            .create(
                {
                    "brochure_line_ids": [
                        Command.create({"product_id": self.brochure.id, "quantity": 3})
                    ]
                }
            )
        )
        self.assertEqual(self.stock_at_point(), 97)
        line = contact.brochure_line_ids
        self.assertEqual(line.move_id.state, "done")
        with self.assertRaises(UserError):
            line.write({"quantity": 5})
        contact.write({"brochure_line_ids": [Command.unlink(line.id)]})
        self.assertEqual(self.stock_at_point(), 100)

    def test_quick_button_brochure(self):
        self.preset.product_ids = self.brochure
        self.preset.with_user(self.conseiller).action_record()
        self.assertEqual(self.stock_at_point(), 99)

    def test_request_posted(self):
        """A request before a stay is posted with a delivery order to the
        visitor's address, out of the point's stock; no address, no sending."""
        visitor = self.env["res.partner"].create({"name": "Famille Test"})
        request = (
            self.env["tourism.welcome.request"]
            .with_user(self.conseiller)
            .create(
                {
                    "partner_id": visitor.id,
                    "postage_amount": 3.15,
                    "brochure_line_ids": [
                        Command.create({"product_id": self.brochure.id, "quantity": 2})
                    ],
                }
            )
        )
        self.assertTrue(request.name.startswith("DOC/"))
        with self.assertRaisesRegex(UserError, "no complete postal address"):
            request.action_send()
        visitor.write({"street": "1 rue Test", "zip": "33000", "city": "Bordeaux"})
        request.action_send()
        self.assertEqual(request.state, "sent")
        picking = request.picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id.code, "outgoing")
        self.assertEqual(picking.partner_id, visitor)
        self.assertEqual(self.stock_at_point(), 98)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "tourism_welcome.action_report_tourism_welcome_request", request.ids
            )[0]
            .decode()
        )
        self.assertIn("Bordeaux", html)
        self.assertIn("Carte test", html)
        with self.assertRaises(UserError):
            request.unlink()

    def test_low_stock_alert(self):
        """Below its reorder rule's minimum, a brochure gets one to-do for the
        point's staff; the next run does not repeat it."""
        warehouse = self.bit.warehouse_id
        self.env["stock.warehouse.orderpoint"].create(
            {
                "warehouse_id": warehouse.id,
                "location_id": self.location.id,
                "product_id": self.brochure.id,
                "product_min_qty": 150,
                "product_max_qty": 300,
                "trigger": "manual",
            }
        )
        self.env["tourism.bit"]._cron_brochure_low_stock()
        self.env["tourism.bit"]._cron_brochure_low_stock()
        activities = self.brochure.product_tmpl_id.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.conseiller)
        self.assertIn("BIT Test Bastide", activities.summary)

    def test_transfer_from_head_office(self):
        (self.env["tourism.bit"].search([]) - self.head).is_head_office = False
        action = self.bit.action_brochure_transfer()
        self.assertEqual(
            action["context"]["default_location_id"],
            self.head.warehouse_id.lot_stock_id.id,
        )
        with self.assertRaises(UserError):
            self.head.action_brochure_transfer()
