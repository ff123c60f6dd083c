"""Read the stays of a registre du logeur from a CSV or XLSX file (no ORM).

One row per stay. Columns (header names in French or English, any order; unknown columns
are ignored): arrival / arrivee, departure / depart, persons / personnes, minors /
mineurs, seasonal / saisonniers, emergency / urgence, low_rent / loyer_modique,
price_per_night / prix_nuit, channel / canal (direct, or platform / plateforme),
platform_collected / taxe_collectee_plateforme (tax a platform collected at the
unclassified rate for a classified lodging: the host declares the difference).
Dates as 31/12/2026 or 2026-12-31.
"""

import csv
import io
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

COLUMNS = {
    "arrival": ("arrival", "arrivee", "date_arrivee"),
    "departure": ("departure", "depart", "date_depart"),
    "persons": ("persons", "personnes", "nb_personnes"),
    "exempt_minors": ("minors", "mineurs"),
    "exempt_seasonal": ("seasonal", "saisonniers"),
    "exempt_emergency": ("emergency", "urgence"),
    "exempt_low_rent": ("low_rent", "loyer_modique"),
    "price_per_night": ("price_per_night", "prix_nuit", "prix_par_nuit"),
    "channel": ("channel", "canal"),
    "platform_collected": (
        "platform_collected",
        "taxe_collectee_plateforme",
        "collecte_plateforme",
    ),
}
REQUIRED = ("arrival", "departure", "persons")
INTEGERS = (
    "persons",
    "exempt_minors",
    "exempt_seasonal",
    "exempt_emergency",
    "exempt_low_rent",
)
PLATFORM_WORDS = {"platform", "plateforme", "plateformes"}
MAX_ROWS = 20000


class ImportProblem(ValueError):
    """code: 'empty', 'format', 'missing_column', 'too_many_rows'."""

    def __init__(self, code, detail=""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def _key(text):
    text = (
        unicodedata.normalize("NFKD", str(text or ""))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def _read_rows(content, filename):
    if (filename or "").lower().endswith(".xlsx"):
        import openpyxl  # pylint: disable=import-outside-toplevel

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as error:  # openpyxl raises many kinds on a bad file
            raise ImportProblem("format", str(error)) from error
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", ";,\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _parse_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_int(value):
    if value in (None, ""):
        return 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if not re.fullmatch(r"\d+", text):
        raise ValueError(text)
    return int(text)


def _parse_amount(value):
    if value in (None, ""):
        return Decimal(0)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if amount < 0:
        raise ValueError(text)
    return amount


def read_table(content, filename, columns, required, max_rows=None):
    """[(line number, {field: raw cell})] of a CSV/XLSX file whose header names the
    columns ({field: accepted header names}); blank rows are skipped. Raises
    ImportProblem when the file is empty, too long or lacks a required column."""
    if not content:
        raise ImportProblem("empty")
    rows = [
        row
        for row in _read_rows(content, filename)
        if any(c not in (None, "") for c in row)
    ]
    if len(rows) < 2:
        raise ImportProblem("empty")
    if max_rows and len(rows) > max_rows + 1:
        raise ImportProblem("too_many_rows", str(max_rows))
    header = [_key(cell) for cell in rows[0]]
    index = {}
    for field, names in columns.items():
        for position, name in enumerate(header):
            if name in names:
                index[field] = position
                break
    missing = [field for field in required if field not in index]
    if missing:
        raise ImportProblem("missing_column", ", ".join(missing))
    return [
        (
            number,
            {
                field: row[position] if position < len(row) else None
                for field, position in index.items()
            },
        )
        for number, row in enumerate(rows[1:], start=2)
    ]


def parse_stays(content, filename=""):
    """(stays, errors): stays are dicts of stay values with their 'line' number (as in
    the file, header = line 1); errors are (line, field, value) for the bad cells.
    Raises ImportProblem when the file as a whole cannot be read."""
    table = read_table(content, filename, COLUMNS, REQUIRED, MAX_ROWS)
    stays, errors = [], []
    for number, cells in table:
        stay = {"line": number, "channel": "direct"}
        for field, value in cells.items():
            try:
                if field in ("arrival", "departure"):
                    stay[field] = _parse_date(value)
                elif field in INTEGERS:
                    stay[field] = _parse_int(value)
                elif field in ("price_per_night", "platform_collected"):
                    stay[field] = _parse_amount(value)
                elif field == "channel":
                    stay[field] = (
                        "platform" if _key(value) in PLATFORM_WORDS else "direct"
                    )
            except ValueError:
                errors.append((number, field, "" if value is None else str(value)))
        stays.append(stay)
    return stays, errors
