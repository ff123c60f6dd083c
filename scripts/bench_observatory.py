"""Benchmark of the observatory (addon tourism_observatory).

Works on an existing database where tourism_observatory is installed with its demo
data, by default the development test database ``tourisme_test``. Everything
happens in one transaction rolled back at the end: the database is left as it was.
Measures:

(a) recording N contacts (default 100,000) through the ORM, 1,000 per create(), as
    scripts/bench_tourism_welcome.py does (skip with --record 0);
(b) fabricating three years of data with SQL inserts (copies of the demo's rows
    with their dates spread over the current year and the two before): 300,000
    visitor contacts in all (with their themes), 6,000 tax declarations with
    60,000 stays (10 per declaration), 50,000 paid till orders of two lines;
    then ANALYZE, as the nightly autovacuum would;
(c) opening the dashboard: creating tourism.observatory.dashboard for the current
    month and computing its table (every indicator, month N and N-1, year to date,
    whole years), cold then warm, with its SQL queries; and the annual report's
    figures (the same query) and open data file of a year;
(d) with --explain, the plans PostgreSQL runs (EXPLAIN ANALYZE) for the dashboard's
    query and for one month's nights read from the analysis view: how each source
    is scanned within the dates.

Times are wall-clock (time.perf_counter). The project's PostgreSQL cluster must be
running (scripts/setup.sh). From the project's root:

    .venv/bin/python scripts/bench_observatory.py [--db tourisme_test]
        [--record 100000] [--contacts 300000] [--stays 60000] [--orders 50000]
        [--explain]

The counts are totals: the demo's own rows count in them (its history holds a
few thousand contacts and about 1,300 real till orders).
"""

import argparse
import importlib.util
import time
from contextlib import closing
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_welcome", ROOT / "scripts" / "bench_tourism_welcome.py"
)
welcomebench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(welcomebench)
say = welcomebench.say
BATCH = 1000


def add_data_args(parser):
    """The database and the three years' sizes (shared with bench_observatory_mis)."""
    parser.add_argument("--db", default="tourisme_test", help="default tourisme_test")
    parser.add_argument("--contacts", type=int, default=300_000, help="default 300000")
    parser.add_argument("--stays", type=int, default=60_000, help="default 60000")
    parser.add_argument("--orders", type=int, default=50_000, help="default 50000")


def check_data_args(parser, args):
    if min(args.contacts, args.stays, args.orders) < 1 or args.record < 0:
        parser.error("the counts must be positive")
    return args


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark the observatory.")
    add_data_args(parser)
    parser.add_argument("--record", type=int, default=100_000, help="default 100000")
    parser.add_argument(
        "--explain", action="store_true", help="print the dashboard query's plan"
    )
    return check_data_args(parser, parser.parse_args())


def columns(cr, table, skip):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cr.fetchall() if name not in skip]


def copy_rows(cr, table, source_id, count, overrides):
    """INSERT count copies of one row, with some columns set by SQL expressions
    of ``n`` (1..count); returns the new ids in order."""
    existing = set(columns(cr, table, set()))
    overrides = {k: v for k, v in overrides.items() if k in existing}
    names = columns(cr, table, {"id", *overrides})
    target = ", ".join(names + list(overrides))
    # The expressions' modulo signs are not query parameters.
    select = ", ".join(
        [f"t.{name}" for name in names]
        + [expr.replace("%", "%%") for expr in overrides.values()]
    )
    cr.execute(
        f"INSERT INTO {table} ({target}) SELECT {select} "  # noqa: S608
        f"FROM {table} t, generate_series(1, %s) AS n WHERE t.id = %s "
        "ORDER BY n RETURNING id",
        [count, source_id],
    )
    return [row[0] for row in cr.fetchall()]


def spread(days=3 * 365):
    """A date within the current year and the two before, from n."""
    start = date(date.today().year - 2, 1, 1)
    return f"(DATE '{start}' + ((n::bigint * 7919) % {days})::int)"


