"""Benchmark of the régie de recettes (addon tourism_regie) on a busy month.

Creates a fresh database without demo data (French company, French chart of accounts,
tourism_regie installed), four information points each with its till, one régie with
its receipt types, then a busy month: --orders POS orders (default 3,000) over
--days days of sessions per till (paid 50 % cash, 35 % card, 15 % cheque, a few cash
count differences), --receipts back-office receipts (default 200) and a weekly
versement. The treasury statement of the month is then built (each versement, each
session's card payout, a few unknown lines) and the script measures:

(a) the état récapitulatif of the month: the figures (recap_data) and the QWeb report
    rendered to HTML (no PDF: wkhtmltopdf's time is not ours);
(b) the situation at the end of the month (cash per till);
(c) the automatic reconciliation of the month's statement (action_auto_reconcile:
    matching by versement number, then amount and date, through OCA's
    reconciliation).

All sessions and entries are dated the day of the run (the figures depend on the
number of lines, not on their dates). Generation goes through the ORM as the tills
would (orders, payments, session closing); its time is printed apart. Each phase is
committed and analysed before the next one.

The project's PostgreSQL cluster must be running (scripts/setup.sh). Run from the
project's root:

    .venv/bin/python scripts/bench_tourism_regie.py [--orders 3000] [--receipts 200]
        [--days 30] [--db tourisme_bench_regie] [--keep]

``--orders 200 --receipts 20 --days 5`` is a quick check. The database (its name must
start with "tourisme_bench") is dropped first if it exists, and at the end unless
``--keep``. ODOO_SRC, TOURISM_PGPORT and TOURISM_LOCAL_DIR are read as scripts/lib.sh
does.
"""

