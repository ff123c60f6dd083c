# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from markupsafe import escape

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import TransactionCase

from ..tools import benefits
from .common import AmbassadorCardCommon


@tagged("post_install", "-at_install")
class TestAmbassadorCard(AmbassadorCardCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cards()
        cls.config = cls.env.ref("tourism_pos.pos_config_bit_hagetmau")

    def test_number_is_generated_unique_and_checked(self):
        form = Form(self.env["tourism.ambassador.card"])
        form.type_id = self.resident_type
        form.holder_id = self.resident
        card = form.save()
        self.assertTrue(benefits.is_valid_card_number(card.name))
        self.assertTrue(card.name.startswith("045"))
        self.assertEqual(card.date_end, self.year_end)
        self.assertEqual(card.state, "active")
        other = card.copy()
        self.assertNotEqual(other.name, card.name)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            card.copy({"name": "0450000000000014"})

    def test_partner_card_needs_a_current_pack(self):
        Card = self.env["tourism.ambassador.card"]
        self.assertEqual(self.old_partner.membership_state, "old")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Card.create(
                {"type_id": self.partner_type.id, "holder_id": self.old_partner.id}
            )
        # The staff of a current partner may hold a card; residents need no pack.
        card = Card.create(
            {"type_id": self.partner_type.id, "holder_id": self.staff.id}
        )
        self.assertEqual(card.commercial_partner_id, self.current_partner)
        self.assertFalse(card._refusal_reason())

    def test_cron_expires_ended_cards_and_lapsed_partners(self):
        Card = self.env["tourism.ambassador.card"]
        ended = Card.create(
            {
                "type_id": self.resident_type.id,
                "holder_id": self.resident.id,
                "date_start": date(self.today.year - 1, 1, 1),
                "date_end": date(self.today.year - 1, 12, 31),
            }
        )
        lapsing = self.env["res.partner"].create(
            {"name": "Gîte de Brocas", "is_company": True, "free_member": True}
        )
        lapsing_card = Card.create(
            {"type_id": self.partner_type.id, "holder_id": lapsing.id}
        )
        self.assertEqual(lapsing.membership_state, "free")
        lapsing.free_member = False
        self.assertEqual(lapsing.membership_state, "none")
        # Refused at once, before the cron runs.
        self.assertIn(lapsing_card.name, lapsing_card._refusal_reason())
        expired = Card._cron_expire_cards()
        self.assertIn(ended, expired)
        self.assertIn(lapsing_card, expired)
        self.assertNotIn(self.staff_card, expired)
        self.assertEqual(ended.state, "expired")
        self.assertEqual(self.staff_card.state, "active")

    def test_revoke_needs_a_reason_and_is_immediate(self):
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.resident_card.action_revoke()
        self.resident_card.revoke_reason = "Carte perdue"
        self.resident_card.action_revoke()
        self.assertEqual(self.resident_card.state, "revoked")
        result = self.env["tourism.ambassador.card"].pos_check_card(
            self.resident_card.name, self.config.id
        )
        self.assertIn("revoked", result["error"])
        self.resident_card.action_reactivate()
        self.assertEqual(self.resident_card.state, "active")
        self.assertFalse(self.resident_card.revoke_reason)

    def test_pos_check_card(self):
        Card = self.env["tourism.ambassador.card"]
        result = Card.pos_check_card(self.staff_card.name, self.config.id)
        self.assertEqual(result["number"], self.staff_card.name)
        self.assertEqual(result["holder_id"], self.staff.id)
        self.assertEqual(result["discount_rate"], 10.0)
        self.assertIn(self.terroir.id, result["category_ids"])
        ticket_category = self.ticket.categ_id
        self.assertNotIn(ticket_category.id, result["category_ids"])
        self.assertIsNone(result["cap_left"])
        # By the customer chosen at the till.
        by_partner = Card.pos_check_card(False, self.config.id, self.staff.id)
        self.assertEqual(by_partner["number"], self.staff_card.name)
        self.assertEqual(
            Card.pos_check_card(False, self.config.id, self.old_partner.id), {}
        )
        resident = Card.pos_check_card(self.resident_card.name, self.config.id)
        self.assertEqual(resident["cap_left"], 50.0)
        expired = Card.pos_check_card(self.expired_card.name, self.config.id)
        self.assertIn(self.expired_card.name, expired["error"])
        self.assertIn("expired", expired["error"])
        unknown = Card.pos_check_card("0450000000000999", self.config.id)
        self.assertIn("Unknown", unknown["error"])

    def test_pos_check_card_fr(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        result = (
            self.env["tourism.ambassador.card"]
            .with_context(lang="fr_FR")
            .pos_check_card(self.expired_card.name, self.config.id)
        )
        self.assertIn("a expiré le", result["error"])

    def test_bulk_issue_to_current_partners(self):
        wizard = self.env["tourism.ambassador.card.issue"].create(
            {"type_id": self.partner_type.id}
        )
        wizard.action_issue()
        issued = self.env["tourism.ambassador.card"].search(
            [("type_id", "=", self.partner_type.id), ("state", "=", "active")]
        )
        companies = issued.commercial_partner_id
        self.assertIn(self.current_partner, companies)
        self.assertNotIn(self.old_partner, companies)
        self.assertTrue(
            all(p.membership_state in ("paid", "invoiced", "free") for p in companies)
        )
        # One card per partner: a second run has nobody left to issue to.
        self.assertEqual(
            len(issued.filtered(lambda c: c.holder_id == self.current_partner)), 1
        )
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env["tourism.ambassador.card.issue"].create(
                {"type_id": self.partner_type.id}
            ).action_issue()
        staff_wizard = self.env["tourism.ambassador.card.issue"].create(
            {"type_id": self.partner_type.id, "include_staff": True}
        )
        cave_staff = self.env.ref(
            "tourism_base.res_partner_cave_des_coteaux_du_tursan_contact"
        )
        self.assertIn(cave_staff, staff_wizard._holders())
        self.assertNotIn(self.staff, staff_wizard._holders())

    def test_card_report(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "tourism_ambassador_card.action_report_tourism_ambassador_card",
                self.staff_card.ids,
            )[0]
            .decode()
        )
        self.assertIn(self.staff_card.name, html)
        self.assertIn("barcode_type=QR", html)
        self.assertIn(self.staff.name, html)
        self.assertIn(str(escape(self.current_partner.name)), html)
        paper = self.env.ref(
            "tourism_ambassador_card.paperformat_tourism_ambassador_card"
        )
        self.assertEqual((paper.page_width, paper.page_height), (86, 54))

    def test_demo_cards(self):
        demo = self.env.ref("tourism_ambassador_card.card_anne_lafargue_expired")
        self.assertEqual(demo.state, "expired")
        revoked = self.env.ref(
            "tourism_ambassador_card.card_resident_jean_castaing_revoked"
        )
        self.assertEqual(revoked.state, "revoked")
        self.assertEqual(
            self.env.ref("tourism_ambassador_card.card_ferme_lacoste").state, "active"
        )
