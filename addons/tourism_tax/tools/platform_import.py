"""Read a platform's statement (CSV) of the tourist tax it collected (no ORM).

Columns (French or English headers, any order): listing / annonce (reference),
address / adresse, city / commune, zip / code_postal,
registration / numero_enregistrement,
arrival / arrivee, departure / depart, nights / nuitees, persons / personnes,
tax / taxe_collectee (amount collected).
"""

from .stay_import import (
    _parse_amount,
    _parse_date,
    _parse_int,
    read_table,
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
    table = read_table(content, filename, COLUMNS, REQUIRED)
    lines, errors = [], []
    for number, cells in table:
        line = {"line": number}
        for field, value in cells.items():
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
