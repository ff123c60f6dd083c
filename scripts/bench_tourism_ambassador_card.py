"""Benchmark of the ambassador card at the till (addon tourism_ambassador_card).

Works on an existing database where tourism_ambassador_card is installed with its demo
data (the BIT tills of tourism_pos, the shop products), by default the development test
database ``tourisme_test``. Everything happens in one transaction that is rolled back at
the end: the database is left as it was. Measures:

(a) loading the POS data of a BIT till (pos.session.load_data, what the browser waits
    for when the till opens) with N cards (default 5,000) and their holders added,
    against the faster of the same load before adding them and after removing them
    (savepoint rolled back);
(b) with the N cards present, syncing M orders (default 100; pos.order.sync_from_ui,
    one call per order as the till does) of three shop lines with a valid card
    (discount on the eligible lines, checked again by the server: validity, yearly
    cap), interleaved with M same orders without card;
(c) the server check of a scanned card (pos_check_card) with the N cards present.

Goal (from the issue): (a) and (b) with cards at most 1.1 times the time without.
Times are wall-clock medians (time.perf_counter) over --repeat runs for (a) and (c),
and totals for (b), flush to PostgreSQL included.

The project's PostgreSQL cluster must be running (scripts/setup.sh). From the
project's root:

    .venv/bin/python scripts/bench_tourism_ambassador_card.py [--db tourisme_test]
        [--cards 5000] [--orders 100] [--repeat 5]

ODOO_SRC (default /opt/odoo/18.0), TOURISM_PGPORT (default 55432) and
TOURISM_LOCAL_DIR are read as scripts/lib.sh does.
"""

import argparse
import importlib.util
import statistics
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The helpers (Odoo source, addons path) of the tourist tax benchmark.
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say
GOAL_RATIO = 1.1
CONFIG_XMLID = "tourism_pos.pos_config_bit_hagetmau"


def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark the ambassador card at the till: POS loading, sync.",
    )
    parser.add_argument("--db", default="tourisme_test", help="default tourisme_test")
    parser.add_argument("--cards", type=int, default=5000, help="default 5000")
    parser.add_argument("--orders", type=int, default=100, help="default 100")
    parser.add_argument("--repeat", type=int, default=5, help="default 5")
    args = parser.parse_args()
    if min(args.cards, args.orders, args.repeat) < 1:
        parser.error("--cards, --orders and --repeat must be positive")
    return args


def timed(function, repeat):
    """Median wall-clock time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_loading(env, session, repeat):
    def load():
        env.invalidate_all()
        session.load_data([])

    load()  # warm the registry caches, as a till would find them
    return timed(load, repeat)


def add_cards(env, count):
    card_type = env.ref("tourism_ambassador_card.card_type_resident")
    partners = env["res.partner"].create(
        [
            {"name": f"Habitant {index:05d}", "city": "Hagetmau"}
            for index in range(count)
        ]
    )
    cards = env["tourism.ambassador.card"].create(
        [{"type_id": card_type.id, "holder_id": partner.id} for partner in partners]
    )
    env.flush_all()
    return cards


def order_lines(bench, card):
    discount = card.type_id.discount_rate if card else 0.0
    return [
        (bench.tursan, 1, discount),
        (bench.ticket, 1, 0.0),
        (bench.mug, 1, discount),
    ]


def sync_one(bench, session, card):
    start = time.perf_counter()
    bench._sync(bench._ui_order(session, order_lines(bench, card), card=card))
    bench.env.flush_all()
    return time.perf_counter() - start


def bench_sync(bench, session, orders, cards):
    """Total time of `orders` syncs for each entry of `cards` (None: no card),
    interleaved so that both see the same database and machine load."""
    totals = [0.0] * len(cards)
    for _ in range(orders):
        for index, card in enumerate(cards):
            totals[index] += sync_one(bench, session, card)
    return totals


def bench_check(env, config, card, repeat):
    Card = env["tourism.ambassador.card"]

    def check():
        env.invalidate_all()
        Card.pos_check_card(card.name, config.id)

    check()
    return timed(check, repeat * 10)


def verdict(ratio):
    return "OK" if ratio <= GOAL_RATIO else "ABOVE GOAL"


def load_test_helpers():
    """The order builder of the addon's tests (tests/common.py), loaded alone: the
    tests package would import Odoo's test framework."""
    import importlib.util

    name = "odoo.addons.tourism_ambassador_card.tests.common"
    path = ROOT / "addons" / "tourism_ambassador_card" / "tests" / "common.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.AmbassadorCardCommon


def benchmark(args, odoo):
    AmbassadorCardCommon = load_test_helpers()

    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        env = env(user=admin.id, context={"lang": admin.lang, "tz": admin.tz})

        class Bench(AmbassadorCardCommon):
            pass

        Bench.env = env
        bench = Bench()
        bench.env = env
        Bench._setup_cards()
        config = env.ref(CONFIG_XMLID)
        session = config.current_session_id or Bench._open_session(CONFIG_XMLID)
        if session.state == "opening_control":
            session.set_opening_control(0, "")
        existing = env["tourism.ambassador.card"].search_count([])
        say(f"(a) loading the POS data of {config.name} ({existing} cards)")
        load_before = bench_loading(env, session, args.repeat)
        say(f"Adding {args.cards:,} cards and their holders")
        savepoint = cr.savepoint(flush=True)
        start = time.perf_counter()
        cards = add_cards(env, args.cards)
        created = time.perf_counter() - start
        say(f"(a) loading the POS data again ({existing + len(cards):,} cards)")
        load_with = bench_loading(env, session, args.repeat)
        say("(c) checking a scanned card")
        check = bench_check(env, config, cards[-1], args.repeat)
        say(
            f"(b) syncing {args.orders} orders with a valid card, interleaved with "
            f"{args.orders} without"
        )
        bench_sync(bench, session, 3, [None, bench.staff_card])  # warm-up
        sync_with, sync_without = bench_sync(
            bench, session, args.orders, [bench.staff_card, None]
        )
        savepoint.rollback()
        savepoint.close(rollback=False)
        env.invalidate_all()
        say("(a) loading the POS data without the added cards again")
        load_after = bench_loading(env, session, args.repeat)
        # The lower of the two: the ratio is never flattered by a noisy run.
        load_without = min(load_before, load_after)
        cr.rollback()
    load_ratio = load_with / load_without
    sync_ratio = sync_with / sync_without
    say("")
    say(f"Cards created: {args.cards:,} in {created:.1f} s")
    say(
        f"(a) POS data loading: {load_without * 1000:.0f} ms without "
        f"(median {load_before * 1000:.0f} ms before the cards, "
        f"{load_after * 1000:.0f} ms after removing them), "
        f"{load_with * 1000:.0f} ms with {args.cards:,} cards: ratio "
        f"{load_ratio:.2f}x (goal <= {GOAL_RATIO}x) {verdict(load_ratio)}"
    )
    say(
        f"(b) order sync with {args.cards:,} cards: "
        f"{sync_without / args.orders * 1000:.0f} ms/order without card, "
        f"{sync_with / args.orders * 1000:.0f} ms/order with a card: ratio "
        f"{sync_ratio:.2f}x (goal <= {GOAL_RATIO}x) {verdict(sync_ratio)}"
    )
    say(f"(c) card check at a scan: {check * 1000:.1f} ms (median)")
    return max(load_ratio, sync_ratio) <= GOAL_RATIO


def main():
    taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
