# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The avis des sommes à payer of the tax invoices, rendered ahead of the bordereau.

Each titre carries its avis as a pièce justificative (CGCT D1617-23; Class_PJ.xsd).
The avis is the invoice's legal PDF, the one Odoo keeps once rendered and serves again
to the host, so the comptable gets the very document the host gets. Rendering one takes
wkhtmltopdf about 2 s here: done at emission for thousands of titres, it would hold the
ordonnateur's request for hours. A cron renders them as the invoices are posted, and
the emission renders only those still missing.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import split_every


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.model
    def _pes_tax_invoices(self, company=None, date_from=None, date_to=None):
        """The posted tax invoices a bordereau of titres takes: the declarations'
        avis (taxations d'office included) and their late-interest invoices."""
        Declaration = self.env["tourism.tax.declaration"].sudo()
        domain = [
            "|",
            ("invoice_id", "!=", False),
            ("interest_invoice_id", "!=", False),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        declarations = Declaration.search(domain)
        candidates = declarations.invoice_id | declarations.interest_invoice_id
        move_domain = [
            ("id", "in", candidates.ids),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("amount_total", ">", 0),
        ]
        if date_from:
            move_domain.append(("invoice_date", ">=", date_from))
        if date_to:
            move_domain.append(("invoice_date", "<=", date_to))
        return self.sudo().search(move_domain)

    def _pes_without_avis(self):
        """These invoices whose avis is not rendered yet (one query)."""
        if not self:
            return self
        rendered = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "account.move"),
                    ("res_field", "=", "invoice_pdf_report_file"),
                    ("res_id", "in", self.ids),
                ]
            )
        )
        return self - self.browse(rendered.mapped("res_id"))

    def _pes_render_avis(self):
        """Render and keep the avis of these invoices that have none yet, through
        Odoo's own sending (account.move.send): the same PDF, file name and slot
        (invoice_pdf_report_file) as when the invoice is sent, without marking it
        sent. In batches of Odoo's own size (account.pdf_generation_batch), one
        wkhtmltopdf run each (tourism_base lets Debian's build print several)."""
        Send = self.env["account.move.send"]
        size = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("account.pdf_generation_batch", "80")
        )
        values = []
        todo = self._pes_without_avis()
        # Odoo renders a batch in the company of its first invoice.
        for company_moves in todo.grouped("company_id").values():
            for batch in split_every(size, company_moves.ids, company_moves.browse):
                data = {
                    move: {"pdf_report": Send._get_default_pdf_report_id(move)}
                    for move in batch
                }
                Send._prepare_invoice_pdf_report(data)
                values += [data[move]["pdf_attachment_values"] for move in batch]
        if values:
            self.env["ir.attachment"].sudo().create(values)
            self.invalidate_recordset(
                ["invoice_pdf_report_id", "invoice_pdf_report_file"]
            )
        return len(values)

    @api.model
    def _cron_pes_render_avis(self, batch_size=80):
        """Render the avis of posted tax invoices, a batch per transaction; the cron
        runs again at once while some remain (ir.cron progress)."""
        # A year back is plenty: older invoices went into a bordereau long ago,
        # and the emission renders any avis still missing.
        since = fields.Date.context_today(self) - relativedelta(years=1)
        # The credit notes of rectifying declarations too: they travel with their
        # réduction (annulation/réduction bordereau).
        refunds = (
            self.env["tourism.tax.declaration"]
            .sudo()
            .search(
                [
                    ("rectified_id", "!=", False),
                    ("invoice_id.move_type", "=", "out_refund"),
                    ("invoice_id.state", "=", "posted"),
                    ("invoice_id.invoice_date", ">=", since),
                ]
            )
            .invoice_id
        )
        todo = (self._pes_tax_invoices(date_from=since) | refunds)._pes_without_avis()
        batch = todo.sorted("id")[:batch_size]
        batch._pes_render_avis()
        self.env["ir.cron"]._notify_progress(
            done=len(batch), remaining=len(todo) - len(batch)
        )
