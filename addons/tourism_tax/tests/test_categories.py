# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.categories import category_code, is_outdoor
from ..tools.registration import check_registration_number


@tagged("post_install", "-at_install")
class TestCategories(BaseCase):
    def test_category_code(self):
        cases = [
            # nature, stars, palace, expected row of L2333-30
            ("hotel", 0, True, "palace"),
            ("hotel", 5, False, "stars_5"),
            ("residence", 4, False, "stars_4"),
            ("furnished", 3, False, "stars_3"),
            ("hotel", 2, False, "stars_2"),
            ("furnished", 1, False, "stars_1"),
            ("furnished", 0, False, "unclassified"),
            ("residence", 0, True, "unclassified"),  # palace is for hotels only
            ("holiday_village", 5, False, "stars_2"),
            ("holiday_village", 4, False, "stars_2"),
            ("holiday_village", 3, False, "stars_1"),
            ("holiday_village", 1, False, "stars_1"),
            ("holiday_village", 0, False, "unclassified"),
            ("guest_room", 0, False, "stars_1"),
            ("hostel", 0, False, "stars_1"),
            ("campsite", 5, False, "outdoor_3_5"),
            ("campsite", 3, False, "outdoor_3_5"),
            ("campsite", 2, False, "outdoor_1_2"),
            ("campsite", 0, False, "outdoor_1_2"),  # equivalent outdoor lodging
            ("motorhome_area", 0, False, "outdoor_3_5"),
            ("marina", 0, False, "outdoor_1_2"),
            ("other", 0, False, "unclassified"),
        ]
        for nature, stars, palace, expected in cases:
            with self.subTest(nature=nature, stars=stars, palace=palace):
                self.assertEqual(category_code(nature, stars, palace), expected)
        with self.assertRaises(ValueError):
            category_code("hotel", 6)

    def test_is_outdoor(self):
        for nature, expected in (
            ("campsite", True),
            ("motorhome_area", True),
            ("marina", True),
            ("hotel", False),
            ("furnished", False),
        ):
            with self.subTest(nature=nature):
                self.assertEqual(is_outdoor(nature), expected)

    def test_registration_number(self):
        cases = [
            ("40282000123AB", "40282", None),
            ("40282 000123 AB", "40282", None),  # spaces typed by people
            ("40282000123ab", "40282", None),  # lower case key
            ("2A004000123X1", "2A004", None),  # Corsica
            ("40282000123AB", "40119", "commune"),  # another commune's number
            ("40282000123A", "40282", "format"),  # 12 characters
            ("40282000123ABC", "40282", "format"),
            ("4028200012AAB", "40282", "format"),  # letter among the digits
            ("", "40282", "format"),
            ("40282000123AB", None, None),  # commune unknown: format only
        ]
        for number, insee, expected in cases:
            with self.subTest(number=number, insee=insee):
                self.assertEqual(check_registration_number(number, insee), expected)
