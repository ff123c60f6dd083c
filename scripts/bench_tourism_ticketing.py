"""Benchmark of the ticket resale (addon tourism_ticketing) on a season.

Creates a fresh database without demo data (French company, French chart of accounts,
tourism_ticketing installed), 4 information points with their tills, --organisers
organisers under a mandate (1 EUR per ticket, or 1 EUR + 2 %, VAT 20 % on top),
--events events (two ticket types each, allotments large enough) and sells --tickets
tickets at the 4 tills, as the POS does (pos.order.sync_from_ui, one registration per
seat), in orders of 1 to 4 lines of 1 to 3 tickets. Then it measures:

(a) syncing the orders and closing the 4 sessions (entries on each organiser's 467
    account), against the same orders of plain products (same prices, one income
    account per organiser as well, no mandate, no event: no commission, no allotment,
    no registration) synced and closed the same way;
(b) generating the draft settlements of all organisers for the season (the wizard's
    _generate: takes every sale line, groups them, totals) and validating them (vendor
    bill, commission invoice and netting entry each).

Goal (from the issue): closing the sessions with the addon's logic costs at most 10 %
more than without. Both sides are sold and closed in --rounds slices of the orders,
alternately (plain first, then tickets first, ...), and measured the same way:
wall-clock (time.perf_counter, flush included), CPU time of Odoo (this process) and of
its PostgreSQL backend (read in /proc), and SQL queries. Wall-clock depends on what else
the shared cores do; CPU time and queries much less. Each phase is committed and
analysed before the next. The settlements are checked: their gross
adds up to the tickets sold, and every organiser's 467 account is back to zero.

The project's PostgreSQL cluster must be running (scripts/setup.sh). From the project's
root:

    .venv/bin/python scripts/bench_tourism_ticketing.py [--organisers 50]
        [--events 300] [--tickets 20000] [--db tourisme_bench_ticketing] [--keep]

``--organisers 5 --events 20 --tickets 500`` is a quick check. The database (its name
must start with "tourisme_bench": it is dropped first if it exists) is dropped at the
end unless ``--keep``. ODOO_SRC, TOURISM_PGPORT and TOURISM_LOCAL_DIR are read as
scripts/lib.sh does.
"""

import argparse
import cProfile
import importlib.util
import itertools
import os
import platform
import pstats
import random
import sys
import time
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The helpers (Odoo, PostgreSQL, database) of the tourist tax benchmark.
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say
find_odoo = taxbench.find_odoo
odoo_common_args = taxbench.odoo_common_args
settle = taxbench.settle
PGPORT = taxbench.PGPORT
DB_PREFIX = taxbench.DB_PREFIX
GOAL_OVERHEAD = 0.10
BITS = (
    ("Saint-Sever", "SSV"),
    ("Hagetmau", "HAG"),
    ("Geaune", "GEA"),
    ("Samadet", "SAM"),
)
PRICES = (6.0, 8.0, 10.0, 12.0, 15.0, 18.0, 22.0, 25.0)
# Every order synced gets its own number: an order whose uuid is already known is
# taken by the POS as a resent order and skipped.
ORDER_NUMBERS = itertools.count(1)
ORDERS_PER_SYNC = 50


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark the ticket resale.")
    parser.add_argument("--organisers", type=int, default=50, help="default 50")
    parser.add_argument("--events", type=int, default=300, help="default 300")
    parser.add_argument("--tickets", type=int, default=20000, help="default 20000")
    parser.add_argument("--db", default=DB_PREFIX + "_ticketing")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="close under cProfile: Python calls of each side and the time spent "
        "in this addon's code (the times are then slower)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="slices of the orders sold and closed alternately on each side "
        "(default 4)",
    )
    parser.add_argument(
        "--keep-template",
        action="store_true",
        help="keep a copy of the installed database (<db>_template); the next runs "
        "start from it instead of installing again",
    )
    args = parser.parse_args()
    if not args.db.startswith(DB_PREFIX):
        parser.error(f"the database name must start with {DB_PREFIX!r}: it is dropped")
    if min(args.organisers, args.events, args.tickets, args.rounds) < 1:
        parser.error("--organisers, --events, --tickets and --rounds must be positive")
    args.events = max(args.events, args.organisers)
    return args


