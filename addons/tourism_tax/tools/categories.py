"""Which row of the legal tariff table (L2333-30) a lodging falls in (no ORM)."""

# Category codes, as in data/tourism_tax_category_data.xml.
PALACE = "palace"
STARS = {5: "stars_5", 4: "stars_4", 3: "stars_3", 2: "stars_2", 1: "stars_1"}
CAMPING_HIGH = "outdoor_3_5"
CAMPING_LOW = "outdoor_1_2"
UNCLASSIFIED = "unclassified"

# Natures of lodging (data/tourism_lodging_nature_data.xml).
HOTEL_LIKE = {"hotel", "residence", "furnished"}


def category_code(nature, stars=0, is_palace=False):
    """Tariff category of a lodging of `nature` holding `stars` (0: unclassified).

    The table groups natures: holiday villages 4-5 stars share the 2-star row, 1-3
    stars the 1-star row with guest rooms and hostels; campsites 1-2 stars,
    unclassified outdoor accommodation and marinas share the lowest single rate.
    """
    if stars not in range(0, 6):
        raise ValueError(f"stars must be 0 to 5, not {stars!r}")
    if nature in HOTEL_LIKE:
        if is_palace and nature == "hotel":
            return PALACE
        return STARS.get(stars, UNCLASSIFIED)
    if nature == "holiday_village":
        if not stars:
            return UNCLASSIFIED
        return STARS[2] if stars >= 4 else STARS[1]
    if nature in ("guest_room", "hostel"):
        return STARS[1]
    if nature == "campsite":
        return CAMPING_HIGH if stars >= 3 else CAMPING_LOW
    if nature == "motorhome_area":
        return CAMPING_HIGH
    if nature == "marina":
        return CAMPING_LOW
    return UNCLASSIFIED


def is_outdoor(nature):
    """Plein air: may be taxed au forfait even when unclassified (L2333-26)."""
    return nature in ("campsite", "motorhome_area", "marina")


def regime(nature, category, flat_rate_natures):
    """ "flat" or "real" for a lodging of `nature` in tariff `category` (a code):
    the deliberation sets the regime of each nature of lodging (L2333-26: one
    regime per nature), but an unclassified lodging other than plein air is
    always taxed au réel (L2333-26, second paragraph, as amended by LFI 2019)."""
    if category == UNCLASSIFIED and not is_outdoor(nature):
        return "real"
    return "flat" if nature in flat_rate_natures else "real"
