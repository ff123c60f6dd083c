# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class TourismTicketingSaleMixin(models.AbstractModel):
    """A ticket sold under a mandate: a till's order line or an invoice line. Both
    keep the mandate and the commission agreed when sold (a later change of the
    rules does not change past sales) and the settlement that took them."""

    _name = "tourism.ticketing.sale.mixin"
    _description = "Ticket Sold under a Mandate"

    # Each model has its own (the order's, the move's); declared for the commission.
    currency_id = fields.Many2one("res.currency")
    tourism_mandate_id = fields.Many2one(
        "tourism.ticketing.mandate",
        string="Resale Mandate",
        compute="_compute_tourism_commission",
        store=True,
        index="btree_not_null",
    )
    tourism_commission = fields.Monetary(
        string="Commission",
        compute="_compute_tourism_commission",
        store=True,
        currency_field="currency_id",
    )
    tourism_settlement_id = fields.Many2one(
        "tourism.ticketing.settlement",
        string="Ticket Settlement",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )

    def _compute_tourism_commission(self):
        """Each model declares its own dependencies and says how its line is sold
        (:meth:`_tourism_sale_terms`); a settled sale keeps what was agreed."""
        for line in self:
            if line.tourism_settlement_id:
                # Settled: what was agreed stays.
                line.tourism_mandate_id = line.tourism_mandate_id
                line.tourism_commission = line.tourism_commission
                continue
            mandate, event_ticket, quantity = line._tourism_sale_terms()
            line.tourism_mandate_id = mandate
            line.tourism_commission = (
                mandate._line_commission(
                    line.product_id,
                    event_ticket,
                    line.price_unit,
                    quantity,
                    line.discount,
                )
                if mandate
                else 0.0
            )

    def _tourism_sale_terms(self):
        """(mandate or empty, event ticket, signed quantity) of one sold line."""
        raise NotImplementedError

    def write(self, vals):
        if "tourism_settlement_id" in vals and any(
            line.tourism_settlement_id.state == "done" for line in self
        ):
            raise UserError(
                self.env._("This sale is in a validated settlement: it cannot move.")
            )
        return super().write(vals)
