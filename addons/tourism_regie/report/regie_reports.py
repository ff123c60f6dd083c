# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

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
                w.id: self._recap(w.regie_id, w.date_from, w.date_to) for w in wizards
            },
            "in_words": regie_maths.amount_in_words,
        }

    @api.model
    def _recap(self, regie, date_from, date_to):
        """The sections of the état récapitulatif of ``regie`` for a period
        (amounts in Decimal)."""
        rows = regie._recap_rows(date_from, date_to)
        types = regie._recap_types(date_from, date_to)
        zero = Decimal("0.00")
        held = self.env["tourism.payment.nature"]._paid_in_codes()
        return {
            "rows": rows,
            "types": types,
            "quittancier": regie._recap_quittancier(date_from, date_to),
            "third_party_total": sum(
                (t["amount"] for t in types if t["type"].is_third_party), zero
            ),
            "own_total": sum(
                (t["amount"] for t in types if not t["type"].is_third_party), zero
            ),
            "deposits": regie._recap_deposits(date_from, date_to),
            # What the régisseur still holds: cards are paid out by the bank.
            "remaining": sum(
                (r["recap"].closing for r in rows if r["nature"] in held), zero
            ),
            "differences": regie._recap_differences(date_from, date_to),
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


class ReportRegieBook(models.AbstractModel):
    _name = "report.tourism_regie.report_regie_book"
    _description = "Journal de caisse of the Régie"

    @api.model
    def _get_report_values(self, docids, data=None):
        """The printed lines, oldest first, one table per régie, with the
        balance after each line. The opening balance is what the same
        information points and natures held before the first printed day, so
        that the last balance is what they hold."""
        lines = self.env["tourism.regie.book.line"].browse(docids)
        books = []
        for regie in lines.regie_id:
            regie_lines = lines.filtered(lambda line, r=regie: line.regie_id == r)
            regie_lines = regie_lines.sorted(lambda line: (line.date, line.id))
            keys = {(line.bit_id, line.nature) for line in regie_lines}
            earlier = self.env["tourism.regie.book.line"].search(
                [("regie_id", "=", regie.id), ("date", "<", regie_lines[0].date)]
            )
            opening = sum(
                (
                    regie_maths.to_money(line.amount_in)
                    - regie_maths.to_money(line.amount_out)
                    for line in earlier
                    if (line.bit_id, line.nature) in keys
                ),
                regie_maths.to_money(0),
            )
            balances = regie_maths.running_balances(
                opening,
                [(line.amount_in, line.amount_out) for line in regie_lines],
            )
            books.append(
                {
                    "regie": regie,
                    "opening": opening,
                    "lines": list(zip(regie_lines, balances, strict=True)),
                    "closing": balances[-1],
                    "total_in": sum(
                        (regie_maths.to_money(x.amount_in) for x in regie_lines),
                        regie_maths.to_money(0),
                    ),
                    "total_out": sum(
                        (regie_maths.to_money(x.amount_out) for x in regie_lines),
                        regie_maths.to_money(0),
                    ),
                }
            )
        return {"docs": lines, "books": books}
