# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    tourism_mandate_id = fields.Many2one(
        "tourism.ticketing.mandate",
        string="Resale Mandate",
        compute="_compute_tourism_commission",
        store=True,
        index="btree_not_null",
    )
    # Agreed when sold: a later change of the rules does not change past sales.
    tourism_commission = fields.Monetary(
        string="Commission",
        compute="_compute_tourism_commission",
        store=True,
        currency_field="currency_id",
    )
    tourism_settlement_id = fields.Many2one(
        "tourism.ticketing.settlement",
        string="Settlement",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )

    @api.depends("product_id", "qty", "price_unit", "discount", "event_ticket_id")
    def _compute_tourism_commission(self):
        for line in self:
            mandate = line.product_id.product_tmpl_id.tourism_mandate_id
            if line.tourism_settlement_id:
                # Settled: what was agreed stays.
                line.tourism_mandate_id = line.tourism_mandate_id
                line.tourism_commission = line.tourism_commission
                continue
            line.tourism_mandate_id = mandate
            line.tourism_commission = (
                mandate._line_commission(
                    line.product_id,
                    line.event_ticket_id,
                    line.price_unit * (1 - (line.discount or 0.0) / 100.0),
                    line.qty,
                )
                if mandate
                else 0.0
            )

    def write(self, vals):
        if "tourism_settlement_id" in vals and any(
            line.tourism_settlement_id.state == "done" for line in self
        ):
            raise UserError(
                self.env._("This sale is in a validated settlement: it cannot move.")
            )
        return super().write(vals)
