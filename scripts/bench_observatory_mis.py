"""Benchmark of the observatory's MIS Builder report (addon tourism_observatory_mis).

Works on an existing database where tourism_observatory_mis is installed with the
demo data (default ``tourisme_test``), in one transaction rolled back at the end.
Fabricates three years of data as scripts/bench_observatory.py does (its
``fabricate``: 300,000 contacts, 60,000 stays, 50,000 till orders by default), then
computes the report's instance *Observatoire : le mois et le cumul annuel face à
N-1* on the current month (six columns, every indicator), cold then warm, with its
SQL queries; then once MIS Builder's own way (one grouped read of the view per
query and column, ``--generic``), which the addon replaces by the observatory's
monthly sums. Times are wall-clock (time.perf_counter). From the project's root:

    .venv/bin/python scripts/bench_observatory_mis.py [--db tourisme_test]
        [--contacts 300000] [--stays 60000] [--orders 50000] [--generic]
"""

import argparse
import importlib.util
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "bench_observatory", ROOT / "scripts" / "bench_observatory.py"
)
obsbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(obsbench)
say = obsbench.say
INSTANCE = "tourism_observatory_mis.mis_report_instance_observatory"


def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark the observatory's MIS report."
    )
    obsbench.add_data_args(parser)
    parser.add_argument(
        "--generic", action="store_true", help="also time MIS Builder's own way"
    )
    args = parser.parse_args()
    args.record = 0  # fabricate() records no contact through the ORM here
    return obsbench.check_data_args(parser, args)


def compute(instance):
    env = instance.env
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    data = instance.compute()
    return time.perf_counter() - start, env.cr.sql_log_count - before, data


def benchmark(args, odoo):
    registry = odoo.modules.registry.Registry(args.db)
    results = []
    with closing(registry.cursor()) as cr:
        env = obsbench.director_env(cr, odoo)
        say("fabricating three years of data with SQL inserts")
        start = time.perf_counter()
        counts = obsbench.fabricate(env, args)
        results.append(
            f"{counts['tourism_welcome_contact']:,} contacts, "
            f"{counts['tourism_tax_stay']:,} stays, {counts['pos_order']:,} till "
            f"orders in the database ({time.perf_counter() - start:.0f} s to insert)"
        )
        instance = env.ref(INSTANCE)
        say("computing the MIS report")
        cold = compute(instance)
        warm = compute(instance)
        results.append(
            f"MIS report of the current month: {cold[0]:.2f} s cold, "
            f"{warm[0]:.2f} s warm, {warm[1]} SQL queries"
        )
        if args.generic:
            say("computing it MIS Builder's own way")
            generic = compute(
                instance.with_context(tourism_observatory_mis_generic=True)
            )
            results.append(
                f"the same, MIS Builder's own way (a grouped read of the view per "
                f"query and column): {generic[0]:.2f} s, {generic[1]} SQL queries"
            )
        cr.rollback()
    say("")
    for line in results:
        say(line)


def main():
    obsbench.welcomebench.taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
