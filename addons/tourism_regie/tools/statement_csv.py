# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Read a treasury (DFT) statement exported as CSV, no ORM.

The comptable's exports differ: ';' or ',' separated, French or dotted decimals,
dates as 31/07/2026 or 2026-07-31, one signed amount column or debit and credit
columns. Headers are matched by name (French or English).
"""

import csv
import datetime
import io
from decimal import Decimal, InvalidOperation

from .regie_maths import to_money

HEADERS = {
    "date": ("date", "date opération", "date operation", "date de valeur"),
    "label": ("libellé", "libelle", "label", "description", "intitulé"),
    "ref": ("référence", "reference", "ref", "réf"),
    "amount": ("montant", "amount"),
    "debit": ("débit", "debit"),
    "credit": ("crédit", "credit"),
}


class StatementError(ValueError):
    """Bad file: ``line`` is the 1-based line of the file (0: the header)."""

    def __init__(self, message, line=0):
        super().__init__(message)
        self.line = line


def parse_amount(text):
    text = (text or "").strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    if not text:
        return Decimal("0.00")
    if "," in text and "." in text:
        text = text.replace(".", "")  # 1.234,56
    text = text.replace(",", ".")
    try:
        return to_money(Decimal(text))
    except (InvalidOperation, ValueError) as exc:
        raise StatementError(f"'{text}' is not an amount.") from exc


def parse_date(text):
    text = (text or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise StatementError(f"'{text}' is not a date.")


def parse_statement_csv(content):
    """Lines of the statement: list of dicts date, label, ref, amount (Decimal,
    positive for money received). ``content``: str or UTF-8 bytes."""
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig")
    sample = content[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise StatementError("The file is empty.")
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {}
    for key, names in HEADERS.items():
        for index, name in enumerate(header):
            if name in names:
                columns[key] = index
                break
    if "date" not in columns or "label" not in columns:
        raise StatementError("The file needs a date and a label column.")
    if "amount" not in columns and not ("debit" in columns or "credit" in columns):
        raise StatementError("The file needs an amount, or debit and credit columns.")
    result = []
    for number, row in enumerate(rows[1:], start=2):

        def cell(key, row=row):
            index = columns.get(key)
            return row[index] if index is not None and index < len(row) else ""

        try:
            if "amount" in columns:
                amount = parse_amount(cell("amount"))
            else:
                amount = parse_amount(cell("credit")) - parse_amount(cell("debit"))
            result.append(
                {
                    "date": parse_date(cell("date")),
                    "label": cell("label").strip(),
                    "ref": cell("ref").strip() or None,
                    "amount": amount,
                }
            )
        except StatementError as exc:
            raise StatementError(str(exc), number) from exc
    return result
