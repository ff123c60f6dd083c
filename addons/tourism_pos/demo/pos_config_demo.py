# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PosConfig(models.Model):
    """Demo builders, kept out of the production model (as account's demo/)."""

    _inherit = "pos.config"

    @api.model
    def _demo_start_pos_cert_chain(self):
        """Demo only: point_of_sale's demo orders predate l10n_fr_pos_cert and all
        carry secure number 0, so the first real sale (number 1) would find several
        "previous" orders and be refused. Start the demo company's chain at 2."""
        company = self.env.company
        sequence = company.l10n_fr_pos_cert_sequence_id
        unnumbered = self.env["pos.order"].search_count(
            [
                ("company_id", "=", company.id),
                ("l10n_fr_secure_sequence_number", "=", 0),
                ("state", "in", ("paid", "done", "invoiced")),
            ]
        )
        if sequence and unnumbered > 1 and sequence.number_next_actual <= 1:
            sequence.number_next_actual = 2