import argparse
import importlib.util
import os
import platform
import random
import sys
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The helpers (Odoo, PostgreSQL, database) of the tourist tax benchmark.
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
common = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(common)
say = common.say
DB_PREFIX = common.DB_PREFIX
BITS = [
    ("Saint-Sever", "BSS"),
    ("Hagetmau", "BHA"),
    ("Geaune", "BGE"),
    ("Samadet", "BSA"),
]
NATURES = (["cash", "card", "cheque"], [50, 35, 15])


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark the régie de recettes.")
    parser.add_argument("--orders", type=int, default=3000, help="default 3000")
    parser.add_argument("--receipts", type=int, default=200, help="default 200")
    parser.add_argument("--days", type=int, default=30, help="sessions per till")
    parser.add_argument("--db", default=DB_PREFIX + "_regie")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the existing database as it is (made by a previous run with --keep "
        "that stopped before generating)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    args = parser.parse_args()
    if not args.db.startswith(DB_PREFIX):
        parser.error(f"the database name must start with {DB_PREFIX!r}: it is dropped")
    if min(args.orders, args.days) < 1 or args.receipts < 0:
        parser.error("--orders and --days must be positive")
    return args


def prepare(args):
    odoo_src = common.find_odoo()
    sys.path.insert(0, str(odoo_src))
    import odoo

    args_common = common.odoo_common_args(odoo_src)
    odoo.tools.config.parse_config([*args_common, "--log-level=warn"])
    odoo.netsvc.init_logger()
    pg_version = common.check_postgres(odoo)
    say(
        f"Odoo {odoo.release.version} ({odoo_src}), PostgreSQL {pg_version}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    from odoo.service import db as db_service

    if args.reuse and args.db in db_service.list_dbs(True):
        say(f"  reusing the database {args.db}")
        return odoo
    if args.db in db_service.list_dbs(True):
        say(f"  dropping the existing database {args.db}")
        db_service.exp_drop(args.db)
    python, odoo_bin = sys.executable, str(odoo_src / "odoo-bin")
    quiet = ["--http-port=0", "--max-cron-threads=0", "--log-level=warn"]
    common.run_step(
        f"creating {args.db} (French company, no demo)",
        [python, str(ROOT / "scripts" / "create_db.py"), str(odoo_src), args.db, "0"]
        + args_common
        + ["--log-level=warn"],
    )
    common.run_step(
        "installing l10n_fr_account",
        [python, odoo_bin, *args_common, "-d", args.db, "-i", "l10n_fr_account"]
        + ["--stop-after-init", *quiet],
    )
    common.run_step(
        "installing tourism_regie",
        [python, odoo_bin, *args_common, "-d", args.db, "-i", "tourism_regie"]
        + ["--stop-after-init", "--without-demo=all", *quiet],
    )
    return odoo


def setup_regie(env):
    Account = env["account.account"]

    def account(code, name, account_type, reconcile=False):
        return Account.create(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
                "reconcile": reconcile,
            }
        )

    acc = {
        "cash": account("531100", "Caisse régie", "asset_cash"),
        "cheque": account("511210", "Chèques régie", "asset_current", True),
        "card": account("511510", "Cartes", "asset_current", True),
        "transfer": account("581100", "Versements en cours", "asset_current", True),
        "dft": account("515100", "DFT", "asset_cash"),
        "shop": account("707110", "Boutique", "income"),
        "tours": account("706210", "Visites", "income"),
        "tickets": account("467310", "Billetterie tiers", "liability_current", True),
    }
    journal = env["account.journal"].create(
        {"name": "Régie", "code": "REG", "type": "general"}
    )
    dft = env["account.journal"].create(
        {
            "name": "DFT",
            "code": "DFT",
            "type": "bank",
            "default_account_id": acc["dft"].id,
        }
    )
    organiser = env["res.partner"].create({"name": "Festival", "is_company": True})
    bits = env["tourism.bit"].create(
        [{"name": f"BIT de {name}", "code": code} for name, code in BITS]
    )
    bits.action_setup_point_of_sale()
    regie = env["tourism.regie"].create(
        {
            "name": "Régie de l'OT",
            "max_cash": 3000,
            "cash_float": 150,
            "regisseur_id": env.ref("base.user_admin").id,
            "journal_id": journal.id,
            "nature_account_ids": [
                (0, 0, {"nature": nature, "account_id": acc[nature].id})
                for nature in ("cash", "cheque", "card")
            ],
            "transfer_account_id": acc["transfer"].id,
            "dft_journal_id": dft.id,
            "receipt_type_ids": [
                (0, 0, {"name": "Boutique", "account_id": acc["shop"].id}),
                (0, 0, {"name": "Visites guidées", "account_id": acc["tours"].id}),
                (
                    0,
                    0,
                    {
                        "name": "Billetterie",
                        "account_id": acc["tickets"].id,
                        "is_third_party": True,
                        "third_party_ids": [(6, 0, organiser.ids)],
                    },
                ),
            ],
        }
    )
    regie.action_attach_points_of_sale(bits.pos_config_ids.ids)
    products = env["product.product"].create(
        [
            {
                "name": name,
                "available_in_pos": True,
                "list_price": price,
                "taxes_id": [(5, 0, 0)],
                "property_account_income_id": acc[key].id,
            }
            for name, price, key in (
                ("Carte postale", 1.5, "shop"),
                ("Visite de l'abbatiale", 6.0, "tours"),
                ("Billet festival", 22.0, "tickets"),
            )
        ]
    )
    return regie, bits, products, organiser


def run_month(args, env, rng, regie, bits, products, organiser):
    """Sessions, orders, receipts and weekly versements; returns the sessions."""
    configs = bits.pos_config_ids
    per_session = max(1, args.orders // (args.days * len(configs)))
    extra = args.orders - per_session * args.days * len(configs)
    receipts_per_day = [args.receipts // args.days] * args.days
    for day in range(args.receipts - sum(receipts_per_day)):
        receipts_per_day[day] += 1
    Order, Payment = env["pos.order"], env["pos.make.payment"]
    types = regie.receipt_type_ids
    sessions = env["pos.session"]
    deposits = env["tourism.regie.deposit"]
    orders = 0
    for day in range(args.days):
        for config in configs:
            config.open_ui()
            session = config.current_session_id
            session.set_opening_control(session.cash_register_balance_start, "")
            count = per_session + (1 if extra > 0 else 0)
            extra -= 1
            for _i in range(count):
                product = rng.choices(products, [70, 20, 10])[0]
                qty = rng.randint(1, 4)
                total = round(product.lst_price * qty, 2)
                order = Order.create(
                    {
                        "session_id": session.id,
                        "lines": [
                            (
                                0,
                                0,
                                {
                                    "product_id": product.id,
                                    "qty": qty,
                                    "price_unit": product.lst_price,
                                    "price_subtotal": total,
                                    "price_subtotal_incl": total,
                                },
                            )
                        ],
                        "amount_tax": 0.0,
                        "amount_total": total,
                        "amount_paid": 0.0,
                        "amount_return": 0.0,
                    }
                )
                nature = rng.choices(*NATURES)[0]
                method = config.payment_method_ids.filtered(
                    lambda m, n=nature: m.tourism_payment_nature == n
                )
                ctx = {"active_ids": order.ids, "active_id": order.id}
                Payment.with_context(**ctx).create(
                    {"amount": total, "payment_method_id": method.id}
                ).with_context(**ctx).check()
                orders += 1
            expected = session.cash_register_balance_start + sum(
                session.order_ids.payment_ids.filtered(
                    lambda p: p.payment_method_id.is_cash_count
                ).mapped("amount")
            )
            difference = rng.choice([0.0] * 9 + [-2.0])
            session.post_closing_cash_details(expected + difference)
            session.close_session_from_ui()
            if difference:
                session.tourism_difference_reason = "Erreur de rendu"
            sessions |= session
        for _i in range(receipts_per_day[day]):
            rtype = rng.choice(types)
            receipt = env["tourism.regie.receipt"].create(
                {
                    "regie_id": regie.id,
                    "receipt_type_id": rtype.id,
                    "third_party_id": organiser.id if rtype.is_third_party else False,
                    "description": rtype.name,
                    "amount": rng.choice([12.0, 36.0, 48.5, 120.0, 250.0]),
                    "payment_nature": rng.choice(["cash", "cheque"]),
                }
            )
            receipt.action_post()
        if day % 7 == 6 or day == args.days - 1:
            deposit = env["tourism.regie.deposit"].create({"regie_id": regie.id})
            deposit.action_compute_lines()
            deposit.action_validate()
            deposits |= deposit
        env.invalidate_all()
    return sessions, deposits, orders


def build_statement(env, regie, sessions, deposits):
    lines = [
        {"payment_ref": f"VIREMENT {d.name}", "amount": d.amount_total}
        for d in deposits
    ]
    card_account = regie._nature_account("card")
    for move_line in env["account.move.line"].search(
        [("account_id", "=", card_account.id), ("balance", ">", 0)]
    ):
        lines.append({"payment_ref": "REMISE CB", "amount": move_line.balance})
    lines += [{"payment_ref": f"FRAIS {i}", "amount": -1.5 - i} for i in range(5)]
    env["account.bank.statement"].create(
        {
            "name": "Relevé du mois",
            "line_ids": [
                (0, 0, dict(line, journal_id=regie.dft_journal_id.id)) for line in lines
            ],
        }
    )
    return len(lines)


def benchmark(args, odoo):
    rng = random.Random(args.seed)
    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        quiet = {"lang": admin.lang, "tz": admin.tz, "tracking_disable": True}
        # As the office's administrator (Odoo refuses to open a till as superuser).
        env = env(user=admin.id, context=quiet)
        say("Generating the month")
        began = time.perf_counter()
        regie, bits, products, organiser = setup_regie(env)
        sessions, deposits, orders = run_month(
            args, env, rng, regie, bits, products, organiser
        )
        lines = build_statement(env, regie, sessions, deposits)
        common.settle(cr)
        say(
            f"  {orders:,} POS orders in {len(sessions)} sessions of {len(bits)} "
            "tills, "
            f"{args.receipts} receipts, {len(deposits)} versements, a statement of "
            f"{lines} lines: {time.perf_counter() - began:.0f} s"
        )
        today = odoo.fields.Date.context_today(regie)
        month_start = today.replace(day=1)
        figures = {}
        say("(a) état récapitulatif of the month")
        start = time.perf_counter()
        data = regie.recap_data(month_start, today)
        figures["recap_data"] = time.perf_counter() - start
        wizard = env["tourism.regie.recap.wizard"].create(
            {"regie_id": regie.id, "date_from": month_start, "date_to": today}
        )
        env.invalidate_all()
        start = time.perf_counter()
        html = env["ir.actions.report"]._render_qweb_html(
            "tourism_regie.report_regie_recap", wizard.ids
        )[0]
        figures["recap_html"] = time.perf_counter() - start
        say(
            f"  {len(data['rows'])} accounts, remaining {data['remaining']} EUR, "
            f"{len(html):,} bytes of HTML"
        )
        say("(b) situation at the end of the month")
        env.invalidate_all()
        start = time.perf_counter()
        regie.situation(today)
        figures["situation"] = time.perf_counter() - start
        book_lines = env["tourism.regie.book.line"].search_count(
            [("regie_id", "=", regie.id)]
        )
        say("(c) automatic reconciliation of the statement")
        env.invalidate_all()
        start = time.perf_counter()
        matched = regie.action_auto_reconcile()
        figures["reconcile"] = time.perf_counter() - start
        st_left, book_left = regie.unmatched_items()
        cr.commit()
    say("")
    say("Results")
    say(f"  régie book lines (journal de caisse):    {book_lines:>8,}")
    say(f"  (a) état récapitulatif, figures:         {figures['recap_data']:>8.2f} s")
    say(
        f"  (a) état récapitulatif, figures + HTML:  "
        f"{figures['recap_data'] + figures['recap_html']:>8.2f} s"
    )
    say(f"  (b) situation at a date:                 {figures['situation']:>8.2f} s")
    say(
        f"  (c) auto-reconciliation of {lines} lines: "
        f"{figures['reconcile']:>8.2f} s "
        f"({matched} matched, {len(st_left)} statement lines and {len(book_left)} "
        "book items left)"
    )


def main():
    common.run(parse_args(), prepare, benchmark)


if __name__ == "__main__":
    main()
