# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_context_values(self):
        # The régie's rules compare the mandataires' dates with today's date:
        # Odoo caches the evaluated domains, so the day is part of the cache key
        # and a former mandataire loses access the day after his date_to.
        yield from super()._compute_domain_context_values()
        yield time.strftime("%Y-%m-%d")
