"""Checks of French identifiers used by the directory (no ORM: plain functions)."""

import re

from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

INSEE_CODE_RE = re.compile(r"^(\d{2}|2[AB])\d{3}$")


def compact(value):
    """Remove the spaces, dots and dashes people type in SIRET and SIREN numbers."""
    return re.sub(r"[\s.\-]", "", value or "")


def is_valid_siret(value):
    """14 digits whose Luhn checksum holds (La Poste's establishments have their
    own rule, which python-stdnum knows)."""
    return stdnum_siret.is_valid(compact(value))


def is_valid_siren(value):
    """9 digits whose Luhn checksum holds."""
    return stdnum_siren.is_valid(compact(value))


def is_valid_insee_code(value):
    """Official geographic code of a commune: département (2 digits, or 2A/2B
    for Corsica) followed by 3 digits. Overseas communes (971xx…) fit the same shape."""
    return bool(INSEE_CODE_RE.match(value or ""))
