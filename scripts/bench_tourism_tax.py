"""Benchmark of the taxe de séjour (addon tourism_tax) on a department-scale month.

Creates a fresh database without demo data (French company, French chart of accounts,
tourism_tax installed), generates an intercommunality with N lodgings (hotels, meublés
classified or not, guest rooms, campsites...), one declaration per lodging for one month
of a monthly-collected adopted deliberation and S stay lines (minors and seasonal
workers exempted, some nights collected by platforms), then measures:

(a) the pure calculator: compute_stay_tax() called with the S stays' parameters;
(b) the ORM: the stays' amounts computed through the models: recomputed (cache
    invalidated, amounts marked to recompute, flush: the stays' inputs read, their tax
    computed and stored), the figure held to the goal; and for information, the stays
    created (create + flush: the amounts computed before the rows are inserted, the
    declarations' totals, the constraints), with the time Odoo spends computing the
    precomputed fields, the amounts among them (Model._add_precomputed_values), and
    the share spent in Odoo's own insert of the rows (Model._create);
(c) submitting, validating and invoicing declarations (action_submit, then
    action_validate as superuser: one posted customer invoice each, one line per
    component), against creating and posting the same number of plain customer
    invoices with the same lines (partners, accounts, labels, amounts, no tax): one
    create + action_post each, as action_validate does, and in batches (one create and
    one action_post per --chunk invoices). An invoice costs 0.1 to 0.2 s on a 2-core
    machine, so (c) takes the first --invoices declarations (default 500; 0: all);
    the ratios hardly depend on their number (1.08 x with 500, 1.07 x with 1,500).

Goals (from the issue): at least 5,000 stay lines computed per second; validating and
invoicing at most 1.3 times the time of the plain invoices. Times are wall-clock
(time.perf_counter) and include the flush to PostgreSQL and, in (c), the pre-commit
hooks (mail tracking); each phase is committed and analysed before the next one. The
generated amounts are checked against the calculator's, and the declarations'
invoices against the plain ones.

The project's PostgreSQL cluster must be running (scripts/setup.sh). Run from the
project's root:

    .venv/bin/python scripts/bench_tourism_tax.py [--lodgings 5000] [--stays 25000]
        [--db tourisme_bench] [--keep] [--invoices 500] [--month 7] [--chunk 500]

``--lodgings 200 --stays 1000`` is a quick check. The database (its name must start with
"tourisme_bench": it is dropped first if it exists) is dropped at the end unless
``--keep``. ODOO_SRC (default /opt/odoo/18.0), TOURISM_PGPORT (default 55432) and
TOURISM_LOCAL_DIR are read as scripts/lib.sh does.
"""

import argparse
import calendar
import cProfile
import math
import os
import platform
import pstats
import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import defaultdict
from contextlib import closing
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL_DIR = Path(os.environ.get("TOURISM_LOCAL_DIR") or ROOT / ".local")
PGPORT = os.environ.get("TOURISM_PGPORT") or "55432"
DB_USER = "odoo"
DB_PASSWORD = "odoo"
DB_PREFIX = "tourisme_bench"

GOAL_STAYS_PER_SECOND = 5000
GOAL_RATIO = 1.3

# Tariffs of the deliberation (EUR per person and night), within the legal scale.
TARIFFS = {
    "palace": "4.00",
    "stars_5": "2.50",
    "stars_4": "1.50",
    "stars_3": "1.00",
    "stars_2": "0.70",
    "stars_1": "0.50",
    "outdoor_3_5": "0.50",
    "outdoor_1_2": "0.20",
}
UNCLASSIFIED_RATE = Decimal("5")  # % of the price per person and night
ROUNDING = "per_person_night"
# (nature, classification, weight): a rural département, meublés first.
LODGING_MIX = [
    ("furnished", "0", 30),
    ("furnished", "1", 3),
    ("furnished", "2", 8),
    ("furnished", "3", 10),
    ("furnished", "4", 5),
    ("furnished", "5", 1),
    ("guest_room", "0", 10),
    ("hotel", "1", 2),
    ("hotel", "2", 4),
    ("hotel", "3", 6),
    ("hotel", "4", 3),
    ("hotel", "5", 1),
    ("hotel", "palace", 1),
    ("residence", "3", 2),
    ("holiday_village", "4", 1),
    ("hostel", "0", 1),
    ("campsite", "2", 2),
    ("campsite", "4", 3),
    ("other", "0", 1),
]
NIGHTS = ([1, 2, 3, 4, 5, 6, 7, 10, 14], [20, 25, 15, 10, 8, 5, 10, 4, 3])
PERSONS = ([1, 2, 3, 4, 5, 6], [15, 40, 12, 20, 8, 5])
PLATFORMS = ("airbnb", "booking", "abritel")
COMMUNES = 30


