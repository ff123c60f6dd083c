# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.tourism_base.tests.common import (
    new_portal_host,
    new_tourism_user,
)

from .common import TourismGroupCommon


@tagged("post_install", "-at_install")
class TestAccess(HttpCase, TourismGroupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_user = new_portal_host(
            cls.env,
            "club_portal",
            cls.client,
            "Jeanne Lacaze",
            email="j@club.example.com",
        )
        cls.supplier_user = new_portal_host(
            cls.env, "relais_portal", cls.restaurant, "Paul Relais"
        )
        cls.own = cls._quote(
            38, name="GRP-TOUR", require_signature=True, require_payment=False
        )
        cls.other = cls._quote(25, partner=cls.other_client, name="GRP-VOISIN")
        (cls.own | cls.other).write({"state": "sent"})
        # Sending a quote makes the client a follower: the portal shows followed quotes.
        cls.own.message_subscribe(partner_ids=cls.client.ids)
        cls.other.message_subscribe(partner_ids=cls.other_client.ids)

    def test_client_sees_only_its_quotes(self):
        self.authenticate("club_portal", "club_portal")
        page = self.url_open("/my/quotes")
        self.assertIn("GRP-TOUR", page.text)
        self.assertNotIn("GRP-VOISIN", page.text)
        page = self.url_open(f"/my/orders/{self.own.id}")
        self.assertIn("Relais Test", page.text)
        page = self.url_open(f"/my/orders/{self.own.id}?report_type=html")
        self.assertIn("IM040990001", page.text)
        self.assertIn("Relais Test", page.text)
        # Tampered ids and tokens lead back to /my, without the other club's quote.
        for url in (
            f"/my/orders/{self.other.id}",
            f"/my/orders/{self.other.id}?access_token=forged",
            f"/my/orders/{self.other.id}?report_type=pdf",
        ):
            with self.subTest(url=url):
                page = self.url_open(url)
                self.assertNotIn("GRP-VOISIN", page.text)
                self.assertTrue(page.url.endswith("/my"), page.url)
        with self.assertRaises(AccessError):
            self.other.with_user(self.client_user).check_access("read")
        with self.assertRaises(AccessError):
            self.env["tourism.group.package"].with_user(self.client_user).search([])

    def test_portal_cannot_read_costs_and_margins(self):
        """Issue 13 §4: the cost and margin fields of a group quote are invisible
        to the client's portal user, through JSON-RPC as through the ORM."""
        secret = ["tourism_cost_total", "tourism_margin", "tourism_margin_vat"]
        as_client = self.own.with_user(self.client_user)
        as_client.read(["name", "amount_total"])
        with self.assertRaises(AccessError):
            as_client.read(secret)
        self.authenticate("club_portal", "club_portal")
        for method, args in (
            ("search_read", [[("id", "=", self.own.id)], secret]),
            ("read", [[self.own.id], ["tourism_margin"]]),
            ("web_search_read", [[("id", "=", self.own.id)], {"tourism_margin": {}}]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/sale.order/{method}",
                    {
                        "model": "sale.order",
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                )

    def test_signature_refused_when_confirmation_fails(self):
        """Issue 13 §5: a group quote whose confirmation fails is not left signed
        and unconfirmed. Here the package includes other suppliers' services and
        the company has no insurer (code du tourisme L211-18): the client's
        signature is refused with the reason, the quote stays as it was."""
        self.company.tourism_insurer = False
        self.authenticate("club_portal", "club_portal")
        result = self.make_jsonrpc_request(
            f"/my/orders/{self.own.id}/accept",
            {
                "access_token": self.own._portal_ensure_token(),
                "name": "Jeanne Lacaze",
                "signature": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42"
                "mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            },
        )
        self.assertIn("L211-18", result["error"])
        self.own.invalidate_recordset()
        self.assertEqual(self.own.state, "sent")
        self.assertFalse(self.own.signed_by)
        self.assertFalse(self.own.signature)

    def test_supplier_sees_only_its_bookings(self):
        self.own.action_confirm()
        purchases = self.own.tourism_purchase_ids
        own_po = purchases.filtered(lambda p: p.partner_id == self.restaurant)
        farm_po = purchases - own_po
        purchases.button_confirm()
        self.authenticate("relais_portal", "relais_portal")
        page = self.url_open("/my/purchase")
        self.assertIn(own_po.name, page.text)
        self.assertNotIn(farm_po.name, page.text)
        page = self.url_open(f"/my/purchase/{own_po.id}")
        self.assertIn("Déjeuner", page.text)
        page = self.url_open(f"/my/purchase/{farm_po.id}")
        self.assertNotIn("Ferme Test", page.text)
        self.assertNotIn(farm_po.name, page.text)
        self.assertTrue(page.url.endswith("/my"), page.url)
        # Nor the sale behind it: margins and other suppliers' costs stay internal.
        with self.assertRaises(AccessError):
            self.own.with_user(self.supplier_user).check_access("read")

    def test_internal_rights(self):
        conseiller = new_tourism_user(
            self.env,
            "conseiller_grp",
            "tourism_base.group_tourism_user,sales_team.group_sale_salesman",
        )
        plain = new_tourism_user(self.env, "plain_grp", "base.group_user")
        self.package.with_user(conseiller).write({"summary": "Mise à jour"})
        self.package.with_user(plain).read(["name"])
        with self.assertRaises(AccessError):
            self.package.with_user(plain).write({"summary": "Non"})
        with self.assertRaises(AccessError):
            self.package.with_user(conseiller).unlink()
        # A conseiller confirms a group sale: the booking requests follow without
        # purchase rights of his own.
        quote = self._quote(30, user_id=conseiller.id).with_user(conseiller)
        quote.action_confirm()
        self.assertEqual(len(quote.sudo().tourism_purchase_ids), 2)
        # He sees the bookings' count, sends them and may cancel the sale.
        quote.invalidate_recordset()
        self.assertEqual(quote.tourism_purchase_count, 2)
        (self.restaurant | self.farm).write({"email": "resa@presta.example.com"})
        quote.action_tourism_send_booking_requests()
        quote._action_cancel()
        self.assertEqual(
            set(quote.sudo().tourism_purchase_ids.mapped("state")), {"cancel"}
        )
        with self.assertRaises(AccessError):
            self.env["tourism.group.margin.statement"].with_user(conseiller).search([])

    def test_portal_tour_accepts_the_quote(self):
        self.start_tour("/", "tourism_group_portal_accept", login="club_portal")
        self.assertEqual(self.own.state, "sale")
        self.assertEqual(self.own.signed_by, "Jeanne Lacaze")
        self.assertEqual(len(self.own.tourism_purchase_ids), 2)

    def test_backend_tour_prices_a_quote(self):
        self.start_tour("/odoo", "tourism_group_backend_quote", login="admin")
        quote = self.env["sale.order"].search(
            [("partner_id", "=", self.client.id), ("tourism_paying", "=", 38)],
            order="id desc",
            limit=1,
        )
        self.assertNotEqual(quote, self.own)
        self.assertEqual(len(quote.tourism_component_ids), 3)
        self.assertEqual(quote.order_line.price_unit, 52.0)
        self.assertEqual(quote.amount_total, 1976.0)

    def test_group_actions_load(self):
        """The menus' actions evaluate in the web client (no server-side ref left)."""
        for xmlid in (
            "tourism_group.sale_order_action_group",
            "tourism_group.crm_lead_action_group",
            "tourism_group.sale_order_action_group_margin",
        ):
            with self.subTest(xmlid=xmlid):
                action = self.env.ref(xmlid)
                self.assertNotIn("ref(", action.context or "")
                self.assertNotIn("ref(", action.domain or "")