def create_database(odoo_src, args_common, db):
    """The tax benchmark's database with tourism_ticketing, or a copy of the
    template an earlier run kept (--keep-template): the same database, faster."""
    from odoo.service import db as db_service

    template = f"{db}_template"
    if template not in db_service.list_dbs(True):
        taxbench.create_database(odoo_src, args_common, db, addon="tourism_ticketing")
        return
    if db in db_service.list_dbs(True):
        say(f"  dropping the existing database {db}")
        db_service.exp_drop(db)
    say(f"  copying {template}")
    with closing(odoo_sql_db().db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')


def odoo_sql_db():
    from odoo import sql_db

    return sql_db


def keep_template(db):
    with closing(odoo_sql_db().db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(f'CREATE DATABASE "{db}_template" TEMPLATE "{db}"')


# -- dataset ----------------------------------------------------------------------


def create_season(env, args, rng):
    bits = env["tourism.bit"].create(
        [
            {
                "name": f"BIT de {name}",
                "code": code,
                "partner_id": env["res.partner"].create({"name": f"BIT de {name}"}).id,
            }
            for name, code in BITS
        ]
    )
    bits.action_setup_point_of_sale()
    organisers = env["res.partner"].create(
        [
            {"name": f"Organisateur {n:03d}", "is_company": True}
            for n in range(args.organisers)
        ]
    )
    mandates = env["tourism.ticketing.mandate"].create(
        [
            {
                "organiser_id": organiser.id,
                "date_start": date.today() - timedelta(days=120),
                "commission_fixed": 1.0,
                "commission_percent": 2.0 if n % 2 else 0.0,
            }
            for n, organiser in enumerate(organisers)
        ]
    )
    mandates.action_activate()
    begin = datetime.now() + timedelta(days=30)
    allotment = args.tickets  # never the limit here: the check is measured, not hit
    events = env["event.event"].create(
        [
            {
                "name": f"Spectacle {n:03d}",
                "organizer_id": organisers[n % len(organisers)].id,
                "date_begin": begin + timedelta(days=n % 90),
                "date_end": begin + timedelta(days=n % 90, hours=3),
                "event_mail_ids": [(5, 0, 0)],
                "question_ids": [(5, 0, 0)],
                "event_ticket_ids": [
                    (
                        0,
                        0,
                        {
                            "name": name,
                            "price": rng.choice(PRICES) * factor,
                            "seats_limited": True,
                            "seats_max": allotment,
                        },
                    )
                    for name, factor in (("Adulte", 1.0), ("Enfant", 0.5))
                ],
            }
            for n in range(args.events)
        ]
    )
    # The baseline books each organiser's sales on an account of its own too, as the
    # mandate does: the comparison isolates the addon's logic, not the accounts.
    accounts = env["account.account"].create(
        [
            {
                "code": f"7069{n:02d}",
                "name": f"Ventes simples {n}",
                "account_type": "income",
            }
            for n in range(len(organisers))
        ]
    )
    plain = env["product.product"].create(
        [
            {
                "name": f"Produit simple {n}",
                "type": "service",
                "list_price": 10.0,
                "taxes_id": [(5, 0, 0)],
                "available_in_pos": True,
                "property_account_income_id": account.id,
            }
            for n, account in enumerate(accounts)
        ]
    )
    return bits.pos_config_ids, organisers, events.event_ticket_ids, plain


def plan_orders(rng, tickets, count):
    """[(till index, [(ticket, qty)])] adding up to `count` tickets."""
    orders, sold = [], 0
    while sold < count:
        lines = []
        for _ in range(rng.randint(1, 4)):
            qty = min(rng.randint(1, 3), count - sold)
            if qty <= 0:
                break
            lines.append((rng.choice(tickets), qty))
            sold += qty
        orders.append((rng.randrange(len(BITS)), lines))
    return orders


def order_data(config, session, lines, cash, uid, seq, with_tickets, plain_by_ticket):
    vals, total = [], 0.0
    for ticket, qty in lines:
        subtotal = ticket.price * qty
        total += subtotal
        line = {
            "price_unit": ticket.price,
            "qty": qty,
            "price_subtotal": subtotal,
            "price_subtotal_incl": subtotal,
            "tax_ids": [(5, 0, 0)],
        }
        if with_tickets:
            line.update(
                product_id=ticket.product_id.id,
                event_ticket_id=ticket.id,
                event_registration_ids=[
                    (
                        0,
                        0,
                        {"event_id": ticket.event_id.id, "event_ticket_id": ticket.id},
                    )
                    for _ in range(qty)
                ],
            )
        else:
            line["product_id"] = plain_by_ticket[ticket.id]
        vals.append((0, 0, line))
    uuid = f"{'T' if with_tickets else 'P'}{seq:07d}-{config.id:03d}"
    return {
        "amount_paid": total,
        "amount_return": 0,
        "amount_tax": 0,
        "amount_total": total,
        "date_order": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "pricelist_id": config.pricelist_id.id,
        "name": f"Order {uuid}",
        "lines": vals,
        "session_id": session.id,
        "sequence_number": seq,
        "payment_ids": [
            (
                0,
                0,
                {"amount": total, "name": datetime.now(), "payment_method_id": cash.id},
            )
        ],
        "uuid": uuid,
        "user_id": uid,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
    }


def cpu_seconds(cr):
    """CPU time of this process (Odoo runs in it) and of the PostgreSQL backend
    serving ``cr``: what the work costs, whatever else the machine's cores do."""
    cr.execute("SELECT pg_backend_pid()")
    pid = cr.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        backend = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        backend = 0.0
    return time.process_time() + backend


def sell_and_close(
    env, cr, configs, orders, with_tickets, plain_by_ticket, profile=False
):
    """Sync the orders at the 4 tills and close the sessions: {sync, close: wall
    seconds, close_cpu: CPU seconds (Odoo + PostgreSQL), close_queries}; with
    ``profile``, the closing runs under cProfile (slower) and close_calls (Python
    function calls) and addon_seconds (time in this addon's own code) are added."""
    sessions = {}
    for config in configs:
        config.open_ui()
        sessions[config] = config.current_session_id
        sessions[config].set_opening_control(0, None)
    settle(cr)
    batches = {}
    for seq, (till, lines) in zip(ORDER_NUMBERS, orders, strict=False):
        config = configs[till]
        cash = config.payment_method_ids.filtered("is_cash_count")[:1]
        batches.setdefault(config, []).append(
            order_data(
                config,
                sessions[config],
                lines,
                cash,
                env.uid,
                seq,
                with_tickets,
                plain_by_ticket,
            )
        )
    start = time.perf_counter()
    for datas in batches.values():
        for index in range(0, len(datas), ORDERS_PER_SYNC):
            env["pos.order"].sync_from_ui(datas[index : index + ORDERS_PER_SYNC])
            env.flush_all()
            env.invalidate_all()
    sync = time.perf_counter() - start
    settle(cr)
    queries = cr.sql_log_count
    cpu = cpu_seconds(cr)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    start = time.perf_counter()
    for session in sessions.values():
        cash = sum(session.order_ids.payment_ids.mapped("amount"))
        session.post_closing_cash_details(cash)
        result = session.close_session_from_ui()
        if not result.get("successful", True):
            sys.exit(f"closing {session.name} failed: {result}")
        env.flush_all()
    close = time.perf_counter() - start
    if profiler:
        profiler.disable()
    close_cpu = cpu_seconds(cr) - cpu
    close_queries = cr.sql_log_count - queries - 1  # the backend pid query
    settle(cr)
    figures = {
        "sync": sync,
        "close": close,
        "close_cpu": close_cpu,
        "close_queries": close_queries,
    }
    if profiler:
        stats = pstats.Stats(profiler)
        figures["close_calls"] = stats.total_calls
        # Own time (not what they call) of the functions of this addon.
        figures["addon_seconds"] = sum(
            own
            for (filename, _line, _name), (_cc, _nc, own, _cum, _callers) in (
                stats.stats.items()
            )
            if "/tourism_ticketing/" in filename
        )
    return figures


def measure_rounds(env, cr, configs, orders, plain_by_ticket, rounds, profile=False):
    """Both kinds of orders, in ``rounds`` slices sold and closed alternately
    (plain first, then tickets first, ...) so that a slower moment of the shared
    machine falls on both sides alike. Returns the totals of each side."""
    totals = {side: {} for side in (False, True)}
    size = -(-len(orders) // rounds)
    for number, index in enumerate(range(0, len(orders), size)):
        part = orders[index : index + size]
        sides = (False, True) if number % 2 == 0 else (True, False)
        for with_tickets in sides:
            figures = sell_and_close(
                env, cr, configs, part, with_tickets, plain_by_ticket, profile
            )
            for key, value in figures.items():
                totals[with_tickets][key] = totals[with_tickets].get(key, 0) + value
            say(
                f"  round {number + 1}, {'tickets' if with_tickets else 'plain'}: "
                f"{len(part)} orders, sync {figures['sync']:.1f} s, closing "
                f"{figures['close']:.2f} s ({figures['close_cpu']:.2f} s CPU, "
                f"{figures['close_queries']} queries)"
            )
    return totals[False], totals[True]


def benchmark(args, odoo):
    rng = random.Random(args.seed)
    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        # The POS refuses the superuser a session: the administrator sells.
        admin = env.ref("base.user_admin")
        env = odoo.api.Environment(
            cr,
            admin.id,
            {"tracking_disable": True, "mail_create_nolog": True, "lang": "fr_FR"},
        )
        say("Generating the season")
        began = time.perf_counter()
        configs, organisers, tickets, plain = create_season(env, args, rng)
        plain_by_ticket = {
            ticket.id: plain[n % len(plain)].id for n, ticket in enumerate(tickets)
        }
        orders = plan_orders(rng, list(tickets), args.tickets)
        # Warm-up and measured orders together are the planned tickets.
        planned = sum(qty for _till, lines in orders for _t, qty in lines)
        settle(cr)
        say(
            f"  {len(organisers)} organisers, {len(tickets) // 2} events, "
            f"{len(orders):,} orders of {args.tickets:,} tickets at {len(configs)} "
            f"tills: {time.perf_counter() - began:.1f} s"
        )
        say("  warming up (a few orders of each kind, not measured)")
        for with_tickets in (False, True):
            sell_and_close(env, cr, configs, orders[:20], with_tickets, plain_by_ticket)
        orders = orders[20:]
        say(
            f"(a) partner tickets (mandate, commission, allotment, registrations) "
            f"and the same orders of plain products, in {args.rounds} alternated rounds"
        )
        plain_figures, figures = measure_rounds(
            env, cr, configs, orders, plain_by_ticket, args.rounds, args.profile
        )
        plain_sync, plain_close = plain_figures["sync"], plain_figures["close"]
        sync, close = figures["sync"], figures["close"]
        say("(b) settlements of all organisers")
        Generate = env["tourism.ticketing.settlement.generate"]
        start = time.perf_counter()
        settlements = Generate._generate(
            date.today() - timedelta(days=120), date.today()
        )
        env.flush_all()
        generate = time.perf_counter() - start
        settle(cr)
        start = time.perf_counter()
        settlements.action_validate()
        env.flush_all()
        validate = time.perf_counter() - start
        settle(cr)
        gross = round(sum(settlements.mapped("gross")), 2)
        tickets_sold = int(
            sum(
                env["pos.order.line"]
                .search([("tourism_mandate_id", "!=", False)])
                .mapped("qty")
            )
        )
        sold = round(
            sum(
                env["pos.order.line"]
                .search([("tourism_mandate_id", "!=", False)])
                .mapped("price_subtotal_incl")
            ),
            2,
        )
        accounts = settlements.mandate_id.third_party_account_id
        left = env["account.move.line"].search_count(
            [("account_id", "in", accounts.ids), ("reconciled", "=", False)]
        )
        balances = env["account.move.line"]._read_group(
            [("account_id", "in", accounts.ids)], ["account_id"], ["balance:sum"]
        )
        nonzero = [a.code for a, b in balances if round(b, 2)]
    overhead = close / plain_close - 1 if plain_close else 0.0
    cpu_overhead = (
        figures["close_cpu"] / plain_figures["close_cpu"] - 1
        if plain_figures["close_cpu"]
        else 0.0
    )
    say("")
    say(
        f"Season: {args.organisers} organisers, {args.events} events, "
        f"{tickets_sold:,} tickets (the first 20 orders of each kind warm up)"
    )
    say(
        f"POS sync: {sync:.1f} s with the addon "
        f"({tickets_sold / sync:,.0f} tickets/s), "
        f"{plain_sync:.1f} s plain ({sync / plain_sync:.2f} x; registrations included)"
    )
    say(
        f"POS closing of the sessions ({args.rounds} rounds of 4): "
        f"{close:.2f} s with the addon, {plain_close:.2f} s plain: overhead "
        f"{overhead:+.1%}; CPU (Odoo + PostgreSQL) {figures['close_cpu']:.2f} s / "
        f"{plain_figures['close_cpu']:.2f} s: {cpu_overhead:+.1%}; SQL queries "
        f"{figures['close_queries']:,} / {plain_figures['close_queries']:,} "
        f"(goal <= {GOAL_OVERHEAD:.0%}: "
        f"{'OK' if max(overhead, cpu_overhead) <= GOAL_OVERHEAD else 'MISSED'})"
    )
    if args.profile:
        calls, plain_calls = figures["close_calls"], plain_figures["close_calls"]
        say(
            f"Closing under cProfile: {calls:,} Python calls with the addon, "
            f"{plain_calls:,} plain ({calls / plain_calls - 1:+.1%}); own time of "
            f"the addon's code {figures['addon_seconds']:.3f} s of {close:.1f} s "
            f"({figures['addon_seconds'] / close:.2%})"
        )
    say(
        f"Settlements: {len(settlements)} generated in {generate:.2f} s, validated "
        f"(bill + invoice + netting each) in {validate:.1f} s"
    )
    say(
        f"Check: {tickets_sold:,} tickets synced of {planned:,} planned: "
        f"{'OK' if tickets_sold == planned else 'WRONG'}"
    )
    say(
        f"Check: settled gross {gross:,.2f} EUR = tickets sold {sold:,.2f} EUR: "
        f"{'OK' if abs(gross - sold) < 0.005 else 'WRONG'}; 467 accounts at zero: "
        f"{'OK' if not nonzero else 'WRONG ' + ', '.join(nonzero)} ({left} lines open)"
    )


def prepare(args):
    odoo_src = find_odoo()
    sys.path.insert(0, str(odoo_src))
    import odoo

    common = odoo_common_args(odoo_src)
    odoo.tools.config.parse_config([*common, "--log-level=warn"])
    odoo.netsvc.init_logger()
    say(
        f"Odoo {odoo.release.version}, PostgreSQL on 127.0.0.1:{PGPORT}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs"
    )
    say(f"Creating the database {args.db}")
    create_database(odoo_src, common, args.db)
    if args.keep_template:
        from odoo.service import db as db_service

        if f"{args.db}_template" not in db_service.list_dbs(True):
            keep_template(args.db)
    return odoo


def main():
    taxbench.run(parse_args(), prepare, benchmark)


if __name__ == "__main__":
    main()