def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark the tourist tax: calculator, ORM, validation.",
    )
    parser.add_argument("--lodgings", type=int, default=5000, help="default 5000")
    parser.add_argument("--stays", type=int, default=25000, help="default 25000")
    parser.add_argument("--db", default=DB_PREFIX, help=f"default {DB_PREFIX}")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--month", type=int, default=7, help="month declared (default 7, July)"
    )
    parser.add_argument(
        "--invoices",
        type=int,
        default=500,
        help="declarations submitted and validated in (c), the first ones; 0: all "
        "(default 500: an invoice takes 0.1 to 0.2 s here)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile (b): print the most expensive functions and keep the profiles "
        "in the temporary directory (the figures are then slower)",
    )
    parser.add_argument(
        "--chunk",
        type=int,
        default=500,
        help="declarations per ORM call between cache invalidations (default 500)",
    )
    args = parser.parse_args()
    if not args.db.startswith(DB_PREFIX):
        parser.error(f"the database name must start with {DB_PREFIX!r}: it is dropped")
    if min(args.lodgings, args.chunk) < 1 or min(args.stays, args.invoices) < 0:
        parser.error("--lodgings and --chunk must be positive, --stays not negative")
    args.invoices = min(args.invoices or args.lodgings, args.lodgings)
    if not 1 <= args.month <= 12:
        parser.error("--month is 1 to 12")
    return args


def say(message):
    print(message, flush=True)


# -- Odoo, PostgreSQL, database ------------------------------------------------


def find_odoo():
    """The Odoo 18.0 source, as lib.sh's find_odoo (without cloning it)."""
    candidates = [Path(os.environ.get("ODOO_SRC") or "/opt/odoo/18.0")]
    candidates.append(LOCAL_DIR / "odoo")
    for candidate in candidates:
        if (candidate / "odoo-bin").is_file():
            release = (candidate / "odoo" / "release.py").read_text()
            if "version_info = (18, 0" not in release:
                sys.exit(f"{candidate} is not Odoo 18.0 (see odoo/release.py)")
            return candidate.resolve()
    sys.exit(
        f"Odoo 18.0 source not found at {candidates[0]}: set ODOO_SRC or run "
        "scripts/setup.sh"
    )


def odoo_common_args(odoo_src):
    """The options of lib.sh's odoo_common_args."""
    addons = [ROOT / "addons", odoo_src / "addons", odoo_src / "odoo" / "addons"]
    oca_dir = Path(sysconfig.get_paths()["purelib"]) / "odoo" / "addons"
    if oca_dir.is_dir():
        addons.append(oca_dir)
    return [
        "--addons-path=" + ",".join(str(path) for path in addons),
        f"--data-dir={LOCAL_DIR / 'filestore'}",
        "--db_host=127.0.0.1",
        f"--db_port={PGPORT}",
        f"--db_user={DB_USER}",
        f"--db_password={DB_PASSWORD}",
        "--http-interface=127.0.0.1",
    ]


def run_on_existing_db(args, benchmark):
    """The main of the benchmarks that work in an existing database (args.db):
    start Odoo, run benchmark(args, odoo), print the total time; exit 1 when the
    benchmark returns False (a goal missed)."""
    started = time.perf_counter()
    odoo_src = find_odoo()
    sys.path.insert(0, str(odoo_src))
    import odoo

    odoo.tools.config.parse_config([*odoo_common_args(odoo_src), "--log-level=warn"])
    odoo.netsvc.init_logger()
    say(
        f"Odoo {odoo.release.version}, database {args.db} on 127.0.0.1:{PGPORT}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs "
        "(rolled back at the end)"
    )
    ok = benchmark(args, odoo)
    say(f"Total run time: {time.perf_counter() - started:.0f} s")
    sys.exit(1 if ok is False else 0)


