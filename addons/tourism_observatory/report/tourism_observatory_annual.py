# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportTourismObservatoryAnnual(models.AbstractModel):
    """The values of the annual report (rapport d'activité de l'observatoire)."""

    _name = "report.tourism_observatory.report_annual"
    _description = "Observatory Annual Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["tourism.observatory.report.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "tourism.observatory.report.wizard",
            "docs": wizards,
            "reports": {wizard.id: wizard._report_values() for wizard in wizards},
        }
