# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class EventEventTicket(models.Model):
    _inherit = "event.event.ticket"

    # Seats of the allotment taken by registrations not cancelled. Kept by SQL
    # increments (never read-modify-write) so that two tills selling the last seat
    # at once serialize on this row; the CHECK makes overselling impossible.
    tourism_seats_taken = fields.Integer(
        string="Allotment Sold", readonly=True, copy=False, default=0
    )
    tourism_allotment_left = fields.Integer(
        string="Allotment Left", compute="_compute_tourism_allotment_left"
    )

    _sql_constraints = [
        (
            "tourism_allotment_not_oversold",
            "CHECK(NOT seats_limited OR seats_max = 0 "
            "OR tourism_seats_taken <= seats_max)",
            "The allotment of this ticket type is sold out.",
        ),
    ]

    @api.depends("seats_max", "seats_limited", "tourism_seats_taken")
    def _compute_tourism_allotment_left(self):
        for ticket in self:
            ticket.tourism_allotment_left = (
                max(ticket.seats_max - ticket.tourism_seats_taken, 0)
                if ticket.seats_limited and ticket.seats_max
                else 0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            event = self.env["event.event"].browse(vals.get("event_id"))
            mandate = event.tourism_mandate_id
            if mandate and not vals.get("product_id"):
                vals["product_id"] = mandate._ensure_ticket_product().id
        tickets = super().create(vals_list)
        tickets._check_tourism_product()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if "product_id" in vals:
            self._check_tourism_product()
        return res

    def _check_tourism_product(self):
        for ticket in self:
            mandate = ticket.event_id.tourism_mandate_id
            if mandate and ticket.product_id.tourism_mandate_id != mandate:
                raise ValidationError(
                    self.env._(
                        "The tickets of %(event)s are sold under the mandate of "
                        "%(organiser)s: use its ticket product.",
                        event=ticket.event_id.name,
                        organiser=mandate.organiser_id.name,
                    )
                )

    def _tourism_take_seats(self, counts):
        """Add ``counts`` {ticket id: seats} (negative to free seats) in SQL. A
        concurrent sale of the same ticket waits for this row, then fails to
        serialize and is retried by Odoo, when it sees the seats gone."""
        cr = self.env.cr
        for ticket_id, seats in counts.items():
            if not seats:
                continue
            # The condition refuses quietly what the CHECK would refuse loudly
            # (PostgreSQL errors are logged); both read the row once it is locked.
            cr.execute(
                SQL(
                    "UPDATE event_event_ticket SET tourism_seats_taken = "
                    "GREATEST(tourism_seats_taken + %(seats)s, 0) "
                    "WHERE id = %(id)s AND (%(seats)s <= 0 OR NOT seats_limited "
                    "OR seats_max = 0 OR tourism_seats_taken + %(seats)s <= seats_max) "
                    "RETURNING id",
                    seats=seats,
                    id=ticket_id,
                ),
                log_exceptions=False,
            )
            if not cr.fetchone():
                ticket = self.browse(ticket_id)
                ticket.invalidate_recordset(["tourism_seats_taken"])
                raise ValidationError(
                    self.env._(
                        "Only %(left)s seat(s) left in the allotment of %(ticket)s "
                        "(%(event)s).",
                        left=max(ticket.seats_max - ticket.tourism_seats_taken, 0),
                        ticket=ticket.name,
                        event=ticket.event_id.name,
                    )
                )
        self.invalidate_model(["tourism_seats_taken", "tourism_allotment_left"])
