# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import benefits

#: Partnership pack states in which a prestataire is a current partner.
CURRENT_MEMBERSHIP_STATES = ("invoiced", "paid", "free")


class TourismAmbassadorCard(models.Model):
    _name = "tourism.ambassador.card"
    _description = "Ambassador Card"
    _inherit = ["mail.thread", "portal.mixin"]
    _order = "date_end desc, id desc"

    name = fields.Char(
        string="Card Number",
        readonly=True,
        copy=False,
        index=True,
        default="/",
        help="16 digits starting with 045, the last one a check digit; "
        "scanned at the till.",
    )
    type_id = fields.Many2one(
        "tourism.ambassador.card.type",
        string="Card Type",
        required=True,
        tracking=True,
        check_company=True,
    )
    holder_kind = fields.Selection(related="type_id.holder_kind", store=True)
    holder_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        tracking=True,
        index=True,
        help="The partner company, one of its staff, or a resident.",
    )
    commercial_partner_id = fields.Many2one(
        related="holder_id.commercial_partner_id",
        string="Partner Company",
        store=True,
        index=True,
    )
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(
        string="Valid Until",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 12, 31),
    )
    state = fields.Selection(
        [("active", "Active"), ("expired", "Expired"), ("revoked", "Revoked")],
        default="active",
        required=True,
        tracking=True,
        copy=False,
    )
    revoke_reason = fields.Char(tracking=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    discount_rate = fields.Float(related="type_id.discount_rate")
    pos_order_ids = fields.One2many(
        "pos.order", "tourism_ambassador_card_id", string="Shop Sales", readonly=True
    )
    pos_order_count = fields.Integer(compute="_compute_usage", string="Sales")
    year_discount_total = fields.Monetary(
        compute="_compute_usage",
        string="Discount This Year",
        help="Discount given with the card at the shop during the current year.",
    )
    year_cap_left = fields.Monetary(
        compute="_compute_usage",
        string="Cap Left This Year",
    )

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "Two cards cannot share a number."),
        (
            "dates_order",
            "CHECK(date_end >= date_start)",
            "A card cannot end before it starts.",
        ),
    ]

    @api.depends("pos_order_ids")
    def _compute_usage(self):
        year = fields.Date.context_today(self).year
        for card in self:
            used = card._year_discount_used(year)
            card.pos_order_count = len(card.pos_order_ids)
            card.year_discount_total = float(used)
            cap = card.type_id._cap() if card.type_id else None
            left = benefits.remaining_cap(cap, used)
            card.year_cap_left = float(left) if left is not None else 0.0

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for card in self:
            card.access_url = f"/my/ambassador_cards/{card.id}"
        return result

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                serial = int(sequence.next_by_code("tourism.ambassador.card"))
                vals["name"] = benefits.make_card_number(serial)
        return super().create(vals_list)

    @api.constrains("name")
    def _check_number(self):
        for card in self:
            if not benefits.is_valid_card_number(card.name):
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a valid card number.", number=card.name
                    )
                )

    @api.constrains("holder_id", "type_id", "state")
    def _check_partner_pack(self):
        for card in self:
            if card.state == "active" and not card._holder_pack_is_current():
                raise ValidationError(
                    self.env._(
                        "%(partner)s has no current partnership pack: a partner "
                        "card cannot be issued to it.",
                        partner=card.commercial_partner_id.display_name,
                    )
                )

    def _holder_pack_is_current(self):
        self.ensure_one()
        if self.holder_kind != "partner":
            return True
        return (
            self.holder_id.commercial_partner_id.membership_state
            in CURRENT_MEMBERSHIP_STATES
        )

    def _refusal_reason(self, on_date=None):
        """Why the card gives no benefit on that day, or False when it does."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        if self.state == "revoked":
            return self.env._(
                "Card %(number)s was revoked: no discount.", number=self.name
            )
        if self.state == "expired" or self.date_end < on_date:
            return self.env._(
                "Card %(number)s expired on %(date)s: no discount.",
                number=self.name,
                date=self.date_end.strftime("%d/%m/%Y"),
            )
        if self.date_start > on_date:
            return self.env._(
                "Card %(number)s is valid from %(date)s only.",
                number=self.name,
                date=self.date_start.strftime("%d/%m/%Y"),
            )
        if not self._holder_pack_is_current():
            return self.env._(
                "Card %(number)s: the partnership pack of %(partner)s is not "
                "current: no discount.",
                number=self.name,
                partner=self.commercial_partner_id.display_name,
            )
        return False

    def _lock_for_cap(self):
        """Serialize the tills that check this card's yearly cap.

        Odoo runs requests in REPEATABLE READ: a mere row lock would let a second
        till, once the first committed, still count from its older snapshot and
        pass the cap too. Writing the card's row makes that second transaction
        fail to serialize instead; Odoo retries the request, whose new snapshot
        then sees the first till's order."""
        self.ensure_one()
        # A failure to serialize is expected here and retried by Odoo: not logged
        # as a bad query.
        self.env.cr.execute(
            SQL(
                "UPDATE tourism_ambassador_card SET write_date = write_date "
                "WHERE id = %s",
                self.id,
            ),
            log_exceptions=False,
        )

    def _year_discount_used(self, year, exclude_orders=None):
        """Discount already given by the card in a calendar year (Decimal)."""
        self.ensure_one()
        if not self.id:
            return benefits.Decimal(0)
        domain = [
            ("order_id.tourism_ambassador_card_id", "=", self.id),
            ("order_id.state", "in", ("paid", "done", "invoiced")),
            ("order_id.date_order", ">=", f"{year}-01-01 00:00:00"),
            ("order_id.date_order", "<", f"{year + 1}-01-01 00:00:00"),
        ]
        if exclude_orders:
            domain.append(("order_id", "not in", exclude_orders.ids))
        lines = self.env["pos.order.line"].sudo().search(domain)
        return sum(
            (
                benefits.Decimal(str(amount))
                for amount in lines.mapped("tourism_ambassador_discount")
            ),
            benefits.Decimal(0),
        )

    def action_revoke(self):
        for card in self:
            if not card.revoke_reason:
                raise UserError(
                    self.env._(
                        "Say why card %(number)s is revoked (field Revoke Reason).",
                        number=card.name,
                    )
                )
        self.write({"state": "revoked"})

    def action_reactivate(self):
        today = fields.Date.context_today(self)
        for card in self:
            if card.date_end < today:
                raise UserError(
                    self.env._(
                        "Card %(number)s has ended: issue a new card.", number=card.name
                    )
                )
        self.write({"state": "active", "revoke_reason": False})

    def action_view_pos_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "point_of_sale.action_pos_pos_form"
        )
        action["domain"] = [("tourism_ambassador_card_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _cron_expire_cards(self):
        """Daily: cards past their end date, and partner cards whose pack is no
        longer current, stop giving discounts."""
        today = fields.Date.context_today(self)
        active = self.search([("state", "=", "active")])
        to_expire = active.filtered(
            lambda card: card.date_end < today or not card._holder_pack_is_current()
        )
        to_expire.write({"state": "expired"})
        return to_expire

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Ambassador card %(number)s", number=self.name)

    # ------------------------------------------------------------------ POS

    @api.model
    def _pos_card_values(self, card, config):
        card_type = card.type_id
        categories = card_type._eligible_categories(card_type)
        used = card._year_discount_used(fields.Date.context_today(self).year)
        left = benefits.remaining_cap(card_type._cap(), used)
        return {
            "number": card.name,
            "type_name": card_type.name,
            "holder_id": card.holder_id.id,
            "holder_name": card.holder_id.display_name,
            "date_end": card.date_end.strftime("%d/%m/%Y"),
            "discount_rate": card_type.discount_rate,
            "category_ids": categories.ids,
            "cap_left": float(left) if left is not None else None,
        }

    @api.model
    def pos_check_card(self, code, config_id, partner_id=False):
        """Called by the till when a card is scanned (code) or a customer chosen
        (partner_id): the card's benefits, or an error to show the cashier.
        Read on each call, so revoking a card is immediate at every till."""
        if not self.env.user.has_group("point_of_sale.group_pos_user"):
            raise UserError(self.env._("Only point of sale users check cards."))
        config = self.env["pos.config"].browse(config_id)
        cards = self.sudo().with_company(config.company_id)
        if code:
            card = cards.search(
                [
                    ("name", "=", (code or "").strip()),
                    ("company_id", "=", config.company_id.id),
                ],
                limit=1,
            )
            if not card:
                return {
                    "error": self.env._("Unknown ambassador card %(code)s.", code=code)
                }
        else:
            card = cards.search(
                [
                    ("holder_id", "=", partner_id),
                    ("state", "=", "active"),
                    ("company_id", "=", config.company_id.id),
                ],
                limit=1,
            )
            if not card:
                return {}
        reason = card._refusal_reason()
        if reason:
            return {"error": reason}
        return self._pos_card_values(card, config)
