# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import WelcomeCommon


@tagged("post_install", "-at_install")
class TestContact(WelcomeCommon):
    def test_quick_button_records_at_the_users_point(self):
        """One click on a quick button saves a contact with the sensible defaults:
        the user's point, the counter, one person, France, now."""
        Contact = self.env["tourism.welcome.contact"]
        preset = self.preset.with_user(self.conseiller)
        self.assertEqual(preset.today_count, 0)
        action = preset.action_record()
        self.assertEqual(action["params"]["type"], "success")
        contact = Contact.search([("user_id", "=", self.conseiller.id)])
        self.assertEqual(len(contact), 1)
        self.assertEqual(contact.bit_id, self.bit)
        self.assertEqual(contact.channel, "counter")
        self.assertEqual(contact.people, 1)
        self.assertEqual(contact.country_id, self.france)
        self.assertEqual(contact.origin_scope, "france")
        self.assertEqual(contact.preset_id, self.preset)
        preset.invalidate_recordset(["today_count"])
        self.assertEqual(preset.today_count, 1)
        # The colleague at the other point does not see it in their count.
        self.assertEqual(self.preset.with_user(self.colleague).today_count, 0)

    def test_quick_button_without_point(self):
        """A user with no information point is told so; nothing is recorded."""
        self.conseiller.tourism_bit_id = False
        with self.assertRaisesRegex(UserError, "information point is not set"):
            self.preset.with_user(self.conseiller).action_record()
        self.assertFalse(
            self.env["tourism.welcome.contact"].search_count(
                [("user_id", "=", self.conseiller.id)]
            )
        )

    def test_local_origin_from_commune(self):
        """A resident's commune gives France and its département (INSEE prefix)."""
        form = Form(self.env["tourism.welcome.contact"].with_user(self.conseiller))
        form.visitor_type = "resident"
        form.country_id = self.env.ref("base.es")
        form.commune_id = self.env.ref("tourism_base.commune_40282")
        contact = form.save()
        self.assertEqual(contact.country_id, self.france)
        self.assertEqual(contact.state_id, self.landes)
        self.assertEqual(contact.origin_scope, "local")

    def test_people_bounds(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["tourism.welcome.contact"].with_user(self.conseiller).create(
                {"people": 0}
            )

    def test_access(self):
        """Conseillers read all contacts but change only theirs; the portal sees
        nothing; the Responsable OT changes all."""
        theirs = (
            self.env["tourism.welcome.contact"]
            .with_user(self.colleague)
            .create({"people": 2})
        )
        as_conseiller = theirs.with_user(self.conseiller)
        self.assertEqual(as_conseiller.people, 2)
        with self.assertRaises(AccessError):
            as_conseiller.write({"people": 3})
        with self.assertRaises(AccessError):
            as_conseiller.unlink()
        with self.assertRaises(AccessError):
            self.env["tourism.welcome.contact"].with_user(self.conseiller).create(
                {"user_id": self.colleague.id}
            )
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_user).read(["people"])
        with self.assertRaises(AccessError):
            self.env["tourism.welcome.contact"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.preset.with_user(self.conseiller).write({"people": 4})
        theirs.with_user(self.manager).write({"people": 3})
        self.assertEqual(theirs.people, 3)

    def test_statistics_by_theme_and_month(self):
        """The pivot's grouping: people by point, month, country and theme."""
        Contact = self.env["tourism.welcome.contact"].with_user(self.conseiller)
        Contact.create(
            [
                {"people": 2, "theme_ids": [Command.set(self.theme_hiking.ids)]},
                {"people": 3, "country_id": self.env.ref("base.es").id},
            ]
        )
        groups = Contact._read_group(
            [("bit_id", "=", self.bit.id)],
            ["bit_id", "date:month", "country_id", "theme_ids"],
            ["people:sum"],
        )
        figures = {
            (country.code, theme.name): people
            for _bit, _month, country, theme, people in groups
        }
        self.assertEqual(figures, {("FR", "Hiking / Cycling"): 2, ("ES", False): 3})