def fabricate(env, args):
    cr = env.cr
    # Contacts: copies of the demo's, spread over three years and the four points.
    cr.execute("SELECT count(*), max(id) FROM tourism_welcome_contact")
    existing, source = cr.fetchone()
    missing = max(args.contacts - existing, 0)
    bits = env["tourism.bit"].search([]).ids
    themes = env["tourism.welcome.theme"].search([]).ids
    ids = copy_rows(
        cr,
        "tourism_welcome_contact",
        source,
        missing,
        {
            "date": f"{spread()} + TIME '10:00' + (n % 480) * INTERVAL '1 minute'",
            "bit_id": f"(ARRAY{bits})[1 + n % {len(bits)}]",
            "people": "1 + n % 4",
        },
    )
    cr.execute(
        "INSERT INTO tourism_welcome_contact_tourism_welcome_theme_rel "
        "SELECT c, (%s::int[])[1 + c %% %s] FROM unnest(%s::int[]) AS c",
        [themes, len(themes), ids],
    )
    # Declarations (10 stays each), copies of a submitted demo declaration.
    declaration = env["tourism.tax.declaration"].search(
        [("state", "in", ("submitted", "invoiced", "paid")), ("stay_ids", "!=", False)],
        limit=1,
    )
    count = args.stays // 10
    # One declaration per period and lodging: as many lodgings as declarations.
    lodgings = copy_rows(
        cr,
        "tourism_lodging",
        declaration.lodging_id.id,
        count,
        {"name": "'Bench ' || n", "registration_number": "NULL"},
    )
    declarations = copy_rows(
        cr,
        "tourism_tax_declaration",
        declaration.id,
        count,
        {
            "lodging_id": f"(ARRAY{lodgings})[n]",
            "date_from": spread(),
            "name": "'BENCH-' || n",
            "invoice_id": "NULL",
            "access_token": "NULL",
        },
    )
    cr.execute(
        "CREATE TEMP TABLE bench_declarations AS "
        "SELECT row_number() OVER () AS n, d AS id FROM unnest(%s::int[]) AS d",
        [declarations],
    )
    stay = declaration.stay_ids[0]
    names = columns(cr, "tourism_tax_stay", {"id", "declaration_id", "arrival"})
    # Each stay arrives within its declaration's month (the observatory counts a
    # stay in the month of its arrival); the departure keeps the stay's length.
    select = [
        f"s.{name}"
        if name != "departure"
        else "td.date_from + mod(g, 28) + (s.departure - s.arrival)"
        for name in names
    ]
    cr.execute(
        f"INSERT INTO tourism_tax_stay (declaration_id, arrival, {', '.join(names)}) "  # noqa: S608
        f"SELECT d.id, td.date_from + mod(g, 28), {', '.join(select)} "
        "FROM tourism_tax_stay s, bench_declarations d "
        "JOIN tourism_tax_declaration td ON td.id = d.id, generate_series(1, 10) g "
        "WHERE s.id = %s",
        [stay.id],
    )
    # Till orders: one real paid order at the first till, then copies.
    config = env["pos.config"].search([("tourism_bit_id", "!=", False)], limit=1)
    config.open_ui()
    session = config.current_session_id
    products = env["product.product"].search(
        [("available_in_pos", "=", True), ("tourism_mandate_id", "=", False)], limit=2
    )
    order = env["pos.order"].create(
        {
            "session_id": session.id,
            "lines": [
                (
                    0,
                    0,
                    {
                        "product_id": product.id,
                        "qty": 1,
                        "price_unit": 10.0,
                        "price_subtotal": 10.0,
                        "price_subtotal_incl": 10.0,
                        "total_cost": 6.0,
                    },
                )
                for product in products
            ],
            "amount_tax": 0.0,
            "amount_total": 10.0 * len(products),
            "amount_paid": 10.0 * len(products),
            "amount_return": 0.0,
        }
    )
    order.state = "paid"
    env.flush_all()
    cr.execute("SELECT count(*) FROM pos_order")
    orders = copy_rows(
        cr,
        "pos_order",
        order.id,
        max(args.orders - cr.fetchone()[0], 0),
        {
            "date_order": f"{spread()} + TIME '11:00'",
            "name": "'BENCH/' || n",
            "uuid": "gen_random_uuid()::varchar",
            "pos_reference": "'BENCH-' || n",
            "access_token": "NULL",
        },
    )
    cr.execute(
        "CREATE TEMP TABLE bench_orders AS "
        "SELECT o AS id FROM unnest(%s::int[]) AS o",
        [orders],
    )
    names = columns(cr, "pos_order_line", {"id", "order_id", "uuid"})
    cr.execute(
        f"INSERT INTO pos_order_line (order_id, uuid, {', '.join(names)}) "  # noqa: S608
        f"SELECT o.id, gen_random_uuid()::varchar, "
        f"{', '.join('l.' + name for name in names)} "
        "FROM pos_order_line l, bench_orders o WHERE l.order_id = %s",
        [order.id],
    )
    for table in (
        "tourism_welcome_contact",
        "tourism_welcome_contact_tourism_welcome_theme_rel",
        "tourism_tax_declaration",
        "tourism_tax_stay",
        "pos_order",
        "pos_order_line",
    ):
        cr.execute(f"ANALYZE {table}")  # noqa: S608
    env.invalidate_all()
    counts = {}
    for table in ("tourism_welcome_contact", "tourism_tax_stay", "pos_order"):
        cr.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        counts[table] = cr.fetchone()[0]
    return counts


