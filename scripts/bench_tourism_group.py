"""Benchmark of the group packages (addon tourism_group).

Works in an existing database where tourism_group is installed (default: the dev test
database tourisme_test) inside one transaction that is rolled back at the end, so the
database is left as it was. It creates a package of four components (two per person with
10 % VAT, one per group, one by an office guide) and measures:

(a) the pure pricing: tools.pricing.price_group() with made-to-measure changes, calls/s;
(b) the ORM: group quotes created for random sizes, loaded with the package's programme
    and priced (one create each, flush included), quotes/s;
(c) confirming them: one booking request (purchase order) per supplier and one calendar
    entry for the guide each, confirmations/s;
(d) a margin VAT statement computed over all of them, seconds.

Times are wall-clock (time.perf_counter) and include the flush to PostgreSQL. Run from
the project's root with the project's PostgreSQL cluster running (scripts/setup.sh):

    .venv/bin/python scripts/bench_tourism_group.py [--db tourisme_test] [--quotes 200]

ODOO_SRC (default /opt/odoo/18.0), TOURISM_PGPORT (default 55432) and TOURISM_LOCAL_DIR
are read as scripts/lib.sh does.
"""

import argparse
import importlib.util
import os
import platform
import random
import sys
import time
from contextlib import closing
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The helpers (Odoo source, addons path) of the tourist tax benchmark.
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say
find_odoo = taxbench.find_odoo
odoo_common_args = taxbench.odoo_common_args


def bench_pricing(price_group, count, rng):
    brackets = [
        (15, 29, Decimal("58")),
        (30, 44, Decimal("52")),
        (45, 0, Decimal("49")),
    ]
    base = [
        (Decimal("31.35"), "person"),
        (Decimal("7"), "person"),
        (Decimal("120"), "group"),
    ]
    cases = [
        (rng.randint(15, 53), [*base[: rng.randint(1, 3)], (Decimal("4.50"), "person")])
        for _ in range(count)
    ]
    began = time.perf_counter()
    for paying, components in cases:
        price_group(
            brackets,
            paying,
            components,
            drivers=1,
            one_free_per=20,
            base_components=base,
            markup=Decimal("1.25"),
            step=Decimal("0.50"),
        )
    return count / (time.perf_counter() - began)


def make_package(env):
    partner = env["res.partner"]
    suppliers = partner.create(
        [{"name": f"Bench supplier {i}", "is_company": True} for i in range(3)]
    )
    tax = env["account.tax"].search(
        [("type_tax_use", "=", "purchase"), ("amount", "=", 10)], limit=1
    )
    guide = env.ref("base.user_admin")
    return env["tourism.group.package"].create(
        {
            "name": "Bench day",
            "theme_id": env.ref("tourism_group.theme_gastronomy").id,
            "min_size": 15,
            "max_size": 53,
            "component_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Guided visit",
                        "guide_id": guide.id,
                        "cost_basis": "group",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Lunch",
                        "supplier_id": suppliers[0].id,
                        "unit_cost": 28.5,
                        "purchase_tax_id": tax.id,
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Tasting",
                        "supplier_id": suppliers[1].id,
                        "unit_cost": 7.0,
                        "purchase_tax_id": tax.id,
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Coach",
                        "supplier_id": suppliers[2].id,
                        "cost_basis": "group",
                        "unit_cost": 450.0,
                    },
                ),
            ],
            "bracket_ids": [
                (0, 0, {"min_size": 15, "max_size": 29, "price": 64.0}),
                (0, 0, {"min_size": 30, "max_size": 44, "price": 58.0}),
                (0, 0, {"min_size": 45, "max_size": 0, "price": 55.0}),
            ],
        }
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="tourisme_test")
    parser.add_argument("--quotes", type=int, default=200)
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    odoo_src = find_odoo()
    sys.path.insert(0, str(odoo_src))
    import odoo

    odoo.tools.config.parse_config([*odoo_common_args(odoo_src), "--log-level=warn"])
    odoo.netsvc.init_logger()
    from odoo.addons.tourism_group.tools.pricing import price_group

    rng = random.Random(args.seed)
    say(
        f"Odoo {odoo.release.version}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, database {args.db}"
    )
    figures = {"pricing": bench_pricing(price_group, args.calls, rng)}
    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        try:
            package = make_package(env)
            client = env["res.partner"].create(
                {"name": "Bench club", "is_company": True}
            )
            start = date.today() + timedelta(days=400)
            began = time.perf_counter()
            quotes = env["sale.order"]
            for i in range(args.quotes):
                quotes |= env["sale.order"].create(
                    {
                        "partner_id": client.id,
                        "tourism_package_id": package.id,
                        "tourism_paying": rng.randint(15, 53),
                        "tourism_trip_date": start + timedelta(days=i % 28),
                    }
                )
            env.flush_all()
            figures["quotes"] = args.quotes / (time.perf_counter() - began)
            began = time.perf_counter()
            for quote in quotes:
                quote.action_confirm()
            env.flush_all()
            figures["confirm"] = args.quotes / (time.perf_counter() - began)
            purchases = len(quotes.tourism_purchase_ids)
            began = time.perf_counter()
            statement = env["tourism.group.margin.statement"].create(
                {
                    "basis": "trip",
                    "date_from": start,
                    "date_to": start + timedelta(days=27),
                }
            )
            statement.action_compute()
            env.flush_all()
            figures["statement"] = time.perf_counter() - began
            lines = len(statement.line_ids)
        finally:
            cr.rollback()
    say(f"(a) price_group, made to measure: {figures['pricing']:,.0f} calls/s")
    say(f"(b) quotes created and priced:     {figures['quotes']:,.1f} quotes/s")
    say(
        f"(c) quotes confirmed:               {figures['confirm']:,.1f} /s "
        f"({purchases} booking requests)"
    )
    say(f"(d) margin statement of {lines} trips: {figures['statement']:.2f} s")


if __name__ == "__main__":
    main()
