# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    @staticmethod
    def _tourism_counts(registrations, sign):
        counts = Counter()
        for registration in registrations:
            if registration.event_ticket_id and registration.state != "cancel":
                counts[registration.event_ticket_id.id] += sign
        return counts

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        # pos_event (POS sync) and event_sale (order confirmation) both come here.
        self.env["event.event.ticket"]._tourism_take_seats(
            self._tourism_counts(registrations, 1)
        )
        return registrations

    def write(self, vals):
        if "state" not in vals and "event_ticket_id" not in vals:
            return super().write(vals)
        before = self._tourism_counts(self, -1)
        res = super().write(vals)
        after = self._tourism_counts(self, 1)
        before.update(after)
        # A refund cancels the registration (pos_event): its seat goes back.
        self.env["event.event.ticket"]._tourism_take_seats(dict(before))
        return res

    def unlink(self):
        counts = self._tourism_counts(self, -1)
        res = super().unlink()
        self.env["event.event.ticket"]._tourism_take_seats(dict(counts))
        return res