def open_dashboard(env):
    cr = env.cr
    env.invalidate_all()
    before = cr.sql_log_count
    start = time.perf_counter()
    dashboard = env["tourism.observatory.dashboard"].create({})
    html = str(dashboard.table_html)
    elapsed = time.perf_counter() - start
    return elapsed, cr.sql_log_count - before, len(html)


def explain(env, read):
    """The plan (EXPLAIN ANALYZE) of the last query ``read()`` runs."""
    from odoo.tools import SQL

    cr = env.cr
    captured = []
    execute = cr.execute

    def capture(query, params=None, log_exceptions=True):
        captured.append((query, params))
        return execute(query, params, log_exceptions)

    cr.execute = capture
    try:
        read()
    finally:
        del cr.execute
    query, params = captured[-1]
    if params is not None:
        query = SQL(query, *params)
    cr.execute(SQL("EXPLAIN (ANALYZE, COSTS OFF) %s", query))
    return [line for (line,) in cr.fetchall()]


def explain_figures(env):
    """The plans of the dashboard's query (two years) and of the analysis view
    read for the nights of one month (the pivot's drill-down)."""
    Fact = env["tourism.observatory.fact"]
    today = date.today()
    first = today.replace(day=1)
    return {
        "dashboard": explain(
            env,
            lambda: Fact._monthly(
                date(today.year - 1, 1, 1), date(today.year, 12, 31), env.company.ids
            ),
        ),
        "nights of this month in the analysis view": explain(
            env,
            lambda: Fact._read_group(
                [
                    ("indicator", "=", "nights"),
                    ("date", ">=", first),
                    ("date", "<=", today),
                ],
                [],
                ["value:sum"],
            ),
        ),
    }


def director_env(cr, odoo):
    """The admin, in French and in the office's time zone, as the benches read."""
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    admin = env.ref("base.user_admin")
    return env(user=admin.id, context={"lang": "fr_FR", "tz": "Europe/Paris"})


def benchmark(args, odoo):
    registry = odoo.modules.registry.Registry(args.db)
    results = []
    with closing(registry.cursor()) as cr:
        env = director_env(cr, odoo)
        if args.record:
            say(f"(a) recording {args.record:,} contacts, {BATCH:,} per create()")
            Contact = env["tourism.welcome.contact"].with_context(tracking_disable=True)
            values = list(welcomebench.contact_values(env, args.record))
            start = time.perf_counter()
            for index in range(0, len(values), BATCH):
                Contact.create(values[index : index + BATCH])
                env.flush_all()
                env.invalidate_all()
            created = time.perf_counter() - start
            results.append(
                f"(a) {args.record:,} contacts recorded in {created:.1f} s: "
                f"{args.record / created:,.0f} contacts/s"
            )
        say("(b) fabricating three years of data with SQL inserts")
        start = time.perf_counter()
        counts = fabricate(env, args)
        results.append(
            f"(b) {counts['tourism_welcome_contact']:,} contacts, "
            f"{counts['tourism_tax_stay']:,} stays, {counts['pos_order']:,} till "
            f"orders in the database ({time.perf_counter() - start:.0f} s to insert)"
        )
        say("(c) opening the dashboard")
        cold = open_dashboard(env)
        warm = open_dashboard(env)
        results.append(
            f"(c) dashboard of the current month: {cold[0]:.2f} s cold, "
            f"{warm[0]:.2f} s warm, {warm[1]} SQL queries"
        )
        wizard = env["tourism.observatory.report.wizard"].create(
            {"year": date.today().year - 1}
        )
        start = time.perf_counter()
        wizard._report_values()
        report = time.perf_counter() - start
        start = time.perf_counter()
        lines = wizard._open_data_csv().count("\n")
        opendata = time.perf_counter() - start
        results.append(
            f"(c) annual report figures {report:.2f} s; open data file of a year "
            f"{opendata:.2f} s ({lines:,} lines)"
        )
        plans = explain_figures(env) if args.explain else {}
        cr.rollback()
    say("")
    for line in results:
        say(line)
    for label, plan in plans.items():
        say(f"(d) the plan of the {label} (EXPLAIN ANALYZE):")
        for line in plan:
            say(f"    {line}")


def main():
    welcomebench.taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
