"""Read a platform's statement (CSV) of the tourist tax it collected (no ORM).

Columns (French or English headers, any order): listing / annonce (reference),
address / adresse, city / commune, zip / code_postal,
registration / numero_enregistrement,
arrival / arrivee, departure / depart, nights / nuitees, persons / personnes,
tax / taxe_collectee (amount collected).
"""

from decimal import Decimal

from .stay_import import (
    ImportProblem,
    _key,
    _parse_amount,
    _parse_date,
    _parse_int,
    _read_rows,
)

COLUMNS = {
    "listing_ref": ("listing", "annonce", "reference", "listing_reference"),
    "street": ("address", "adresse"),
    "city": ("city", "commune", "ville"),
    "zip": ("zip", "code_postal", "cp"),
    "registration_number": (
        "registration",
        "registration_number",
        "numero_enregistrement",
    ),
    "arrival": ("arrival", "arrivee"),
    "departure": ("departure", "depart"),
    "nights": ("nights", "nuitees", "nuits"),
    "persons": ("persons", "personnes"),
    "tax_collected": ("tax", "tax_collected", "taxe", "taxe_collectee"),
}
REQUIRED = ("listing_ref", "tax_collected")


def parse_remittance(content, filename=""):
    """(lines, errors) as parse_stays; ImportProblem for an unreadable file."""
    if not content:
        raise ImportProblem("empty")
    rows = [
        r for r in _read_rows(content, filename) if any(c not in (None, "") for c in r)
    ]
    if len(rows) < 2:
        raise ImportProblem("empty")
    header = [_key(cell) for cell in rows[0]]
    index = {}
    for field, names in COLUMNS.items():
        for position, name in enumerate(header):
            if name in names:
                index[field] = position
                break
    missing = [field for field in REQUIRED if field not in index]
    if missing:
        raise ImportProblem("missing_column", ", ".join(missing))
    lines, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        line = {"line": number}
        for field, position in index.items():
            value = row[position] if position < len(row) else None
            try:
                if field in ("arrival", "departure"):
                    line[field] = (
                        _parse_date(value) if value not in (None, "") else None
                    )
                elif field in ("nights", "persons"):
                    line[field] = _parse_int(value)
                elif field == "tax_collected":
                    line[field] = _parse_amount(value)
                else:
                    line[field] = str(value or "").strip()
            except ValueError:
                errors.append((number, field, "" if value is None else str(value)))
        lines.append(line)
    return lines, errors


def total_collected(lines):
    return sum((line.get("tax_collected") or Decimal(0) for line in lines), Decimal(0))
