# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .tourism_welcome_contact import CHANNELS, LANGUAGES, VISITOR_TYPES


class TourismWelcomePreset(models.Model):
    """A big button of the counter screen: one click records a contact with these
    values at the user's information point."""

    _name = "tourism.welcome.preset"
    _description = "Counter Quick Button"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    channel = fields.Selection(CHANNELS, required=True, default="counter")
    people = fields.Integer(default=1, required=True)
    visitor_type = fields.Selection(VISITOR_TYPES, required=True, default="stay")
    country_id = fields.Many2one(
        "res.country", string="Country", default=lambda self: self.env.ref("base.fr")
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Département",
        domain="[('country_id', '=', country_id)]",
    )
    commune_id = fields.Many2one("tourism.commune", string="Commune")
    lang = fields.Selection(LANGUAGES, string="Language", default="fr")
    theme_ids = fields.Many2many("tourism.welcome.theme", string="Themes")
    product_ids = fields.Many2many(
        "product.product",
        string="Brochures Given",
        domain=[("tourism_is_brochure", "=", True)],
        help="One of each is handed out, and taken out of the point's stock.",
    )
    today_count = fields.Integer(
        string="Today", compute="_compute_today_count", help="At your point, today."
    )

    def _today_start_utc(self):
        """Midnight of the user's day, as the naive UTC datetime the database holds."""
        tz = pytz.timezone(self.env.user.tz or "Europe/Paris")
        today = fields.Datetime.context_timestamp(self, fields.Datetime.now()).date()
        local = tz.localize(datetime.combine(today, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends_context("uid")
    def _compute_today_count(self):
        bit = self.env.user.tourism_bit_id
        counts = {}
        if bit and self.ids:
            counts = dict(
                self.env["tourism.welcome.contact"]._read_group(
                    [
                        ("preset_id", "in", self.ids),
                        ("bit_id", "=", bit.id),
                        ("date", ">=", self._today_start_utc()),
                    ],
                    ["preset_id"],
                    ["__count"],
                )
            )
        for preset in self:
            preset.today_count = counts.get(preset, 0)

    def _prepare_contact_vals(self):
        self.ensure_one()
        return {
            "preset_id": self.id,
            "channel": self.channel,
            "people": self.people,
            "visitor_type": self.visitor_type,
            "country_id": self.country_id.id,
            "state_id": self.state_id.id,
            "commune_id": self.commune_id.id,
            "lang": self.lang,
            "theme_ids": [Command.set(self.theme_ids.ids)],
            "brochure_line_ids": [
                Command.create({"product_id": product.id, "quantity": 1})
                for product in self.product_ids
            ],
        }

    def action_record(self):
        """One click at the counter: the contact is saved, details can follow."""
        self.ensure_one()
        if not self.env.user.tourism_bit_id:
            raise UserError(
                self.env._(
                    "Your information point is not set: ask the Responsable OT to "
                    "set it on your user."
                )
            )
        contact = self.env["tourism.welcome.contact"].create(
            self._prepare_contact_vals()
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Contact recorded"),
                "message": self.env._(
                    "%(button)s at %(time)s. Details can be added from the last "
                    "contacts.",
                    button=self.name,
                    time=fields.Datetime.context_timestamp(self, contact.date).strftime(
                        "%H:%M"
                    ),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_open_last_contact(self):
        """The counter's 'Edit the last one' button: the user's last contact."""
        contact = self.env["tourism.welcome.contact"].search(
            [("user_id", "=", self.env.uid)], order="date desc, id desc", limit=1
        )
        if not contact:
            raise UserError(self.env._("You have not recorded any contact yet."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "tourism.welcome.contact",
            "res_id": contact.id,
            "view_mode": "form",
            "target": "current",
        }
