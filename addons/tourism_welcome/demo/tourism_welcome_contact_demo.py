# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models


class TourismWelcomeContact(models.Model):
    """Demo builders, kept out of the production model (as account's demo/)."""

    _inherit = "tourism.welcome.contact"

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
        # Two requests for brochures by post; only the first one is sent yet.
        for visitor, channel, point, postage, note, keys, send in (
            (
                visitors[0],
                "email",
                "bit_saint_sever",
                4.56,
                "Séjour d'une semaine en juillet, à vélo",
                ("guide_2026", "carte", "hebergements"),
                True,
            ),
            (
                visitors[1],
                "phone",
                "bit_hagetmau",
                3.15,
                "Week-end de Pâques, randonnée",
                ("guide_2026", "randonnee"),
                False,
            ),
        ):
            request = self.env["tourism.welcome.request"].create(
                {
                    "partner_id": visitor.id,
                    "channel": channel,
                    "bit_id": self.env.ref(f"tourism_base.{point}").id,
                    "postage_amount": postage,
                    "note": note,
                    "brochure_line_ids": [
                        Command.create({"product_id": brochures[key].id})
                        for key in keys
                    ],
                }
            )
            if send:
                request.action_send()