def check_postgres(odoo):
    import psycopg2

    try:
        with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
            cr.execute("SHOW server_version")
            return cr.fetchone()[0]
    except psycopg2.OperationalError as error:
        sys.exit(
            f"Cannot connect to PostgreSQL on 127.0.0.1:{PGPORT} as {DB_USER}: "
            f"{str(error).strip()}\nStart the project's cluster first: "
            "scripts/setup.sh (it is idempotent)."
        )


def run_step(label, command):
    say(f"  {label} ...")
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        output = (result.stdout + result.stderr).splitlines()
        say("\n".join(output[-40:]))
        sys.exit(f"{label} failed (exit status {result.returncode})")
    say(f"  {label}: {time.perf_counter() - start:.0f} s")


def create_database(odoo_src, common, db, addon="tourism_tax"):
    """Drop `db`, then create it as lib.sh's create_db (no demo) does and install
    `addon` without demo data."""
    from odoo.service import db as db_service

    if db in db_service.list_dbs(True):
        say(f"  dropping the existing database {db}")
        db_service.exp_drop(db)
    python, odoo_bin = sys.executable, str(odoo_src / "odoo-bin")
    quiet = ["--http-port=0", "--max-cron-threads=0", "--log-level=warn"]
    run_step(
        f"creating {db} (French company, no demo)",
        [python, str(ROOT / "scripts" / "create_db.py"), str(odoo_src), db, "0"]
        + common
        + ["--log-level=warn"],
    )
    run_step(
        "installing l10n_fr_account",
        [python, odoo_bin, *common, "-d", db, "-i", "l10n_fr_account"]
        + ["--stop-after-init", *quiet],
    )
    run_step(
        f"installing {addon}",
        [python, odoo_bin, *common, "-d", db, "-i", addon]
        + ["--stop-after-init", "--without-demo=all", *quiet],
    )


def settle(cr):
    """Commit and refresh the planner's statistics, so that every phase starts from
    the same state (and no phase pays for the tables the previous one filled)."""
    cr.commit()
    cr.execute("ANALYZE")
    cr.commit()


# -- generated dataset: plan (pure Python) --------------------------------------


def plan_lodgings(rng, count, month_start, month_end):
    natures, classifications, weights = zip(*LODGING_MIX, strict=True)
    hosts = max(1, math.ceil(count * 0.8))  # a few hosts have several lodgings
    lodgings = []
    for index in range(count):
        pick = rng.choices(range(len(LODGING_MIX)), weights)[0]
        lodging = {
            "index": index,
            "nature": natures[pick],
            "classification": classifications[pick],
            "host": index if index < hosts else rng.randrange(hosts),
            "commune": rng.randrange(COMMUNES),
            "capacity": rng.randint(2, 60),
            "expiry": None,
        }
        # 3 % of the classified ones lose their classification during the month.
        if lodging["classification"] != "0" and rng.random() < 0.03:
            lodging["expiry"] = month_start + timedelta(
                days=rng.randrange((month_end - month_start).days + 1)
            )
        lodgings.append(lodging)
    return lodgings, hosts


def category_of(lodging, day, category_code):
    """The category code the model finds (tourism.lodging._get_category)."""
    classification = lodging["classification"]
    classified = classification != "0" and (
        not lodging["expiry"] or lodging["expiry"] >= day
    )
    stars = int(classification) if classified and classification != "palace" else 0
    return category_code(
        lodging["nature"],
        stars=stars,
        is_palace=classified and classification == "palace",
    )


