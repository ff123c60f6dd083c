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
import zipfile
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
# A file is bounded before it is parsed, then read row by row: a small file must
# not make the server read millions of cells (a 5 KB XLSX can declare 12 million).
MAX_ROWS = 20000
MAX_BYTES = 10 * 1024 * 1024  # the file as sent
MAX_XLSX_BYTES = 100 * 1024 * 1024  # its parts once unzipped
MAX_COLUMNS = 50  # columns read; the register has about ten
MAX_BLANK_ROWS = 1000  # blank rows tolerated among the rows
# Whole numbers and amounts a stay can hold (SQL integers; amounts in euros).
MAX_INT = 2**31 - 1
MAX_AMOUNT = Decimal(10**9)


class ImportProblem(ValueError):
    """code: 'empty', 'format', 'encoding', 'too_large', 'missing_column',
    'too_many_rows'."""

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


def _xlsx_rows(content, max_rows):
    """The rows of the first sheet, one at a time, at most `max_rows` of them
    (ImportProblem beyond): the declared size is checked before any row is read,
    and rows are read as they come (rows beyond the declared size too, rather than
    dropped silently), never more than MAX_COLUMNS cells each."""
    import openpyxl  # pylint: disable=import-outside-toplevel

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportProblem("format", str(error)) from error
    if unzipped > MAX_XLSX_BYTES:
        raise ImportProblem("too_large")
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
        sheet = book.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds on a bad file
        raise ImportProblem("format", str(error)) from error
    if (sheet.max_row or 0) > max_rows:
        raise ImportProblem("too_many_rows")
    sheet.reset_dimensions()  # the declared size may be wrong: read what is there
    try:
        for count, row in enumerate(
            sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), 1
        ):
            if count > max_rows:
                raise ImportProblem("too_many_rows")
            yield list(row)
    except ImportProblem:
        raise
    except Exception as error:  # a broken sheet part
        raise ImportProblem("format", str(error)) from error
    finally:
        book.close()


def _csv_rows(content, max_rows):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportProblem("encoding")
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", ";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        for count, row in enumerate(csv.reader(io.StringIO(text), dialect), 1):
            if count > max_rows:
                raise ImportProblem("too_many_rows")
            yield row[:MAX_COLUMNS]
    except csv.Error as error:
        raise ImportProblem("format", str(error)) from error


def _read_rows(content, filename, max_rows=MAX_ROWS):
    """The file's rows, header first, at most `max_rows` (blank ones included)."""
    if len(content) > MAX_BYTES:
        raise ImportProblem("too_large")
    if (filename or "").lower().endswith(".xlsx"):
        return _xlsx_rows(content, max_rows)
    return _csv_rows(content, max_rows)


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
    """A whole number from 0 to MAX_INT (what the database holds)."""
    if value in (None, ""):
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"\d{1,10}", text):
            raise ValueError(text)
        number = int(text)
    if not 0 <= number <= MAX_INT:
        raise ValueError(str(value))
    return number


def _parse_amount(value):
    """A finite amount from 0 to MAX_AMOUNT (never NaN nor infinity)."""
    if value in (None, ""):
        return Decimal(0)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not amount.is_finite() or not 0 <= amount <= MAX_AMOUNT:
        raise ValueError(text)
    return amount


def read_table(content, filename, columns, required, max_rows=None):
    """[(line number, {field: raw cell})] of a CSV/XLSX file whose header names the
    columns ({field: accepted header names}); blank rows are skipped. Raises
    ImportProblem when the file is empty, too long or lacks a required column."""
    if not content:
        raise ImportProblem("empty")
    limit = (max_rows or MAX_ROWS) + 1  # and the header
    rows, blank = [], 0
    for row in _read_rows(content, filename, limit + MAX_BLANK_ROWS):
        if any(c not in (None, "") for c in row):
            rows.append(row)
        else:
            blank += 1
        if len(rows) > limit or blank > MAX_BLANK_ROWS:
            raise ImportProblem("too_many_rows", str(limit - 1))
    if len(rows) < 2:
        raise ImportProblem("empty")
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
