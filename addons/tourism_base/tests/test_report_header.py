# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

DETECTION = (
    "odoo.addons.tourism_base.models.ir_actions_report.wkhtmltopdf_ignores_header_html"
)


def pdf_texts(pdf):
    """The text of each page of a PDF, whitespace normalised."""
    reader = PdfFileReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@tagged("post_install", "-at_install")
class TestReportHeader(HttpCase):
    """An avis des sommes à payer names the collectivity that issues it: the PDF
    carries the company's header (name, address) and footer line, on each
    record of a multi-record print, also with Debian's wkhtmltopdf built on
    unpatched Qt (it ignores --header-html/--footer-html, refuses several input
    documents and writes no outline). HttpCase: wkhtmltopdf loads the report's
    assets from the test server (web.base.url)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "street": "12 rue des Essais",
                "zip": "40500",
                "city": "Saint-Sever",
                "report_footer": "Régie des essais, service public administratif",
            }
        )
        cls.invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.env["res.partner"].create({"name": name}).id,
                    "invoice_line_ids": [
                        Command.create({"name": "Pack partenaire", "price_unit": 90.0})
                    ],
                }
                for name in ("Hôtel Premier Essai", "Gîte Second Essai")
            ]
        )
        cls.report = cls.env.ref("account.account_invoices")

    def assertHeaderFooter(self, text, partner):
        for expected in (
            self.company.name,
            "12 rue des Essais",
            "40500 Saint-Sever",
            "Régie des essais, service public administratif",
            partner.name,
        ):
            self.assertIn(expected, text)

    def test_pdf_header_footer_each_record(self):
        try:
            _get_wkhtmltopdf_bin()
        except OSError:
            self.skipTest("wkhtmltopdf is not installed: no PDF to read")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, report_type = Report._render_qweb_pdf(self.report, self.invoices[0].ids)
        self.assertEqual(report_type, "pdf")
        (text,) = pdf_texts(pdf)
        self.assertHeaderFooter(text, self.invoices[0].partner_id)
        # Several records: one document, split per record.
        pdf, report_type = Report._render_qweb_pdf(self.report, self.invoices.ids)
        pages = pdf_texts(pdf)
        self.assertEqual(len(pages), 2, "one page per avis")
        for text, invoice in zip(pages, self.invoices, strict=True):
            self.assertHeaderFooter(text, invoice.partner_id)
        # Split per record (account.move.send attaches each record's own PDF).
        streams = Report._render_qweb_pdf_prepare_streams(
            self.report, {}, res_ids=self.invoices.ids
        )
        for invoice, other in zip(self.invoices, self.invoices[::-1], strict=True):
            (text,) = pdf_texts(streams[invoice.id]["stream"].getvalue())
            self.assertHeaderFooter(text, invoice.partner_id)
            self.assertNotIn(other.partner_id.name, text)
        # A record of several pages (no outline to split on): still its own PDF,
        # the header on its first page, the footer line after its last line.
        long_invoice = self.invoices[1].copy(
            {
                "invoice_line_ids": [
                    Command.create({"name": f"Nuitée {i}", "price_unit": 1.0})
                    for i in range(45)
                ]
            }
        )
        streams = Report._render_qweb_pdf_prepare_streams(
            self.report, {}, res_ids=[self.invoices[0].id, long_invoice.id]
        )
        (text,) = pdf_texts(streams[self.invoices[0].id]["stream"].getvalue())
        self.assertHeaderFooter(text, self.invoices[0].partner_id)
        pages = pdf_texts(streams[long_invoice.id]["stream"].getvalue())
        self.assertGreater(len(pages), 1)
        self.assertHeaderFooter(" ".join(pages), long_invoice.partner_id)
        self.assertIn(self.company.name, pages[0])
        self.assertIn("Nuitée 44", pages[-1])
        self.assertIn("Régie des essais", pages[-1])

    def test_patched_qt_unchanged(self):
        """With a patched wkhtmltopdf Odoo's own header/footer files are kept."""
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(self.report, self.invoices[:1].ids)[0]
        paperformat = self.report.get_paperformat()
        with patch(DETECTION, return_value=False):
            bodies, _ids, header, footer, _args = self.report._prepare_html(
                html, report_model="account.move"
            )
            args = Report._build_wkhtmltopdf_args(paperformat, False)
        self.assertIn("12 rue des Essais", header)
        self.assertIn("Régie des essais", footer)
        self.assertNotIn("Régie des essais", bodies[0])
        self.assertEqual(
            args[args.index("--margin-top") + 1], str(paperformat.margin_top)
        )
        with patch(DETECTION, return_value=True):
            bodies, _ids, header, footer, _args = self.report._prepare_html(
                html, report_model="account.move"
            )
            args = Report._build_wkhtmltopdf_args(paperformat, False)
        self.assertIn("Régie des essais", bodies[0])
        self.assertNotIn("Régie des essais", footer)
        self.assertEqual(args[args.index("--margin-top") + 1], "10")
        self.assertNotIn("--header-spacing", args)