def plan_stays(rng, lodgings, count, month_start, days, rates):
    """[(lodging index, stay values, compute_stay_tax parameters, platform?)], sorted
    by lodging: every lodging has a stay when there are enough of them. `rates`: the
    add-ons' rates (fractions of the base)."""
    from odoo.addons.tourism_tax.tools.categories import category_code

    owners = list(range(min(count, len(lodgings))))
    owners += [rng.randrange(len(lodgings)) for _ in range(count - len(owners))]
    owners.sort()
    cap = max(Decimal(tariff) for tariff in TARIFFS.values())
    stays = []
    for owner in owners:
        lodging = lodgings[owner]
        nights = min(rng.choices(*NIGHTS)[0], days)
        arrival = month_start + timedelta(days=rng.randrange(days - nights + 1))
        persons = rng.choices(*PERSONS)[0]
        minors = (
            rng.randint(1, persons - 1) if persons > 2 and rng.random() < 0.5 else 0
        )
        seasonal = 1 if persons - minors > 1 and rng.random() < 0.02 else 0
        price = rng.randrange(35, 260)
        platform_share = (
            0.25 if lodging["nature"] in ("furnished", "guest_room") else 0.05
        )
        values = {
            "arrival": arrival,
            "departure": arrival + timedelta(days=nights),
            "persons": persons,
            "exempt_minors": minors,
            "exempt_seasonal": seasonal,
            "price_per_night": price,
            "channel": "direct",
        }
        if rng.random() < platform_share:
            values.update(channel="platform", platform=rng.choice(PLATFORMS))
        params = {
            "nights": nights,
            "persons": persons,
            "exempt_persons": minors + seasonal,
            "surcharge_rates": rates,
            "rounding": ROUNDING,
        }
        code = category_of(lodging, arrival, category_code)
        if code == "unclassified":
            params.update(
                proportional_rate=UNCLASSIFIED_RATE / 100,
                price_per_night=Decimal(price),
                cap=cap,
            )
        else:
            params["tariff"] = Decimal(TARIFFS[code])
        stays.append((owner, values, params, values["channel"] == "platform"))
    return stays


def expected_amounts(stays, results, lodging_count):
    """Per lodging: [base, département add-on, regional add-on] (Decimal), from the
    calculator's results; the nights collected by platforms are not due by hosts."""
    amounts = [[Decimal(0)] * 3 for _ in range(lodging_count)]
    for (owner, _values, _params, is_platform), tax in zip(stays, results, strict=True):
        if not is_platform:
            parts = amounts[owner]
            parts[0] += tax.base
            parts[1] += tax.surcharges[0]
            parts[2] += tax.surcharges[1]
    return amounts


# -- generated dataset: records ------------------------------------------------


def create_collectivity(env, year, month):
    """An EPCI with its communes, the accounts, and the adopted deliberation of
    `year`, collected monthly; returns what the benchmark needs."""
    Account = env["account.account"]

    def account(code, name, account_type, reconcile=False):
        found = Account.search([("code", "=", code)], limit=1)
        return found or Account.create(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
                "reconcile": reconcile,
            }
        )

    epci = env["tourism.epci"].create({"name": "CC du Banc d'Essai", "nature": "cc"})
    used = set(
        env["tourism.commune"]
        .with_context(active_test=False)
        .search([])
        .mapped("insee_code")
    )
    codes = [
        code for code in (f"40{n:03d}" for n in range(500, 1000)) if code not in used
    ]
    communes = env["tourism.commune"].create(
        [
            {
                "name": f"Commune d'Essai {index + 1}",
                "insee_code": code,
                "zip": code,
                "epci_id": epci.id,
            }
            for index, code in enumerate(codes[:COMMUNES])
        ]
    )
    surcharges = env.ref("tourism_tax.surcharge_departement_landes") | env.ref(
        "tourism_tax.surcharge_gpso"
    )
    for code, surcharge in zip(("467111", "467121"), surcharges, strict=True):
        surcharge.account_id = account(
            code, surcharge.name, "liability_current", reconcile=True
        )
    categories = {
        category.code: category for category in env["tourism.tax.category"].search([])
    }
    deliberation = env["tourism.tax.deliberation"].create(
        {
            "year": year,
            "epci_id": epci.id,
            "reference": "BENCH",
            # CGCT L2333-26: adopted before 1 July of the year before.
            "date_adopted": date(year - 1, 6, 15),
            "period_frequency": "monthly",
            "unclassified_rate": float(UNCLASSIFIED_RATE),
            "rounding": ROUNDING,
            "base_account_id": account("706810", "Taxe de séjour", "income").id,
            "surcharge_ids": [(6, 0, surcharges.ids)],
            "tariff_ids": [
                (0, 0, {"category_id": categories[code].id, "tariff": float(tariff)})
                for code, tariff in TARIFFS.items()
            ],
        }
    )
    deliberation.action_generate_periods()
    deliberation.action_adopt()
    period = deliberation.period_ids.filtered(lambda p: p.date_from.month == month)
    return {
        "communes": communes,
        "deliberation": deliberation,
        "period": period,
        "surcharges": surcharges.sorted("sequence"),
        "platforms": {
            name: env.ref(f"tourism_tax.res_partner_platform_{name}")
            for name in PLATFORMS
        },
    }


