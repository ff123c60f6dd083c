# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class TourismWelcomeBrochureLine(models.Model):
    """Brochures handed out at the counter (taken out of the point's stock at once)
    or asked for before a stay (sent by post with the request's delivery order)."""

    _name = "tourism.welcome.brochure.line"
    _description = "Brochures Given or Sent"

    contact_id = fields.Many2one(
        "tourism.welcome.contact", ondelete="cascade", index=True
    )
    request_id = fields.Many2one(
        "tourism.welcome.request", ondelete="cascade", index=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Brochure",
        required=True,
        domain=[("tourism_is_brochure", "=", True)],
    )
    quantity = fields.Integer(required=True, default=1)
    move_id = fields.Many2one("stock.move", string="Stock Move", readonly=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "Give at least one brochure."),
        (
            "one_parent",
            "CHECK((contact_id IS NULL) != (request_id IS NULL))",
            "Brochures are given at a contact or sent for a request.",
        ),
    ]

    @api.constrains("product_id")
    def _check_brochure(self):
        for line in self:
            if not line.product_id.tourism_is_brochure:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not tourist documentation.",
                        product=line.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered("contact_id")._take_out_of_stock()
        return lines

    def write(self, vals):
        if {"product_id", "quantity", "contact_id"} & set(
            vals
        ) and self.sudo().filtered("move_id"):
            raise UserError(
                self.env._(
                    "These brochures have left the stock: remove the line and add "
                    "a new one instead."
                )
            )
        return super().write(vals)

    def unlink(self):
        # A brochure given by mistake goes back on the shelf: the move is returned.
        # Conseillers have no stock rights: the moves are read as the system.
        self.sudo().filtered(
            lambda line: line.move_id.state == "done"
        )._return_to_stock()
        return super().unlink()

    def _take_out_of_stock(self):
        """Done stock moves from the point's shelf to the visitors (customers
        location), one per line. Conseillers need no stock rights for this: it is
        the consequence of the contact they record."""
        customers = self.env.ref("stock.stock_location_customers")
        Move = self.env["stock.move"].sudo()
        move_vals = []
        for line in self:
            contact = line.contact_id
            location = contact.bit_id._tourism_warehouse().lot_stock_id
            move_vals.append(
                line._prepare_move_vals(location, customers, contact.display_name)
            )
        moves = Move.create(move_vals)
        moves._action_confirm(merge=False)
        for move, line in zip(moves, self, strict=True):
            move.quantity = line.quantity
        moves.picked = True
        moves._action_done()
        for move, line in zip(moves, self, strict=True):
            line.sudo().move_id = move

    def _return_to_stock(self):
        Move = self.env["stock.move"].sudo()
        for line in self:
            move = line.move_id.sudo()
            back = Move.create(
                line._prepare_move_vals(
                    move.location_dest_id,
                    move.location_id,
                    self.env._("Return of %(move)s", move=move.reference or move.name),
                )
            )
            back._action_confirm(merge=False)
            back.quantity = line.quantity
            back.picked = True
            back._action_done()

    def _prepare_move_vals(self, location, location_dest, reference):
        self.ensure_one()
        return {
            "name": reference,
            "origin": reference,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": self.quantity,
            "location_id": location.id,
            "location_dest_id": location_dest.id,
            "company_id": location.company_id.id or self.env.company.id,
        }
