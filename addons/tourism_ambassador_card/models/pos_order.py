# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import benefits


class PosOrder(models.Model):
    _inherit = "pos.order"

    # The till sends the scanned number (plain text, nothing to load at start-up);
    # the server links the card and checks it.
    tourism_ambassador_card_code = fields.Char(
        string="Ambassador Card Number", copy=False
    )
    tourism_ambassador_card_id = fields.Many2one(
        "tourism.ambassador.card",
        string="Ambassador Card",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    tourism_ambassador_discount = fields.Monetary(
        string="Ambassador Discount",
        compute="_compute_tourism_ambassador_discount",
        store=True,
    )
    tourism_card_review = fields.Boolean(
        string="Card to Review",
        readonly=True,
        copy=False,
        index=True,
        help="The till gave the card's discount, but when the order reached the "
        "server the card no longer gave any (revoked or ended in between). The "
        "order is kept as paid; the manager checks it.",
    )
    tourism_card_review_reason = fields.Char(
        string="Why to Review", readonly=True, copy=False
    )

    @api.depends("lines.tourism_ambassador_discount")
    def _compute_tourism_ambassador_discount(self):
        for order in self:
            order.tourism_ambassador_discount = sum(
                order.lines.mapped("tourism_ambassador_discount")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._tourism_link_card(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._tourism_link_card(vals)
        return super().write(vals)

    @api.model
    def _tourism_link_card(self, vals):
        if "tourism_ambassador_card_code" not in vals:
            return
        code = (vals["tourism_ambassador_card_code"] or "").strip()
        card = self.env["tourism.ambassador.card"]
        if code:
            card = card.sudo().search([("name", "=", code)], limit=1)
            if not card:
                raise ValidationError(
                    self.env._("Unknown ambassador card %(code)s.", code=code)
                )
        vals["tourism_ambassador_card_id"] = card.id

    @api.model
    def _process_order(self, order, existing_order):
        order_id = super()._process_order(order, existing_order)
        self.browse(order_id)._tourism_check_ambassador_card()
        return order_id

    def _tourism_check_ambassador_card(self):
        """A paid order with a card: the card must be valid that day and the
        discounts must fit in what is left of its yearly cap. Checked on the
        server, whatever the till sent.

        The order is already paid at the till: a card revoked or ended between
        the sale and the sync does not refuse it (the till would keep it in its
        queue and block its other orders); it is kept and flagged for review."""
        for order in self.filtered("tourism_ambassador_card_id"):
            if order.state not in ("paid", "done", "invoiced"):
                continue
            card = order.tourism_ambassador_card_id.sudo()
            given = benefits.Decimal(str(order.tourism_ambassador_discount))
            if given <= 0:
                # A refund gives the discount back: allowed even once the card ended.
                continue
            day = fields.Date.context_today(order, order.date_order)
            reason = card._refusal_reason(day)
            if reason:
                order._tourism_flag_card_review(reason)
                continue
            cap = card.type_id._cap()
            if cap is None:
                continue
            card._lock_for_cap()
            used = card._year_discount_used(day.year, exclude_orders=order)
            left = benefits.remaining_cap(cap, used)
            if given > left:
                raise ValidationError(
                    self.env._(
                        "Card %(number)s: the discount of %(given)s exceeds what is "
                        "left of its yearly cap (%(left)s).",
                        number=card.name,
                        given=given,
                        left=left,
                    )
                )

    def _tourism_flag_card_review(self, reason):
        """Keep the paid order, say why it is to be checked, and tell the office's
        managers (the order's chatter notifies them; the filter « Ambassador Card
        to Review » lists such orders)."""
        self.ensure_one()
        self.sudo().write(
            {"tourism_card_review": True, "tourism_card_review_reason": reason}
        )
        managers = self.env.ref("tourism_base.group_tourism_manager").sudo().users
        self.sudo().message_post(
            body=self.env._(
                "Ambassador card discount given at the till but refused when the "
                "order reached the server: %(reason)s The order is kept; check it.",
                reason=reason,
            ),
            partner_ids=managers.filtered(lambda u: not u.share).partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
