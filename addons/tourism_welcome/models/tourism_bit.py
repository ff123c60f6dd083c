# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class TourismBit(models.Model):
    _inherit = "tourism.bit"

    def action_setup_brochure_stock(self):
        for bit in self:
            bit._tourism_warehouse()
        return True

    def action_view_brochure_stock(self):
        self.ensure_one()
        location = self._tourism_warehouse().lot_stock_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Brochures at %(point)s", point=self.name),
            "res_model": "stock.quant",
            "view_mode": "list",
            "domain": [
                ("location_id", "child_of", location.id),
                ("product_id.tourism_is_brochure", "=", True),
            ],
            "context": {"search_default_productgroup": 1},
        }

    def action_brochure_transfer(self):
        """A transfer of brochures from the head office to this point, to fill in."""
        self.ensure_one()
        head_office = self.search(
            [("is_head_office", "=", True), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        if not head_office or head_office == self:
            raise UserError(
                self.env._(
                    "Brochures are transferred from the head office to another "
                    "information point: mark one point as the head office."
                )
            )
        source = head_office._tourism_warehouse()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_picking_type_id": source.int_type_id.id,
                "default_location_id": source.lot_stock_id.id,
                "default_location_dest_id": self._tourism_warehouse().lot_stock_id.id,
                "default_origin": self.env._("Restocking %(point)s", point=self.name),
            },
        }

    def _brochure_alert_user(self):
        self.ensure_one()
        staff = self.user_ids.filtered(lambda u: not u.share)[:1]
        return staff or self.env.ref("base.user_admin")

    def _cron_brochure_low_stock(self):
        """Daily: a to-do for each brochure below its reorder rule's minimum at a
        point (Odoo's reorder rules, trigger manual: the head office decides the
        transfer), unless one is already open."""
        points = self.search([])
        by_warehouse = {bit.warehouse_id: bit for bit in points if bit.warehouse_id}
        orderpoints = self.env["stock.warehouse.orderpoint"].search(
            [
                ("warehouse_id", "in", [w.id for w in by_warehouse]),
                ("product_id.tourism_is_brochure", "=", True),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        for orderpoint in orderpoints:
            product = orderpoint.product_id
            on_hand = product.with_context(
                location=orderpoint.location_id.id
            ).qty_available
            if on_hand >= orderpoint.product_min_qty:
                continue
            bit = by_warehouse[orderpoint.warehouse_id]
            summary = self.env._(
                "Low stock at %(point)s", point=bit.with_context(lang=None).name
            )
            template = product.product_tmpl_id
            if template.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            template.activity_schedule(
                activity_type_id=todo.id,
                summary=summary,
                note=self.env._(
                    "%(qty)s left of %(product)s, minimum %(min)s: restock it from "
                    "the head office.",
                    qty=int(on_hand),
                    product=product.display_name,
                    min=int(orderpoint.product_min_qty),
                ),
                user_id=bit._brochure_alert_user().id,
            )
