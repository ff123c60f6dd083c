# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TourismWelcomeRequest(models.Model):
    """A request for documentation before a stay, answered by post: the visitor's
    address, the brochures, the postage and a delivery order from the point's
    warehouse (Odoo's outgoing transfer and its delivery slip)."""

    _name = "tourism.welcome.request"
    _description = "Documentation Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("email", "E-mail"),
            ("phone", "Phone"),
            ("web", "Web Form"),
            ("mail", "Post"),
        ],
        required=True,
        default="email",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Visitor",
        required=True,
        tracking=True,
        help="Name and postal address the brochures are sent to.",
    )
    bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        required=True,
        default=lambda self: self.env.user.tourism_bit_id,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    brochure_line_ids = fields.One2many(
        "tourism.welcome.brochure.line", "request_id", string="Brochures"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    postage_amount = fields.Monetary(
        string="Postage", help="What the stamps of this mailing cost."
    )
    picking_id = fields.Many2one(
        "stock.picking", string="Delivery Order", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "To Send"), ("sent", "Sent"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    note = fields.Text(string="Stay Planned")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("tourism.welcome.request")
                    or "/"
                )
        return super().create(vals_list)

    def _check_address(self):
        for request in self:
            partner = request.partner_id
            if not (partner.street and partner.zip and partner.city):
                raise UserError(
                    self.env._(
                        "%(visitor)s has no complete postal address (street, postal "
                        "code, city): the brochures cannot be posted.",
                        visitor=partner.display_name,
                    )
                )

    def action_send(self):
        """Create and validate the delivery order: the brochures leave the point's
        stock for the visitor's address."""
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only a request to send can be sent."))
            if not request.brochure_line_ids:
                raise UserError(self.env._("Add the brochures to send."))
            request._check_address()
            warehouse = request.bit_id._tourism_warehouse()
            picking_type = warehouse.out_type_id
            picking = (
                self.env["stock.picking"]
                .sudo()
                .create(
                    {
                        "picking_type_id": picking_type.id,
                        "partner_id": request.partner_id.id,
                        "origin": request.name,
                        "location_id": warehouse.lot_stock_id.id,
                        "location_dest_id": self.env.ref(
                            "stock.stock_location_customers"
                        ).id,
                        "move_ids": [
                            Command.create(
                                {
                                    "name": request.name,
                                    "product_id": line.product_id.id,
                                    "product_uom": line.product_id.uom_id.id,
                                    "product_uom_qty": line.quantity,
                                    "location_id": warehouse.lot_stock_id.id,
                                    "location_dest_id": self.env.ref(
                                        "stock.stock_location_customers"
                                    ).id,
                                }
                            )
                            for line in request.brochure_line_ids
                        ],
                    }
                )
            )
            picking.action_confirm()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()
            move_by_product = {move.product_id: move for move in picking.move_ids}
            for line in request.brochure_line_ids:
                line.move_id = move_by_product[line.product_id]
            request.write({"picking_id": picking.id, "state": "sent"})
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state == "sent"):
            raise UserError(self.env._("A request already posted cannot be cancelled."))
        self.state = "cancel"
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda r: r.state == "sent"):
            raise UserError(self.env._("A request already posted cannot be deleted."))
