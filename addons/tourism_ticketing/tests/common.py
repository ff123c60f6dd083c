# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from random import randint

from odoo import Command, fields

from odoo.addons.tourism_base.tests.common import TourismCase


class TicketingCommon(TourismCase):
    """Two organisers of their own: a festival (events, 1 € per ticket, 0.50 € on
    children's tickets) and a museum (open-dated tickets, 10 %), sold at the
    Hagetmau information point's till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.festival = Partner.create(
            {"name": "Festival de Test", "is_company": True, "email": "f@test.fr"}
        )
        cls.museum = Partner.create(
            {"name": "Musée de Test", "is_company": True, "email": "m@test.fr"}
        )
        Mandate = cls.env["tourism.ticketing.mandate"]
        cls.tax20 = cls.env["account.chart.template"].ref("tva_normale")
        cls.mandate_festival = Mandate.create(
            {
                "organiser_id": cls.festival.id,
                "date_start": fields.Date.context_today(cls.env.user)
                - timedelta(days=30),
                "commission_fixed": 1.0,
                "commission_tax_id": cls.tax20.id,
                "rule_ids": [
                    Command.create({"ticket_type": "Enfant", "commission_fixed": 0.5})
                ],
            }
        )
        cls.mandate_museum = Mandate.create(
            {
                "organiser_id": cls.museum.id,
                "date_start": fields.Date.context_today(cls.env.user)
                - timedelta(days=30),
                "commission_percent": 10.0,
                "commission_tax_id": cls.tax20.id,
                "organiser_vat_rate": "10",
            }
        )
        (cls.mandate_festival | cls.mandate_museum).action_activate()
        cls.event = cls.env["event.event"].create(
            {
                "name": "Concert de Test",
                "organizer_id": cls.festival.id,
                "date_begin": fields.Datetime.now() + timedelta(days=10),
                "date_end": fields.Datetime.now() + timedelta(days=10, hours=3),
                "event_ticket_ids": [
                    Command.create(
                        {
                            "name": "Plein tarif",
                            "price": 18.0,
                            "seats_limited": True,
                            "seats_max": 3,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Enfant",
                            "price": 6.0,
                            "seats_limited": True,
                            "seats_max": 10,
                        }
                    ),
                ],
            }
        )
        cls.ticket_adult, cls.ticket_child = cls.event.event_ticket_ids.sorted("price")[
            ::-1
        ]
        cls.museum_ticket = cls.env["product.product"].create(
            {
                "name": "Billet musée de Test",
                "type": "service",
                "list_price": 6.0,
                "available_in_pos": True,
                "tourism_mandate_id": cls.mandate_museum.id,
            }
        )
        cls.config = cls.env.ref("tourism_pos.pos_config_bit_hagetmau")
        cls._number_demo_orders(cls.env)
        cls.cash = cls.config.payment_method_ids.filtered("is_cash_count")

    @staticmethod
    def _number_demo_orders(env):
        """point_of_sale's demo orders predate l10n_fr_pos_cert's chain: unnumbered,
        they make the first hashed order find several « previous orders » (a False
        in the domain also matches NULL). Number them out of the chain."""
        env.cr.execute(
            "UPDATE pos_order SET l10n_fr_secure_sequence_number = -id "
            "WHERE l10n_fr_secure_sequence_number IS NULL"
        )
        env["pos.order"].invalidate_model(["l10n_fr_secure_sequence_number"])

    def open_session(self, config=None):
        config = config or self.config
        config.open_ui()
        session = config.current_session_id
        session.set_opening_control(0, None)
        return session

    def ticket_line(self, ticket, qty, **values):
        return {
            "product_id": ticket.product_id.id,
            "event_ticket_id": ticket.id,
            "qty": qty,
            "price_unit": ticket.price,
            "price_subtotal": ticket.price * qty,
            "price_subtotal_incl": ticket.price * qty,
            "tax_ids": [Command.clear()],
            "event_registration_ids": [
                Command.create(
                    {
                        "event_id": ticket.event_id.id,
                        "event_ticket_id": ticket.id,
                        "name": f"Visiteur {n}",
                    }
                )
                for n in range(int(qty))
            ]
            if qty > 0
            else [],
            **values,
        }

    def product_line(self, product, qty, price=None, **values):
        price = product.lst_price if price is None else price
        return {
            "product_id": product.id,
            "qty": qty,
            "price_unit": price,
            "price_subtotal": price * qty,
            "price_subtotal_incl": price * qty,
            "tax_ids": [Command.set(product.taxes_id.ids)],
            **values,
        }

    def sell(self, session, lines, env=None):
        """Sync an order paid cash as the POS does; returns the order."""
        env = env or self.env
        total = sum(line["price_subtotal_incl"] for line in lines)
        uuid = "%05d-%03d-%04d" % (randint(1, 99999), randint(1, 999), randint(1, 9999))
        data = {
            "amount_paid": total,
            "amount_return": 0,
            "amount_tax": 0,
            "amount_total": total,
            "date_order": fields.Datetime.to_string(fields.Datetime.now()),
            "pricelist_id": session.config_id.pricelist_id.id,
            "name": f"Order {uuid}",
            "lines": [
                Command.create(dict(line, id=randint(1, 10**6))) for line in lines
            ],
            "session_id": session.id,
            "sequence_number": 2,
            "payment_ids": [
                Command.create(
                    {
                        "amount": total,
                        "name": fields.Datetime.now(),
                        "payment_method_id": self.cash.id,
                    }
                )
            ],
            "uuid": uuid,
            "user_id": env.uid,
            "to_invoice": False,
            "last_order_preparation_change": "{}",
        }
        result = env["pos.order"].sync_from_ui([data])
        return env["pos.order"].browse(result["pos.order"][0]["id"])

    def refund(self, session, order_line, qty):
        line = dict(
            self.ticket_line(order_line.event_ticket_id, -qty)
            if order_line.event_ticket_id
            else self.product_line(order_line.product_id, -qty, order_line.price_unit),
            refunded_orderline_id=order_line.id,
        )
        return self.sell(session, [line])

    def close(self, session):
        cash = sum(session.order_ids.payment_ids.mapped("amount"))
        session.post_closing_cash_details(cash)
        session.close_session_from_ui()
        return session

    def settle(self, mandate, date_to=None):
        settlement = self.env["tourism.ticketing.settlement"].create(
            {
                "mandate_id": mandate.id,
                "date_from": fields.Date.context_today(self.env.user)
                - timedelta(days=30),
                "date_to": date_to or fields.Date.context_today(self.env.user),
            }
        )
        settlement.action_compute()
        return settlement

    def balance(self, account, moves=None):
        domain = [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        if moves is not None:
            domain.append(("move_id", "in", moves.ids))
        return round(
            sum(self.env["account.move.line"].search(domain).mapped("balance")), 2
        )
