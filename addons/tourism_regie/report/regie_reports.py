# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..tools import regie_maths


class ReportRegieRecap(models.AbstractModel):
    _name = "report.tourism_regie.report_regie_recap"
    _description = "État récapitulatif of the Régie"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["tourism.regie.recap.wizard"].browse(docids)
        return {
            "docs": wizards,
            "recap": {
                w.id: w.regie_id.recap_data(w.date_from, w.date_to) for w in wizards
            },
            "in_words": regie_maths.amount_in_words,
        }


class ReportRegieSituation(models.AbstractModel):
    _name = "report.tourism_regie.report_regie_situation"
    _description = "Situation of the Régie at a Date"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["tourism.regie.recap.wizard"].browse(docids)
        return {
            "docs": wizards,
            "rows": {w.id: w.regie_id.situation(w.date_to) for w in wizards},
            "in_words": regie_maths.amount_in_words,
        }


class ReportRegieReconciliation(models.AbstractModel):
    _name = "report.tourism_regie.report_regie_reconciliation"
    _description = "Reconciliation Report of the Régie"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["tourism.regie.recap.wizard"].browse(docids)
        return {
            "docs": wizards,
            "unmatched": {
                w.id: w.regie_id.unmatched_items(w.date_from, w.date_to)
                for w in wizards
            },
        }


class ReportRegieIntegrity(models.AbstractModel):
    _name = "report.tourism_regie.report_regie_integrity"
    _description = "Integrity Check of the Régie Journal"

    @api.model
    def _get_report_values(self, docids, data=None):
        regies = self.env["tourism.regie"].browse(docids)
        return {
            "docs": regies,
            "results": {r.id: r._integrity_results() for r in regies},
        }