def create_lodgings(env, ref, lodgings, host_count, stays):
    """Hosts, lodgings and one draft declaration each; returns the declarations in the
    order of `lodgings`."""
    hosts = env["res.partner"].create(
        [
            {
                "name": f"Hébergeur d'essai {index + 1:05d}",
                "is_company": True,
                "is_tourism_provider": True,
                "tourism_commune_id": ref["communes"][index % COMMUNES].id,
            }
            for index in range(host_count)
        ]
    )
    natures = {
        nature.code: nature for nature in env["tourism.lodging.nature"].search([])
    }
    vals_list = []
    for lodging in lodgings:
        vals = {
            "name": f"{lodging['nature']} {lodging['index'] + 1:05d}",
            "host_id": hosts[lodging["host"]].id,
            "commune_id": ref["communes"][lodging["commune"]].id,
            "nature_id": natures[lodging["nature"]].id,
            "classification": lodging["classification"],
            "capacity": lodging["capacity"],
        }
        if lodging["expiry"]:
            vals["classification_date"] = lodging["expiry"] - timedelta(days=5 * 365)
            vals["classification_expiry"] = lodging["expiry"]
        vals_list.append(vals)
    records = env["tourism.lodging"].create(vals_list)
    with_stays = {owner for owner, *_rest in stays}
    return env["tourism.tax.declaration"].create(
        [
            {
                "lodging_id": lodging.id,
                "period_id": ref["period"].id,
                "is_zero": index not in with_stays,
            }
            for index, lodging in enumerate(records)
        ]
    )


# -- measures ------------------------------------------------------------------


def bench_calculator(compute_stay_tax, stays, repeat=3):
    """Best of `repeat` runs over the S stays' parameters."""
    params = [stay[2] for stay in stays]
    best = math.inf
    for _run in range(repeat):
        start = time.perf_counter()
        results = [compute_stay_tax(**kwargs) for kwargs in params]
        best = min(best, time.perf_counter() - start)
    return best, results


class Timer:
    """Wall-clock time spent in the method `name` of the model class of `records`
    while the timer is on (the method is wrapped, then restored)."""

    def __init__(self, records, name):
        self.cls, self.name, self.seconds = type(records), name, 0.0

    def __enter__(self):
        method = getattr(self.cls, self.name)

        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - began

        setattr(self.cls, self.name, timed)
        return self

    def __exit__(self, *exc):
        delattr(self.cls, self.name)


def bench_stay_creation(env, ref, declarations, stays, chunk):
    """Create the stay lines, `chunk` declarations at a time, each batch flushed:
    the stored amounts of the stays and the declarations' totals are computed.
    Returns the time, the queries, the time Odoo spends computing the precomputed
    fields (the amounts among them) before the rows are inserted, and the time of
    Odoo's insert of the rows."""
    Stay = env["tourism.tax.stay"]
    by_owner = defaultdict(list)
    for owner, values, _params, _is_platform in stays:
        vals = dict(values, declaration_id=declarations[owner].id)
        if "platform" in vals:
            vals["platform_id"] = ref["platforms"][vals.pop("platform")].id
        by_owner[owner].append(vals)
    owners = sorted(by_owner)
    elapsed = queries = 0
    with (
        Timer(Stay, "_add_precomputed_values") as computing,
        Timer(Stay, "_create") as inserting,
    ):
        for start in range(0, len(owners), chunk):
            vals_list = [
                vals
                for owner in owners[start : start + chunk]
                for vals in by_owner[owner]
            ]
            began, count = time.perf_counter(), env.cr.sql_log_count
            Stay.create(vals_list)
            env.flush_all()
            elapsed += time.perf_counter() - began
            queries += env.cr.sql_log_count - count
            env.invalidate_all()
    return elapsed, queries, computing.seconds, inserting.seconds


