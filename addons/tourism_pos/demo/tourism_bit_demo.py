# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class TourismBit(models.Model):
    """Demo builders, kept out of the production model (as account's demo/)."""

    _inherit = "tourism.bit"

    @api.model
    def _demo_setup_point_of_sale(self, xmlids):
        """Demo: set up the tills of the given points and name them
        tourism_pos.pos_config_<point xml id name> for tests and other demo data."""
        # Journals and methods named in the office's language, as users see them.
        lang = self.env.company.partner_id.lang or self.env.lang
        for xmlid in xmlids:
            bit = self.env.ref(xmlid).with_context(lang=lang)
            bit.action_setup_point_of_sale()
            name = xmlid.split(".")[-1]
            self.env["ir.model.data"]._update_xmlids(
                [
                    {
                        "xml_id": f"tourism_pos.pos_config_{name}",
                        "record": bit.pos_config_ids[:1],
                        "noupdate": True,
                    },
                    {
                        "xml_id": f"tourism_pos.warehouse_{name}",
                        "record": bit.warehouse_id,
                        "noupdate": True,
                    },
                    {
                        "xml_id": f"tourism_pos.cash_journal_{name}",
                        "record": bit.cash_journal_id,
                        "noupdate": True,
                    },
                ]
            )
