# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Text written into spreadsheets (XLSX, CSV) stays text.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is read as a formula by
spreadsheet programs: a host's name or a guest's note could then run a formula
on the office's computer (CSV/formula injection, OWASP). Pure functions, no ORM.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# For xlsxwriter (and report_xlsx's get_workbook_options): strings are never
# turned into formulas or numbers; numbers are written as numbers by the caller.
XLSX_WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False}


def safe_cell(value):
    """The value to write in a CSV cell: text that a spreadsheet would take for a
    formula gets a leading apostrophe; numbers and empty values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