def bench_stay_recompute(env):
    """Invalidate the cache, mark the stays' amounts to recompute and flush: only the
    stays' computation (and the UPDATE of their amounts)."""
    Stay = env["tourism.tax.stay"]
    stays = Stay.search([])
    env.invalidate_all()
    for name in (
        "taxable_person_nights",
        "amount_base",
        "amount_surcharges",
        "amount_total",
    ):
        env.add_to_compute(Stay._fields[name], stays)
    began, count = time.perf_counter(), env.cr.sql_log_count
    env.flush_all()
    return time.perf_counter() - began, env.cr.sql_log_count - count


def check_declarations(declarations, expected):
    """Number of declarations whose stored totals differ from the calculator's."""
    rows = declarations.read(["amount_base", "amount_surcharges"])
    wrong = 0
    for row, parts in zip(rows, expected, strict=True):
        if round(row["amount_base"] - float(parts[0]), 2) or round(
            row["amount_surcharges"] - float(parts[1] + parts[2]), 2
        ):
            wrong += 1
    return wrong


def plain_invoice_values(ref, declarations, expected, prefix):
    """The invoices the declarations will give, as plain customer invoices: same
    partner, accounts, labels and amounts, no tax; `prefix` starts their reference."""
    today = date.today()
    period = ref["period"]
    accounts = [ref["deliberation"].base_account_id] + [
        surcharge.account_id for surcharge in ref["surcharges"]
    ]
    labels = ["Taxe de séjour"] + ref["surcharges"].mapped("name")
    vals_list = []
    for declaration, parts in zip(declarations, expected, strict=True):
        lines = [
            {
                "name": f"{label} - {declaration.lodging_id.name}, {period.name}",
                "account_id": account.id,
                "quantity": 1,
                "price_unit": float(amount),
                "tax_ids": [(6, 0, [])],
            }
            for account, label, amount in zip(accounts, labels, parts, strict=True)
            if amount
        ]
        if lines:
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": declaration.host_id.id,
                    "invoice_date": today,
                    "invoice_date_due": max(period.payment_due, today),
                    "invoice_origin": f"{prefix}/{declaration.name}",
                    "ref": f"{prefix}/{declaration.name}",
                    "invoice_line_ids": [(0, 0, line) for line in lines],
                }
            )
    return vals_list


def timed_chunks(env, items, chunk, action):
    """Run `action` on slices of `items`; each slice is flushed with the pre-commit
    hooks (mail tracking) inside the time, then the cache is emptied outside it."""
    elapsed = queries = 0
    for start in range(0, len(items), chunk):
        began, count = time.perf_counter(), env.cr.sql_log_count
        action(items[start : start + chunk])
        env.cr.flush()
        env.flush_all()
        elapsed += time.perf_counter() - began
        queries += env.cr.sql_log_count - count
        env.invalidate_all()
    return elapsed, queries


def post_one_by_one(env, vals_list):
    """As action_validate does: one create and one action_post per invoice."""
    Move = env["account.move"]
    for vals in vals_list:
        Move.create(vals).action_post()


def post_batch(env, vals_list):
    env["account.move"].create(vals_list).action_post()


def bench_invoicing(env, ref, declarations, expected, chunk):
    """Plain invoices (one by one, then in batches), then submit and validate the
    declarations, each phase committed and analysed before the next."""
    one_by_one = plain_invoice_values(ref, declarations, expected, "PLAIN")
    batched = plain_invoice_values(ref, declarations, expected, "BATCH")
    warm_up = [dict(vals, ref="WARM-UP") for vals in one_by_one[:10]]
    post_one_by_one(env, warm_up[:5])
    post_batch(env, warm_up[5:])
    settle(env.cr)
    figures = {}
    phases = [
        ("plain", one_by_one, lambda part: post_one_by_one(env, part)),
        ("batch", batched, lambda part: post_batch(env, part)),
        ("submit", declarations, lambda part: part.action_submit()),
        ("validate", declarations, lambda part: part.action_validate()),
    ]
    for name, items, action in phases:
        figures[name] = timed_chunks(env, items, chunk, action)
        settle(env.cr)
    invoices = declarations.invoice_id
    plain = env["account.move"].search([("ref", "=like", "PLAIN/%")])
    figures.update(
        declarations=len(declarations),
        invoices=len(invoices),
        plain_invoices=len(plain),
        lines=len(invoices.invoice_line_ids),
        plain_lines=len(plain.invoice_line_ids),
        total=sum(invoices.mapped("amount_total")),
        plain_total=sum(plain.mapped("amount_total")),
        posted=set(invoices.mapped("state")) <= {"posted"},
    )
    return figures


