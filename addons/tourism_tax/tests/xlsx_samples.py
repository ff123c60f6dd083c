# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile stay registers built in memory (plain Python, no ORM): shared by the
portal tests and scripts/bench_tourism_tax_import_bounds.py."""

import io
import re
import zipfile

import openpyxl


def crafted_xlsx(dimension=None, extra_row=""):
    """A small register whose sheet declares `dimension` and holds `extra_row`
    (raw XML) after its rows: what a hand-made or hostile file can say."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["arrivee", "depart", "personnes"])
    sheet.append(["12/07/2026", "15/07/2026", 2])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                if dimension:
                    xml = re.sub(
                        r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', xml
                    )
                data = xml.replace("</sheetData>", extra_row + "</sheetData>").encode()
            target.writestr(info, data)
    return output.getvalue()
