"""Benchmark of the welcome desk's counting (addon tourism_welcome).

Works on an existing database where tourism_welcome is installed with its demo data
(the four BITs, the quick buttons, the brochures), by default the development test
database ``tourisme_test``. Everything happens in one transaction rolled back at the
end: the database is left as it was. Measures:

(a) recording N contacts (default 100,000) through the ORM, 1,000 per create() call
    as an import or a synchronisation would, with their themes and the origin mix of
    the demo (a fifth of residents with a commune, a tenth abroad), flush included;
(b) the counter's one click (tourism.welcome.preset.action_record, what the tile
    calls) M times one by one (default 500), with the SQL queries per click;
(c) reading the pivot's figures of the N contacts: people by point, month, country
    and theme (the _read_group the pivot view asks for).

Times are wall-clock (time.perf_counter).

The project's PostgreSQL cluster must be running (scripts/setup.sh). From the
project's root:

    .venv/bin/python scripts/bench_tourism_welcome.py [--db tourisme_test]
        [--contacts 100000] [--clicks 500]

ODOO_SRC (default /opt/odoo/18.0), TOURISM_PGPORT (default 55432) and
TOURISM_LOCAL_DIR are read as scripts/lib.sh does.
"""

import argparse
import importlib.util
import random
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The helpers (Odoo source, addons path) of the tourist tax benchmark.
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say
BATCH = 1000


def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark the welcome desk: contacts recorded per second.",
    )
    parser.add_argument("--db", default="tourisme_test", help="default tourisme_test")
    parser.add_argument("--contacts", type=int, default=100_000, help="default 100000")
    parser.add_argument("--clicks", type=int, default=500, help="default 500")
    args = parser.parse_args()
    if min(args.contacts, args.clicks) < 1:
        parser.error("--contacts and --clicks must be positive")
    return args


def contact_values(env, count, seed=16):
    """The demo's mix of contacts, spread over three years."""
    rng = random.Random(seed)
    bits = env["tourism.bit"].search([]).ids
    themes = env["tourism.welcome.theme"].search([]).ids
    communes = env["tourism.commune"].search([], limit=50).ids
    states = env["res.country.state"].search([("country_id.code", "=", "FR")]).ids
    france = env.ref("base.fr").id
    abroad = [env.ref(f"base.{c}").id for c in ("es", "be", "uk", "nl", "de")]
    start = datetime(2024, 1, 1, 8, 0)
    for _i in range(count):
        vals = {
            "bit_id": rng.choice(bits),
            "date": start + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60)),
            "channel": rng.choice(["counter"] * 7 + ["phone", "email", "social"]),
            "people": rng.choice([1, 1, 2, 2, 3, 4]),
            "theme_ids": [(6, 0, rng.sample(themes, rng.randint(1, 2)))],
        }
        roll = rng.random()
        if roll < 0.2:
            vals.update(visitor_type="resident", commune_id=rng.choice(communes))
        elif roll < 0.3:
            vals.update(country_id=rng.choice(abroad), lang="es")
        else:
            vals.update(country_id=france, state_id=rng.choice(states))
        yield vals


def benchmark(args, odoo):
    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = env.ref("tourism_base.user_conseiller")
        env = env(user=user.id, context={"lang": user.lang, "tz": user.tz})
        Contact = env["tourism.welcome.contact"].with_context(tracking_disable=True)
        before = Contact.search_count([])
        values = list(contact_values(env, args.contacts))
        say(f"(a) recording {args.contacts:,} contacts, {BATCH:,} per create()")
        start = time.perf_counter()
        for index in range(0, len(values), BATCH):
            Contact.create(values[index : index + BATCH])
            env.flush_all()
            env.invalidate_all()
        created = time.perf_counter() - start

        say(f"(b) {args.clicks} clicks on a counter tile, one by one")
        preset = env.ref("tourism_welcome.preset_counter_spain")
        preset.action_record()  # warm-up
        env.flush_all()
        queries_before = cr.sql_log_count
        start = time.perf_counter()
        for _i in range(args.clicks):
            preset.action_record()
            env.flush_all()
        clicks = time.perf_counter() - start
        queries = (cr.sql_log_count - queries_before) / args.clicks

        say("(c) the pivot's figures: people by point, month, country and theme")
        env.invalidate_all()
        start = time.perf_counter()
        groups = Contact._read_group(
            [], ["bit_id", "date:month", "country_id", "theme_ids"], ["people:sum"]
        )
        pivot = time.perf_counter() - start
        total = Contact.search_count([])
        cr.rollback()
    say("")
    say(
        f"(a) {args.contacts:,} contacts recorded in {created:.1f} s: "
        f"{args.contacts / created:,.0f} contacts/s"
    )
    say(
        f"(b) counter clicks: {clicks / args.clicks * 1000:.1f} ms per click "
        f"({args.clicks / clicks:,.0f}/s), {queries:.0f} SQL queries per click"
    )
    say(
        f"(c) pivot over {total:,} contacts ({before:,} before): {len(groups):,} "
        f"cells in {pivot:.2f} s"
    )


def main():
    taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