# -- report --------------------------------------------------------------------


def profile_report(profiler, step):
    """Print the most expensive functions of `step`; keep the whole profile for
    `python -m pstats`."""
    path = Path(tempfile.gettempdir()) / f"bench_tourism_tax.{step}.prof"
    profiler.dump_stats(path)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(30)
    say(f"  profile of {step} kept in {path}")


def verdict(ok):
    return "met" if ok else "MISSED"


def rate_line(label, count, seconds, queries=None, goal=True):
    rate = count / seconds if seconds else math.inf
    per_line = f"{queries / count:5.1f} q/line" if queries and count else " " * 12
    verdict_text = (
        f"goal >= {GOAL_STAYS_PER_SECOND:,}/s: {verdict(rate >= GOAL_STAYS_PER_SECOND)}"
        if goal
        else "(for information)"
    )
    figure = f"{seconds:8.2f} s {rate:>9,.0f} lines/s {per_line}"
    say(f"  {label:<48} {figure}  {verdict_text}")


def time_line(label, seconds, queries, count):
    per_item = f"{1000 * seconds / count:6.1f} ms each" if count else ""
    say(f"  {label:<48} {seconds:8.2f} s {per_item} {queries:>10,} queries")


def ratio_line(label, seconds, reference):
    ratio = seconds / reference if reference else math.inf
    say(
        f"  {label:<48} {ratio:8.2f} x  goal <= {GOAL_RATIO} x: "
        f"{verdict(ratio <= GOAL_RATIO)}"
    )


def report_invoicing(args, figures):
    count, invoices = figures["declarations"], figures["invoices"]
    plain, batch = figures["plain"], figures["batch"]
    submit, validate = figures["submit"], figures["validate"]
    say(
        f"(c) {count:,} of the {args.lodgings:,} declarations vs plain customer "
        "invoices"
    )
    lines = f"{figures['plain_invoices']:,} invoices ({figures['plain_lines']:,} lines)"
    time_line(f"plain: {lines}, one by one", *plain, figures["plain_invoices"])
    time_line(
        f"plain: same, in batches of {args.chunk}", *batch, figures["plain_invoices"]
    )
    time_line(f"declarations: {count:,} submitted", *submit, count)
    time_line(
        f"validated: {invoices:,} invoices ({figures['lines']:,} lines) posted",
        *validate,
        invoices,
    )
    both = submit[0] + validate[0]
    ratio_line("ratio (submit + validate) / plain one by one", both, plain[0])
    ratio_line("ratio validate / plain one by one", validate[0], plain[0])
    ratio_line("ratio validate / plain in batches", validate[0], batch[0])
    ratio_line("ratio (submit + validate) / plain in batches", both, batch[0])
    if (
        invoices != figures["plain_invoices"]
        or round(figures["total"] - figures["plain_total"], 2)
        or not figures["posted"]
    ):
        say(
            "  WARNING: the declarations' invoices differ from the plain ones "
            f"(total {figures['total']:.2f} vs {figures['plain_total']:.2f})"
        )


def report(args, figures, invoicing):
    stays = args.stays
    say("")
    say(f"== Results: {args.lodgings:,} lodgings, {stays:,} stay lines, one month ==")
    say("(a) pure calculator")
    rate_line("compute_stay_tax(), best of 3", stays, figures["calculator"])
    say("(b) ORM: amounts of tourism.tax.stay")
    rate_line("computed: read, computed, stored", stays, *figures["recompute"])
    created, queries, computing, inserting = figures["create"]
    rate_line(
        "created (+ declaration totals, constraints)", stays, created, queries, False
    )
    rate_line(
        "  of which precomputing the fields (amounts...)",
        stays,
        computing,
        None,
        False,
    )
    say(
        f"  {'  of which Odoo inserting the rows (_create)':<48} {inserting:8.2f} s "
        f"{inserting / created:>9.0%} of the creation"
    )
    report_invoicing(args, invoicing)


