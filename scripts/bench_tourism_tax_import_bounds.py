"""How fast and how frugally the stay register import refuses hostile files.

Builds, in memory, small XLSX registers that lie about their size (a 5 KB file
whose sheet declares 12 million cells; a file with one row at line 12,000,000
beyond its declared size; a plain good register), parses each with
tourism_tax's parser (tools/stay_import.py, no database) and prints, for each,
its size, the outcome, the wall-clock time and the peak memory the parsing
allocated (tracemalloc). Target (issue 13): refused in well under a second,
without using memory.

Usage: .venv/bin/python scripts/bench_tourism_tax_import_bounds.py
"""

import importlib.util
import pathlib
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "stay_import", ROOT / "addons/tourism_tax/tools/stay_import.py"
)
stay_import = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stay_import)


_samples_spec = importlib.util.spec_from_file_location(
    "xlsx_samples", ROOT / "addons/tourism_tax/tests/xlsx_samples.py"
)
xlsx_samples = importlib.util.module_from_spec(_samples_spec)
_samples_spec.loader.exec_module(xlsx_samples)
crafted_xlsx = xlsx_samples.crafted_xlsx


CASES = (
    ("declares 12 million cells (A1:L1000000)", crafted_xlsx("A1:L1000000")),
    (
        "a row at line 12,000,000, beyond its declared A1:C2",
        crafted_xlsx("A1:C2", '<row r="12000000"><c r="A12000000"><v>1</v></c></row>'),
    ),
    ("a good register of one stay", crafted_xlsx()),
)


def parse(content):
    try:
        stays, errors = stay_import.parse_stays(content, "registre.xlsx")
        return f"{len(stays)} stay(s), {len(errors)} err"
    except stay_import.ImportProblem as problem:
        return f"refused: {problem.code}"


def main():
    """Time (best of 3, without tracing) and peak memory (a traced run) of each."""
    print(f"{'file':55} {'bytes':>6} {'outcome':>20} {'ms':>7} {'peak KB':>8}")
    for label, content in CASES:
        times = []
        for _run in range(3):
            start = time.perf_counter()
            outcome = parse(content)
            times.append((time.perf_counter() - start) * 1000)
        tracemalloc.start()
        parse(content)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"{label:55} {len(content):>6} {outcome:>20} {min(times):>7.1f} "
            f"{peak // 1024:>8}"
        )


if __name__ == "__main__":
    main()
