# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from uuid import uuid4

from odoo import Command, fields

from ..tools import benefits

#: Fixed numbers the POS tour scans.
TOUR_VALID_NUMBER = benefits.make_card_number(900001)
TOUR_EXPIRED_NUMBER = benefits.make_card_number(900002)


class AmbassadorCardCommon:
    @classmethod
    def _setup_cards(cls):
        env = cls.env
        cls.today = fields.Date.context_today(env["tourism.ambassador.card"])
        cls.year_end = date(cls.today.year, 12, 31)
        cls.partner_type = env.ref("tourism_ambassador_card.card_type_partner")
        cls.resident_type = env.ref("tourism_ambassador_card.card_type_resident")
        cls.terroir = env.ref("tourism_ambassador_card.product_category_terroir")
        cls.tursan = env.ref("tourism_ambassador_card.product_tursan_rouge")
        cls.foie_gras = env.ref("tourism_ambassador_card.product_foie_gras")
        cls.mug = env.ref("tourism_ambassador_card.product_mug_ot")
        cls.ticket = env.ref("tourism_ambassador_card.product_ticket_festival_pimbo")
        cls.current_partner = env.ref("tourism_base.res_partner_hotel_de_l_abbaye")
        cls.staff = env.ref("tourism_base.res_partner_hotel_de_l_abbaye_contact")
        cls.old_partner = env.ref(
            "tourism_base.res_partner_anne_lafargue_guide_conferenciere"
        )
        cls.resident = env["res.partner"].create(
            {"name": "Hélène Darracq", "city": "Saint-Sever"}
        )
        Card = env["tourism.ambassador.card"]
        cls.staff_card = Card.create(
            {
                "name": TOUR_VALID_NUMBER,
                "type_id": cls.partner_type.id,
                "holder_id": cls.staff.id,
            }
        )
        cls.expired_card = Card.create(
            {
                "name": TOUR_EXPIRED_NUMBER,
                "type_id": cls.resident_type.id,
                "holder_id": cls.resident.id,
                "date_start": date(cls.today.year - 1, 1, 1),
                "date_end": date(cls.today.year - 1, 12, 31),
                "state": "expired",
            }
        )
        cls.resident_card = Card.create(
            {"type_id": cls.resident_type.id, "holder_id": cls.resident.id}
        )

    @classmethod
    def _open_session(cls, xmlid="tourism_pos.pos_config_bit_hagetmau"):
        config = cls.env.ref(xmlid)
        config.open_ui()
        session = config.current_session_id
        session.set_opening_control(0, "")
        return session

    def _ui_order(self, session, lines, card=None, partner=None):
        """Order as the till sends it: lines are (product, qty, discount)."""
        config = session.config_id
        currency = config.currency_id
        order_lines = []
        for product, qty, discount in lines:
            price_unit = product.lst_price
            taxes = product.taxes_id.filtered(
                lambda t: t.company_id == config.company_id
            )
            after = price_unit * (1 - discount / 100.0)
            values = taxes.compute_all(after, currency, qty)
            order_lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": price_unit,
                        "discount": discount,
                        "price_subtotal": values["total_excluded"],
                        "price_subtotal_incl": values["total_included"],
                        "tax_ids": [Command.set(taxes.ids)],
                    }
                )
            )
        total = currency.round(
            sum(line[2]["price_subtotal_incl"] for line in order_lines)
        )
        untaxed = sum(line[2]["price_subtotal"] for line in order_lines)
        cash = config.payment_method_ids.filtered("is_cash_count")[:1]
        uuid = str(uuid4())
        return {
            "amount_paid": total,
            "amount_return": 0,
            "amount_tax": total - untaxed,
            "amount_total": total,
            "date_order": fields.Datetime.to_string(fields.Datetime.now()),
            "fiscal_position_id": False,
            "pricelist_id": config.pricelist_id.id,
            "name": f"Order {uuid}",
            "last_order_preparation_change": "{}",
            "lines": order_lines,
            "partner_id": (partner or (card and card.holder_id)).id
            if (partner or card)
            else False,
            "session_id": session.id,
            "sequence_number": 2,
            "payment_ids": [
                Command.create(
                    {
                        "amount": total,
                        "name": fields.Datetime.now(),
                        "payment_method_id": cash.id,
                    }
                )
            ],
            "uuid": uuid,
            "user_id": self.env.uid,
            "to_invoice": False,
            "state": "paid",
            "tourism_ambassador_card_code": card.name if card else False,
        }

    def _sync(self, order_vals):
        result = self.env["pos.order"].sync_from_ui([order_vals])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])
