# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PDF reports keep their header and footer with a wkhtmltopdf on unpatched Qt.

Odoo renders each record's ``div.header`` / ``div.footer`` into separate files
passed with ``--header-html`` / ``--footer-html``. Debian's wkhtmltopdf 0.12.6 is
built on unpatched Qt and ignores those switches: every avis des sommes à
payer, quittance or attestation came out without the name and address of the
issuing collectivity, without its footer line, under a blank band (the margin
reserved for the header). With such a binary, each record's header is put at
the top of its ``div.article`` and its footer at the end of it, so both print
inside the page, once per record, and the margins reserved for the separate
header and footer are reduced.

The same binary refuses more than one input document ("does not support more
than one input document": an empty PDF, so printing several records failed)
and writes no PDF outline, which Odoo uses to split a multi-record PDF per
record. The records' pages are therefore printed as one document, with a page
break between records; when a record spans several pages it is printed alone,
so that each record still gets its own PDF (account.move.send's batches).

With a patched binary (the Docker image's wkhtmltox) nothing changes.
"""

import functools
import logging
import subprocess

import lxml.html
from lxml import etree

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

#: Top and bottom page margin (mm) with an unpatched Qt: the header and footer
#: now print inside the page, so only a printable border is kept (Odoo's own
#: side margins of reports are 11 mm, the header's CSS padding included).
UNPATCHED_QT_PAGE_MARGIN_MM = 10


def _has_class(klass):
    """Odoo's own XPath test for the classes it extracts (_prepare_html)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {klass} ')"


# Elements whose text only wkhtmltopdf's header/footer substitution fills in.
_PAGE_COUNTER_CLASSES = ("page", "topage", "sitepage", "sitepages")


@functools.cache
def wkhtmltopdf_ignores_header_html():
    """Whether the wkhtmltopdf binary is built on unpatched Qt (it then ignores
    ``--header-html`` and ``--footer-html``); asked once per process.

    False when there is no binary: Odoo reports that itself."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    unpatched = bool(version) and "patched qt" not in version
    if unpatched:
        _logger.info(
            "wkhtmltopdf has unpatched Qt: report headers and footers are printed "
            "inside each record's page"
        )
    return unpatched


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _prepare_html(self, html, report_model=False):
        if wkhtmltopdf_ignores_header_html():
            html = self._tourism_inline_header_footer(html)
        return super()._prepare_html(html, report_model=report_model)

    @api.model
    def _tourism_inline_header_footer(self, html):
        """Return ``html`` with each record's header moved to the top of its
        article and its footer to the end of it.

        The external layouts (web.external_layout_*) render, per record, the
        siblings ``div.header``, ``div.article``, ``div.footer``. The moved
        elements become ``<section>``: they keep their classes, hence the
        layout's CSS, but Odoo's extraction (which takes ``div`` elements with
        these classes) leaves them in the article. A header or footer not next
        to an article is left to Odoo."""
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
        is_article = _has_class("article")
        moved = False
        for header in root.xpath(f"//div[{_has_class('header')}]"):
            article = header.xpath(f"following-sibling::*[1][self::div][{is_article}]")
            if article:
                header.tag = "section"
                article[0].insert(0, header)
                moved = True
        for footer in root.xpath(f"//div[{_has_class('footer')}]"):
            article = footer.xpath(f"preceding-sibling::*[1][self::div][{is_article}]")
            if article:
                footer.tag = "section"
                article[0].append(footer)
                self._tourism_drop_page_counters(footer)
                moved = True
        if not moved:
            return html
        return lxml.html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")

    @api.model
    def _tourism_drop_page_counters(self, footer):
        """Remove "Page x / y" from a footer printed inside the page: only
        wkhtmltopdf's header/footer pages fill these numbers in."""
        counter_xpath = " or ".join(
            _has_class(klass) for klass in _PAGE_COUNTER_CLASSES
        )
        for counter in footer.xpath(f".//span[{counter_xpath}]"):
            parent = counter.getparent()
            if parent is None:
                continue
            # The element holding only counters ("Page <span/> / <span/>") goes
            # as a whole; otherwise just the empty counter.
            others = [
                child
                for child in parent.iterdescendants()
                if not child.xpath(f"self::*[{counter_xpath}]")
            ]
            if others or parent is footer:
                counter.drop_tree()  # keeps the text that follows it
            elif parent.getparent() is not None:
                parent.drop_tree()

    @api.model
    def _build_wkhtmltopdf_args(
        self,
        paperformat_id,
        landscape,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        args = super()._build_wkhtmltopdf_args(
            paperformat_id,
            landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
        if not wkhtmltopdf_ignores_header_html():
            return args
        # The top and bottom margins were reserved for the separate header and
        # footer pages; the header spacing and line belong to them.
        result = []
        items = iter(args)
        for arg in items:
            if arg in ("--margin-top", "--margin-bottom"):
                value = next(items)
                try:
                    value = str(min(float(value), UNPATCHED_QT_PAGE_MARGIN_MM))
                except ValueError:
                    _logger.warning("Report margin %r is not a number: kept", value)
                result += [arg, value]
            elif arg == "--header-spacing":
                next(items)
            elif arg != "--header-line":
                result.append(arg)
        return result

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        # Odoo adds the whole PDF under False when it could not split it per
        # record: without an outline, when one of the records spans several pages.
        if (
            not wkhtmltopdf_ignores_header_html()
            or not res_ids
            or len(set(res_ids)) != len(res_ids)
            or False not in streams
        ):
            return streams
        missing = [
            res_id for res_id in res_ids if not streams.get(res_id, {}).get("stream")
        ]
        if not missing:
            return streams
        # Print each such record alone, so that each still gets its own PDF.
        by_record = {}
        for res_id in res_ids:
            if res_id in missing:
                single = super()._render_qweb_pdf_prepare_streams(
                    report_ref, data, res_ids=[res_id]
                )
                if single.get(res_id):
                    by_record[res_id] = single[res_id]
            else:
                by_record[res_id] = streams[res_id]
        for key, stream in streams.items():
            if key not in by_record and stream.get("stream"):
                stream["stream"].close()
        return by_record

    @api.model
    def _tourism_join_bodies(self, bodies):
        """One HTML document holding every body, each on new pages."""
        documents = [lxml.html.document_fromstring(str(body)) for body in bodies]
        first = documents[0].body
        for document in documents[1:]:
            etree.SubElement(first, "div", style="page-break-before: always;")
            first.extend(list(document.body))
        return lxml.html.tostring(
            documents[0], encoding="unicode", doctype="<!DOCTYPE html>"
        )

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        if wkhtmltopdf_ignores_header_html():
            # The binary would only warn that it ignores them.
            header = footer = None
            if len(bodies) > 1:
                bodies = [self._tourism_join_bodies(bodies)]
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