# -- main ----------------------------------------------------------------------


def prepare(args):
    odoo_src = find_odoo()
    sys.path.insert(0, str(odoo_src))
    import odoo

    common = odoo_common_args(odoo_src)
    odoo.tools.config.parse_config([*common, "--log-level=warn"])
    odoo.netsvc.init_logger()
    pg_version = check_postgres(odoo)
    say(
        f"Odoo {odoo.release.version} ({odoo_src}), PostgreSQL {pg_version} on "
        f"127.0.0.1:{PGPORT}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    say(f"Creating the database {args.db}")
    create_database(odoo_src, common, args.db)
    return odoo


def generate(args, env, rng):
    today = date.today()
    scale_years = env["tourism.tax.legal.scale"].search([]).mapped("year")
    year = today.year if today.year in scale_years else max(scale_years)
    month_start = date(year, args.month, 1)
    days = calendar.monthrange(year, args.month)[1]
    month_end = date(year, args.month, days)
    if env["tourism.lodging"].search_count([]):
        say("  WARNING: the database already has lodgings (demo data?)")
    began = time.perf_counter()
    ref = create_collectivity(env, year, args.month)
    lodgings, host_count = plan_lodgings(rng, args.lodgings, month_start, month_end)
    # The add-ons' rates as the model reads them (tourism_tax_deliberation.to_decimal).
    rates = [Decimal(str(s.rate)) / 100 for s in ref["surcharges"]]
    stays = plan_stays(rng, lodgings, args.stays, month_start, days, rates)
    declarations = create_lodgings(env, ref, lodgings, host_count, stays)
    env.flush_all()
    say(
        f"  {host_count:,} hosts, {len(lodgings):,} lodgings, {len(declarations):,} "
        f"declarations for {month_start:%m/%Y} in {COMMUNES} communes: "
        f"{time.perf_counter() - began:.1f} s"
    )
    return ref, stays, declarations


def benchmark(args, odoo):
    from odoo.addons.tourism_tax.tools.calculator import compute_stay_tax

    rng = random.Random(args.seed)
    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        context = {"lang": admin.lang, "tz": admin.tz}
        quiet = dict(context, tracking_disable=True, mail_create_nolog=True)
        say("Generating the dataset")
        ref, stays, declarations = generate(args, env(context=quiet), rng)
        settle(cr)
        figures = {}
        say("(a) calculator")
        figures["calculator"], results = bench_calculator(compute_stay_tax, stays)
        expected = expected_amounts(stays, results, args.lodgings)
        say("(b) ORM: creating the stay lines")
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        figures["create"] = bench_stay_creation(
            env(context=quiet), ref, declarations, stays, args.chunk
        )
        if profiler:
            profiler.disable()
            profile_report(profiler, "create")
        settle(cr)
        wrong = check_declarations(declarations, expected)
        if wrong:
            say(f"  WARNING: {wrong} declarations differ from the calculator's amounts")
        say("(b) ORM: recomputing the stays' amounts")
        if profiler:
            profiler = cProfile.Profile()
            profiler.enable()
        figures["recompute"] = bench_stay_recompute(env(context=quiet))
        if profiler:
            profiler.disable()
            profile_report(profiler, "recompute")
        settle(cr)
        sample = args.invoices
        say(
            f"(c) plain invoices, then submitting and validating {sample:,} "
            "declarations"
        )
        invoicing = bench_invoicing(
            env(context=context),
            ref,
            declarations[:sample].with_env(env(context=context)),
            expected[:sample],
            args.chunk,
        )
    report(args, figures, invoicing)


def run(args, prepare, benchmark):
    """prepare(args) the database and return the odoo package, run benchmark(args,
    odoo), then drop the database unless --keep (the other benchmarks use it too)."""
    started = time.perf_counter()
    odoo = prepare(args)
    try:
        benchmark(args, odoo)
    finally:
        if not args.keep:
            from odoo.service import db as db_service

            db_service.exp_drop(args.db)
            say(f"Dropped the database {args.db}")
    say(f"Total run time: {time.perf_counter() - started:.0f} s")


def main():
    run(parse_args(), prepare, benchmark)


if __name__ == "__main__":
    main()
