# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import api, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _tourism_office_today(self):
        """Today in the office's time zone (its company's, else Paris).

        A mandate ends on a date of the office's calendar: between midnight in
        Paris and midnight UTC, the server's UTC date is still the day before."""
        # As superuser: reading the company under the rules would recurse here.
        tz = self.env.company.sudo().partner_id.tz or "Europe/Paris"
        return datetime.now(pytz.timezone(tz)).strftime("%Y-%m-%d")

    @api.model
    def _eval_context(self):
        values = super()._eval_context()
        values["office_today"] = self._tourism_office_today()
        return values

    def _compute_domain_context_values(self):
        # The régie's rules compare the mandataires' dates with today's date:
        # Odoo caches the evaluated domains, so the day is part of the cache key
        # and a former mandataire loses access the day after his date_to.
        yield from super()._compute_domain_context_values()
        yield self._tourism_office_today()
