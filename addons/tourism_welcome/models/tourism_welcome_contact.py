# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [
    ("counter", "Counter"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("mail", "Post"),
    ("outside", "Off-site Welcome"),
    ("fair", "Fair"),
    ("social", "Social Networks"),
]
VISITOR_TYPES = [
    ("stay", "Tourist on a Stay"),
    ("day", "Day Tripper"),
    ("resident", "Resident"),
    ("professional", "Professional"),
]
# The languages heard at the Chalosse Tursan counters; anything else is "Other".
LANGUAGES = [
    ("fr", "French"),
    ("en", "English"),
    ("es", "Spanish"),
    ("de", "German"),
    ("nl", "Dutch"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("other", "Other"),
]
ORIGIN_SCOPES = [
    ("local", "Local (Commune of the Territory)"),
    ("france", "France"),
    ("abroad", "Abroad"),
    ("unknown", "Unknown"),
]
# People at once: a group larger than this is counted by the groups department.
MAX_PEOPLE = 500


class TourismWelcomeContact(models.Model):
    """One visitor contact at an information point: whoever asks, however they ask."""

    _name = "tourism.welcome.contact"
    _description = "Visitor Contact"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, string="Time"
    )
    bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        required=True,
        index=True,
        default=lambda self: self.env.user.tourism_bit_id,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    preset_id = fields.Many2one(
        "tourism.welcome.preset", string="Quick Button", readonly=True, index=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="counter", index=True)
    people = fields.Integer(required=True, default=1)
    visitor_type = fields.Selection(
        VISITOR_TYPES, string="Visitor", required=True, default="stay"
    )
    country_id = fields.Many2one(
        "res.country",
        string="Country",
        default=lambda self: self.env.ref("base.fr", raise_if_not_found=False),
        compute="_compute_origin",
        store=True,
        readonly=False,
        index=True,
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Département",
        compute="_compute_origin",
        store=True,
        readonly=False,
        domain="[('country_id', '=', country_id)]",
        index=True,
    )
    commune_id = fields.Many2one(
        "tourism.commune",
        string="Commune",
        help="For visitors living on the territory.",
    )
    origin_scope = fields.Selection(
        ORIGIN_SCOPES,
        string="Origin",
        compute="_compute_origin_scope",
        store=True,
    )
    lang = fields.Selection(LANGUAGES, string="Language", default="fr")
    theme_ids = fields.Many2many("tourism.welcome.theme", string="Themes")
    brochure_line_ids = fields.One2many(
        "tourism.welcome.brochure.line", "contact_id", string="Documentation Given"
    )
    consent_ids = fields.One2many(
        "tourism.welcome.consent", "contact_id", string="Consents"
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "people_positive",
            f"CHECK(people > 0 AND people <= {MAX_PEOPLE})",
            "A contact counts between 1 and 500 people.",
        ),
    ]

    @api.depends("commune_id")
    def _compute_origin(self):
        """A local lives in France, in the département of the commune (the INSEE
        code's prefix); other contacts keep the origin they were given."""
        france = self.env.ref("base.fr")
        # One query for the whole batch (imports create thousands at once).
        state_by_code = {}
        if any(self.mapped("commune_id")):
            states = self.env["res.country.state"].search(
                [("country_id", "=", france.id)]
            )
            state_by_code = {state.code: state for state in states}
        for contact in self:
            if not contact.commune_id:
                contact.country_id = contact.country_id
                contact.state_id = contact.state_id
                continue
            contact.country_id = france
            contact.state_id = state_by_code.get(
                contact.commune_id.insee_code[:2], self.env["res.country.state"]
            )

    @api.depends("commune_id", "country_id")
    def _compute_origin_scope(self):
        france = self.env.ref("base.fr")
        for contact in self:
            if contact.commune_id:
                contact.origin_scope = "local"
            elif contact.country_id == france:
                contact.origin_scope = "france"
            elif contact.country_id:
                contact.origin_scope = "abroad"
            else:
                contact.origin_scope = "unknown"

    @api.onchange("country_id")
    def _onchange_country_id(self):
        if self.state_id and self.state_id.country_id != self.country_id:
            self.state_id = False
        if self.country_id != self.env.ref("base.fr"):
            self.commune_id = False

    @api.constrains("country_id", "state_id")
    def _check_state_country(self):
        for contact in self:
            if contact.state_id and contact.state_id.country_id != contact.country_id:
                raise ValidationError(
                    self.env._("The département must be one of the chosen country.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        bits = self.env["tourism.bit"].browse(
            {vals["bit_id"] for vals in vals_list if vals.get("bit_id")}
        )
        company_by_bit = {bit.id: bit.company_id.id for bit in bits}
        for vals in vals_list:
            if vals.get("bit_id") and "company_id" not in vals:
                vals["company_id"] = company_by_bit[vals["bit_id"]]
        return super().create(vals_list)

    @api.depends("date", "bit_id", "channel")
    def _compute_display_name(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for contact in self:
            when = (
                fields.Datetime.context_timestamp(contact, contact.date).strftime(
                    "%d/%m/%Y %H:%M"
                )
                if contact.date
                else ""
            )
            parts = (contact.bit_id.code, when, channels.get(contact.channel))
            contact.display_name = " ".join(part for part in parts if part)

    def action_collect_consent(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "tourism.welcome.consent.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contact_id": self.id},
        }

    # ------------------------------------------------------------------ demo
    @api.model
    def _demo_generate(self, days=21, seed=16):
        """Demo: brochure stock at the points and a few weeks of contacts.

        Deterministic (fixed seed); dates counted back from today, Samadet's (a
        seasonal point) in the last August. The history of several years that the
        dashboards need is generated elsewhere.
        """
        rng = random.Random(seed)
        ref = self.env.ref
        points = {
            code: ref(f"tourism_base.bit_{code}")
            for code in ("saint_sever", "hagetmau", "geaune", "samadet")
        }
        brochures = {
            key: ref(f"tourism_welcome.product_brochure_{key}")
            for key in ("guide_2026", "carte", "hebergements", "agenda", "randonnee")
        }
        brochures["pelerin"] = ref("tourism_welcome.product_brochure_pelerin")
        self._demo_stock(points, brochures)
        themes = {
            key: ref(f"tourism_welcome.theme_{key}")
            for key in (
                "accommodation",
                "food",
                "leisure",
                "heritage",
                "events",
                "hiking",
                "practical",
                "shop",
            )
        }
        users = {
            "saint_sever": ref("tourism_base.user_regisseur"),
            "hagetmau": ref("tourism_base.user_conseiller"),
            "geaune": ref("base.user_admin"),
            "samadet": ref("base.user_admin"),
        }
        france = ref("base.fr")
        states = [
            ref(f"tourism_welcome.state_fr_{c}")
            for c in ("33", "64", "31", "75", "40", "47", "32", "44", "69")
        ]
        communes = [
            ref(f"tourism_base.commune_{c}")
            for c in ("40282", "40119", "40110", "40286", "40226")
        ]
        abroad = [
            (ref("base.es"), "es"),
            (ref("base.be"), "nl"),
            (ref("base.be"), "fr"),
            (ref("base.uk"), "en"),
            (ref("base.nl"), "nl"),
            (ref("base.de"), "de"),
        ]
        presets = ref("tourism_welcome.preset_counter_france") | ref(
            "tourism_welcome.preset_counter_resident"
        )
        tz = pytz.timezone("Europe/Paris")
        today = fields.Date.context_today(self)
        august = today.replace(month=8, day=10)
        if august > today:
            august = august.replace(year=today.year - 1)
        vals_list = []
        for code, bit in points.items():
            if code == "samadet":
                dates = [august + timedelta(days=d) for d in range(14)]
                per_day = (6, 14)
            else:
                dates = [today - timedelta(days=d) for d in range(1, days + 1)]
                per_day = (3, 9) if code != "saint_sever" else (6, 14)
            for day in dates:
                if day.weekday() == 6 and code != "samadet":
                    continue  # closed on Sundays out of season
                for _i in range(rng.randint(*per_day)):
                    local = datetime.combine(day, time(9, 30)) + timedelta(
                        minutes=rng.randint(0, 510)
                    )
                    vals = {
                        "bit_id": bit.id,
                        "user_id": users[code].id,
                        "date": tz.localize(local)
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None),
                        "channel": rng.choices(
                            ["counter", "phone", "email", "social", "outside"],
                            [70, 15, 9, 4, 2],
                        )[0],
                        "people": rng.choices([1, 2, 3, 4, 6], [40, 38, 10, 9, 3])[0],
                        "theme_ids": [
                            Command.set(
                                [
                                    t.id
                                    for t in rng.sample(
                                        list(themes.values()), rng.randint(1, 3)
                                    )
                                ]
                            )
                        ],
                    }
                    roll = rng.random()
                    if roll < 0.18:
                        vals.update(
                            visitor_type="resident",
                            commune_id=rng.choice(communes).id,
                            preset_id=presets[1].id,
                        )
                    elif roll < 0.30:
                        # Pilgrims of the Chemins de Saint-Jacques (voie de Vézelay,
                        # through Saint-Sever and Hagetmau).
                        country, lang = rng.choice(abroad[:3])
                        vals.update(
                            visitor_type="stay",
                            country_id=country.id,
                            lang=lang,
                            people=rng.choice([1, 1, 2]),
                            theme_ids=[
                                Command.set(
                                    [themes["hiking"].id, themes["accommodation"].id]
                                )
                            ],
                            note="Pèlerin de Saint-Jacques (voie de Vézelay)",
                            brochure_line_ids=[
                                Command.create({"product_id": brochures["pelerin"].id})
                            ],
                        )
                    elif roll < 0.40:
                        country, lang = rng.choice(abroad[3:])
                        vals.update(
                            visitor_type="stay", country_id=country.id, lang=lang
                        )
                    else:
                        vals.update(
                            visitor_type=rng.choice(["stay", "stay", "day"]),
                            country_id=france.id,
                            state_id=rng.choice(states).id,
                            preset_id=presets[0].id if rng.random() < 0.5 else False,
                        )
                        if rng.random() < 0.3:
                            product = rng.choice(
                                [brochures["guide_2026"], brochures["carte"]]
                            )
                            vals["brochure_line_ids"] = [
                                Command.create({"product_id": product.id})
                            ]
                    vals_list.append(vals)
        contacts = self.create(vals_list)
        self._demo_consents_and_requests(contacts, brochures)
        return contacts

    @api.model
    def _demo_stock(self, points, brochures):
        """The printer delivers the year's print run at the head office, which
        sends each point its share; reorder rules give the minimum per point."""
        head = points["saint_sever"]._tourism_warehouse()
        printer = self.env.ref("tourism_welcome.res_partner_printer")
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": head.in_type_id.id,
                "partner_id": printer.id,
                "origin": "Impression saison",
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": head.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": 2000,
                            "location_id": self.env.ref(
                                "stock.stock_location_suppliers"
                            ).id,
                            "location_dest_id": head.lot_stock_id.id,
                        }
                    )
                    for product in brochures.values()
                ],
            }
        )
        pickings = [receipt]
        for code in ("hagetmau", "geaune", "samadet"):
            warehouse = points[code]._tourism_warehouse()
            pickings.append(
                self.env["stock.picking"].create(
                    {
                        "picking_type_id": head.int_type_id.id,
                        "origin": f"Réassort {points[code].name}",
                        "location_id": head.lot_stock_id.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                        "move_ids": [
                            Command.create(
                                {
                                    "name": product.name,
                                    "product_id": product.id,
                                    "product_uom": product.uom_id.id,
                                    "product_uom_qty": 300
                                    if key != "randonnee"
                                    else 20,
                                    "location_id": head.lot_stock_id.id,
                                    "location_dest_id": warehouse.lot_stock_id.id,
                                }
                            )
                            for key, product in brochures.items()
                        ],
                    }
                )
            )
        for picking in pickings:
            picking.action_confirm()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()
        orderpoints = []
        for bit in points.values():
            warehouse = bit._tourism_warehouse()
            for product in brochures.values():
                orderpoints.append(
                    {
                        "warehouse_id": warehouse.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "product_id": product.id,
                        "product_min_qty": 50 if bit != points["saint_sever"] else 200,
                        "product_max_qty": 300
                        if bit != points["saint_sever"]
                        else 2000,
                        "trigger": "manual",
                    }
                )
        self.env["stock.warehouse.orderpoint"].create(orderpoints)

    @api.model
    def _demo_consents_and_requests(self, contacts, brochures):
        wizard = self.env["tourism.welcome.consent.wizard"]
        for contact, email, name, newsletter, survey in (
            (contacts[3], "maite.garcia@example.es", "Maite García", False, True),
            (contacts[40], "luc.peeters@example.be", "Luc Peeters", True, True),
            (
                contacts[90],
                "nadine.darricau@example.fr",
                "Nadine Darricau",
                True,
                False,
            ),
        ):
            wizard.create(
                {
                    "contact_id": contact.id,
                    "email": email,
                    "name": name,
                    "newsletter": newsletter,
                    "survey": survey,
                }
            ).action_confirm()
        Partner = self.env["res.partner"]
        visitors = Partner.create(
            [
                {
                    "name": "Famille Verhoeven",
                    "street": "Kerkstraat 12",
                    "zip": "2000",
                    "city": "Antwerpen",
                    "country_id": self.env.ref("base.be").id,
                    "email": "verhoeven@example.be",
                },
                {
                    "name": "Jacques et Martine Lalanne",
                    "street": "8 allée des Pins",
                    "zip": "33600",
                    "city": "Pessac",
                    "country_id": self.env.ref("base.fr").id,
                },
            ]
        )
        Request = self.env["tourism.welcome.request"]
        sent = Request.create(
            {
                "partner_id": visitors[0].id,
                "channel": "email",
                "bit_id": self.env.ref("tourism_base.bit_saint_sever").id,
                "postage_amount": 4.56,
                "note": "Séjour d'une semaine en juillet, à vélo",
                "brochure_line_ids": [
                    Command.create({"product_id": brochures[key].id})
                    for key in ("guide_2026", "carte", "hebergements")
                ],
            }
        )
        sent.action_send()
        Request.create(
            {
                "partner_id": visitors[1].id,
                "channel": "phone",
                "bit_id": self.env.ref("tourism_base.bit_hagetmau").id,
                "postage_amount": 3.15,
                "note": "Week-end de Pâques, randonnée",
                "brochure_line_ids": [
                    Command.create({"product_id": brochures[key].id})
                    for key in ("guide_2026", "randonnee")
                ],
            }
        )
