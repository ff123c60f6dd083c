"""Tests of scripts/odoo_test_summary.py, the judge of every CI run."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))

from odoo_test_summary import parse, verdict  # noqa: E402

PREFIX = "2026-11-27 13:47:17,610 14940"
TESTS = "odoo.addons.tourism_base.tests"
RESULT = f"{PREFIX} ERROR db odoo.tests.result:"
GREEN = [
    f"{PREFIX} INFO db odoo.modules.loading: 80 modules loaded in 9.1s",
    f"{PREFIX} INFO db {TESTS}.test_access: Starting TestAccess.test_x ...",
    f"{PREFIX} INFO db odoo.tests.result: 0 failed, 0 error(s) of 29 tests when "
    "loading database 'db'",
]


class TestSummary(unittest.TestCase):
    def judge(self, lines, status=0):
        return verdict(parse(lines), status)

    def test_cases(self):
        failed_run = [
            f"{PREFIX} ERROR db {TESTS}.test_x: FAIL: TestX.test_a",
            f"{PREFIX} ERROR db {TESTS}.test_x: ERROR: TestX.test_b",
            f"{RESULT} 1 failed, 1 error(s) of 10 tests when " "loading database 'db'",
        ]
        tour_failed = [
            f"{PREFIX} ERROR db {TESTS}.test_ui.TestUi.test_t.browser: "
            "FAILED: [1/11] Tour x",
            f"{RESULT} 1 failed, 0 error(s) of 3 tests when " "loading database 'db'",
        ]
        skipped = (
            GREEN[:2]
            + [
                f"{PREFIX} INFO db {TESTS}.test_ui: skipped TestUi.test_t : "
                "Chrome not found",
            ]
            + GREEN[2:]
        )
        broken_view = [
            f"{PREFIX} ERROR db odoo.modules.registry: Failed to load registry",
            f"{PREFIX} CRITICAL db odoo.service.server: Failed to initialize database.",
        ]
        error_outside_tests = (
            GREEN[:2]
            + [
                f"{PREFIX} ERROR db odoo.addons.base.models.ir_cron: Call of x failed",
            ]
            + GREEN[2:]
        )
        cases = [
            # (name, lines, odoo exit status, passed, failed, ok)
            ("green", GREEN, 0, 29, 0, True),
            ("failures and errors", failed_run, 1, 8, 2, False),
            ("failed tour", tour_failed, 1, 2, 1, False),
            ("skipped browser test", skipped, 0, 28, 1, False),
            ("install crash", broken_view, 255, 0, 1, False),
            ("error in the log", error_outside_tests, 0, 29, 1, False),
            ("no test", GREEN[:2], 0, 0, 1, False),
            ("odoo failed without a failed test", GREEN, 1, 29, 1, False),
        ]
        for name, lines, status, passed, failed, ok in cases:
            with self.subTest(name):
                got_passed, got_failed, got_ok, _reasons = self.judge(lines, status)
                self.assertEqual((got_passed, got_failed, got_ok), (passed, failed, ok))


if __name__ == "__main__":
    unittest.main()
