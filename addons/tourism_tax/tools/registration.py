"""Registration number of a furnished tourist let (meublé de tourisme), no ORM.

13 characters: the INSEE code of the commune (5), 6 digits, a 2-character key
(décret 2017-678).
"""

import re

REGISTRATION_RE = re.compile(r"^(?P<insee>\d{5}|2[AB]\d{3})\d{6}[0-9A-Z]{2}$")


def normalize(value):
    return re.sub(r"[\s.\-]", "", value or "").upper()


def check_registration_number(value, insee_code=None):
    """None when valid, else a short problem code: 'format' or 'commune'."""
    match = REGISTRATION_RE.match(normalize(value))
    if not match:
        return "format"
    if insee_code and match.group("insee") != insee_code:
        return "commune"
    return None
