"""Read an Odoo test log and print the project's closing line "N passed, N failed".

Usage: odoo_test_summary.py LOGFILE ODOO_EXIT_STATUS
Exit status 0 only when every test passed, none was skipped (a skipped browser test
means chromium or websocket-client is missing), the log has no ERROR/CRITICAL line of
its own (a broken view, a failed install) and Odoo itself exited with 0.
"""

import re
import sys
from dataclasses import dataclass, field

RESULT_RE = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)
SKIP_RE = re.compile(r" INFO \S+ odoo\.addons\.[\w.]+: skipped (\S+)")
LEVEL_RE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
# Lines Odoo writes about a failed test: already counted in the result line.
TEST_FAILURE_RE = re.compile(
    r"odoo\.tests\.result|: (FAIL|ERROR): |\.browser: |odoo\.tests\."
)


@dataclass
class Summary:
    total: int = 0
    failures: int = 0
    errors: int = 0
    skipped: list = field(default_factory=list)
    log_errors: list = field(default_factory=list)
    has_result: bool = False

    @property
    def failed(self):
        return self.failures + self.errors + len(self.skipped)

    @property
    def passed(self):
        return self.total - self.failed


def parse(lines):
    summary = Summary()
    for line in lines:
        match = RESULT_RE.search(line)
        if match:
            summary.failures, summary.errors, summary.total = map(int, match.groups())
            summary.has_result = True
            continue
        match = SKIP_RE.search(line)
        if match:
            summary.skipped.append(match.group(1))
            continue
        if LEVEL_RE.match(line) and not TEST_FAILURE_RE.search(line):
            summary.log_errors.append(line.rstrip())
    return summary


def verdict(summary, odoo_status):
    """(passed, failed, ok, reasons)."""
    reasons = []
    failed = summary.failed
    if summary.skipped:
        reasons.append(
            "Skipped tests count as failed (browser tests need chromium and "
            "websocket-client): " + ", ".join(summary.skipped)
        )
    if summary.log_errors:
        reasons.append(
            f"The log has {len(summary.log_errors)} ERROR line(s) outside tests:"
        )
        reasons.extend(summary.log_errors[:20])
    if not summary.has_result or summary.total == 0:
        reasons.append("No test ran.")
    if odoo_status != 0:
        reasons.append(f"Odoo exited with status {odoo_status}.")
    ok = not reasons and failed == 0
    if not ok and failed == 0:
        failed = 1  # a crash or an error in the log: never report a green line
    return max(summary.passed, 0), failed, ok, reasons


def main(argv):
    log_file, odoo_status = argv[1], int(argv[2])
    with open(log_file, encoding="utf-8", errors="replace") as handle:
        summary = parse(handle)
    passed, failed, ok, reasons = verdict(summary, odoo_status)
    for reason in reasons:
        print(reason)
    print(f"{passed} passed, {failed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
