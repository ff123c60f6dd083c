"""Concurrent portal load: N hosts declare their taxe de séjour at once, via the proxy.

Each host (a portal user with one lodging, created by this script as admin over XML-RPC)
logs in, opens its declarations page, creates a declaration (half of the hosts
click twice at once, as from two tabs), opens it, adds two stays and three bad lines
(persons = 99999999999999999999, price_per_night = 1e309, price_per_night = NaN) and
submits it (the double-clickers submit twice at once too). Then, as admin, the
script checks that each host has exactly one declaration, submitted, with its two
stays and no bad line, and prints p50 / p95 per request type, HTTP 5xx, 429 (nginx's
rate limit) and dropped connections.

Every host connects from its own loopback address (127.0.1.x): nginx's per-client rate
limits apply to each host as they would in production, not to all of them together.

By default the hosts log in together, wait until every one of them is in, and then all
declare at once (--logins-apart off: logins and declaring mixed, as in the first runs).
--think S makes each host pause S seconds on average (0.5 S to 1.5 S, fixed seed) before
each of its clicks, as a person reading the page and typing a line does; 0 (the default)
is the stress case of 50 robots clicking without a pause.

  .venv/bin/python scripts/load_portal.py --url http://127.0.0.1:8080 --hosts 50

Run it against a scratch database (it creates hosts, lodgings and declarations in it);
--prefix names the hosts (default: a new prefix per run). Exit status 1 when anything is
duplicated, lost, left in draft, a 5xx was answered or a connection dropped.
"""

import argparse
import html
import random
import re
import statistics
import sys
import threading
import time
import xmlrpc.client
from collections import defaultdict
from datetime import date, timedelta

import requests
from requests.adapters import HTTPAdapter

CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
SELECT = r'<select[^>]*name="{}"[^>]*>(.*?)</select>'
OPTION = re.compile(r'<option[^>]*value="(\d+)"')
STAY_ROW = re.compile(r"/stay/(\d+)/delete")
ALERT = re.compile(r'class="alert alert-danger[^"]*"[^>]*>\s*(.*?)\s*</', re.S)
BAD_LINES = (
    ("persons", {"persons": "99999999999999999999"}),
    ("price_inf", {"price_per_night": "1e309"}),
    ("price_nan", {"price_per_night": "NaN"}),
)


class SourceAdapter(HTTPAdapter):
    """Connections from a given local address (each host its own loopback address)."""

    def __init__(self, source, **kw):
        self.source = source
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kw):
        kw["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kw)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.status = defaultdict(lambda: defaultdict(int))
        self.dropped = defaultdict(int)
        self.errors = []

    def add(self, kind, seconds, status):
        with self.lock:
            self.times[kind].append(seconds)
            self.status[kind][status] += 1

    def drop(self, kind, error):
        with self.lock:
            self.dropped[kind] += 1
            self.errors.append(f"{kind}: {type(error).__name__}: {error}")


class Host(threading.Thread):
    def __init__(self, args, stats, index, login, password, period, double, barrier):
        super().__init__(daemon=True)
        self.args, self.stats, self.index = args, stats, index
        self.login, self.password, self.period = login, password, period
        self.double, self.barrier = double, barrier
        self.rng = random.Random(index)
        self.session = self.new_session()
        self.declaration_ids = set()
        self.outcome = {}

    def new_session(self):
        session = requests.Session()
        adapter = SourceAdapter(
            f"127.0.1.{self.index + 1}", pool_maxsize=4, max_retries=0
        )
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.verify = False
        return session

    def request(self, kind, method, path, session=None, **kw):
        session = session or self.session
        start = time.perf_counter()
        try:
            response = session.request(
                method,
                self.args.url + path,
                allow_redirects=False,
                timeout=self.args.timeout,
                **kw,
            )
        except requests.RequestException as error:
            self.stats.drop(kind, error)
            return None
        self.stats.add(kind, time.perf_counter() - start, response.status_code)
        if response.status_code >= 500:
            page = (
                "French page" if "indisponible" in response.text else "no French page"
            )
            self.stats.errors.append(
                f"{kind}: HTTP {response.status_code} {path} ({page})"
            )
        return response

    def think(self):
        """A person's pause before the next click (none in the stress case)."""
        if self.args.think:
            time.sleep(self.args.think * self.rng.uniform(0.5, 1.5))

    def csrf(self, response):
        found = CSRF.search(response.text) if response is not None else None
        return html.unescape(found.group(1)) if found else None

    def run(self):
        try:
            self.scenario()
        except Exception as error:  # the report says which host failed, and why
            self.outcome["crash"] = f"{type(error).__name__}: {error}"

    def scenario(self):
        page = self.request("login_page", "GET", "/web/login")
        response = self.request(
            "login",
            "POST",
            "/web/login",
            data={
                "login": self.login,
                "password": self.password,
                "csrf_token": self.csrf(page),
                "redirect": "/my/tax/declarations",
            },
        )
        logged_in = response is not None and response.status_code == 303
        if self.barrier:
            # Everybody in, then everybody declares at once (a host that crashed
            # breaks the barrier after the timeout: the others go on).
            try:
                self.barrier.wait(timeout=self.args.timeout)
            except threading.BrokenBarrierError:
                pass
        if not logged_in:
            self.outcome["login"] = getattr(response, "status_code", "dropped")
            return
        self.think()
        page = self.request("declarations_page", "GET", "/my/tax/declarations")
        if page is None or page.status_code != 200:
            self.outcome["declarations_page"] = getattr(page, "status_code", "dropped")
            return
        lodging = OPTION.search(
            re.search(SELECT.format("lodging_id"), page.text, re.S).group(1)
        )
        form = {
            "csrf_token": self.csrf(page),
            "lodging_id": lodging.group(1),
            "period_id": str(self.period["id"]),
        }
        self.think()
        # Two tabs: a second session with the same cookies posts the same form at once.
        tabs = [self.session]
        if self.double:
            second = self.new_session()
            second.cookies.update(self.session.cookies)
            tabs.append(second)
        answers = self.at_once(
            [
                lambda s=s: self.request(
                    "create", "POST", "/my/tax/declarations/new", session=s, data=form
                )
                for s in tabs
            ]
        )
        for answer in answers:
            if answer is not None and answer.status_code == 303:
                found = re.search(
                    r"/my/tax/declarations/(\d+)", answer.headers.get("Location", "")
                )
                if found:
                    self.declaration_ids.add(int(found.group(1)))
        if not self.declaration_ids:
            self.outcome["create"] = [
                getattr(a, "status_code", "dropped") for a in answers
            ]
            return
        declaration = min(self.declaration_ids)
        path = f"/my/tax/declarations/{declaration}"
        self.think()
        page = self.request("declaration_page", "GET", path)
        token = self.csrf(page)
        start = date.fromisoformat(self.period["date_from"])
        for number, (nights, offset) in enumerate(((2, 0), (3, 5)), start=1):
            arrival = start + timedelta(days=offset)
            self.think()
            data = {
                "csrf_token": token,
                "arrival": arrival.isoformat(),
                "departure": (arrival + timedelta(days=nights)).isoformat(),
                "persons": "2",
                "price_per_night": "80",
                "channel": "direct",
            }
            response = self.request("add_stay", "POST", path + "/stay", data=data)
            if response is None or response.status_code != 303:
                self.outcome.setdefault("add_stay", []).append(
                    getattr(response, "status_code", "dropped")
                )
                # As a person does after the error page: reload the declaration,
                # and add the stay again only if it is not there (never twice).
                check = self.request("declaration_page", "GET", path)
                stays = len(set(STAY_ROW.findall(check.text))) if check else -1
                if 0 <= stays < number:
                    retry = self.request(
                        "add_stay_again", "POST", path + "/stay", data=data
                    )
                    self.outcome.setdefault("add_stay_again", []).append(
                        getattr(retry, "status_code", "dropped")
                    )
        for name, bad in BAD_LINES:
            data = {
                "csrf_token": token,
                "arrival": start.isoformat(),
                "departure": (start + timedelta(days=1)).isoformat(),
                "persons": "1",
                "price_per_night": "50",
                "channel": "direct",
            }
            data.update(bad)
            self.think()
            response = self.request("bad_line", "POST", path + "/stay", data=data)
            status = getattr(response, "status_code", "dropped")
            shown = bool(self.alert(response))
            self.outcome.setdefault("bad_lines", []).append((name, status, shown))
        self.think()
        answers = self.at_once(
            [
                lambda s=s: self.request(
                    "submit",
                    "POST",
                    path + "/submit",
                    session=s,
                    data={"csrf_token": token},
                )
                for s in tabs
            ]
        )
        self.outcome["submit"] = [
            (getattr(a, "status_code", "dropped"), self.alert(a)) for a in answers
        ]

    def alert(self, response):
        found = ALERT.search(response.text) if response is not None else None
        return (
            re.sub(r"\s+", " ", html.unescape(re.sub("<[^>]+>", "", found.group(1))))[
                :80
            ]
            if found
            else ""
        )

    def at_once(self, calls):
        if len(calls) == 1:
            return [calls[0]()]
        results = [None] * len(calls)
        gate = threading.Barrier(len(calls))

        def run(i):
            gate.wait()
            results[i] = calls[i]()

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results


class Admin:
    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        self.uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
            db, login, password, {}
        )
        if not self.uid:
            sys.exit(f"admin login {login} refused on {db}")
        self.models = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True
        )

    def __call__(self, model, method, *args, **kw):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kw
        )

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        found = self(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return found[0]["res_id"]


def setup_hosts(admin, prefix, count):
    """Portal hosts with one lodging each, like the demo's Hôtel de l'Abbaye."""
    template = admin(
        "tourism.lodging",
        "read",
        [admin.ref("tourism_tax.lodging_abbaye")],
        fields=[
            "commune_id",
            "nature_id",
            "classification",
            "capacity",
            "classification_date",
            "classification_expiry",
        ],
    )[0]
    companies = admin(
        "res.partner",
        "create",
        [
            {
                "name": f"{prefix} hébergeur {i:03d}",
                "is_company": True,
                "is_tourism_provider": True,
                "tourism_commune_id": template["commune_id"][0],
                "country_id": admin.ref("base.fr"),
                "email": f"{prefix}{i:03d}@example.com",
            }
            for i in range(count)
        ],
    )
    portal = admin.ref("base.group_portal")
    hosts = []
    users = []
    for i, company in enumerate(companies):
        login = f"{prefix}{i:03d}"
        password = f"Charge-{i:03d}-{prefix[-6:]}!"
        users.append(
            {
                "name": f"Hébergeur {i:03d}",
                "login": login,
                "password": password,
                "parent_id": company,
                "email": f"{login}@example.com",
                "lang": "fr_FR",
                "tz": "Europe/Paris",
                "groups_id": [(6, 0, [portal])],
            }
        )
        hosts.append((login, password, company))
    admin("res.users", "create", users, context={"no_reset_password": True})
    admin(
        "tourism.lodging",
        "create",
        [
            {
                "name": f"Gîte de charge {i:03d}",
                "host_id": company,
                "commune_id": template["commune_id"][0],
                "nature_id": template["nature_id"][0],
                "classification": template["classification"],
                "capacity": template["capacity"],
                "classification_date": template["classification_date"],
                "classification_expiry": template["classification_expiry"],
            }
            for i, (_login, _password, company) in enumerate(hosts)
        ],
    )
    return hosts


def open_period(admin):
    """The latest started period of an adopted deliberation of the lodgings' EPCI."""
    commune = admin(
        "tourism.lodging",
        "read",
        [admin.ref("tourism_tax.lodging_abbaye")],
        fields=["commune_id"],
    )[0]["commune_id"][0]
    epci = admin("tourism.commune", "read", [commune], fields=["epci_id"])[0][
        "epci_id"
    ][0]
    periods = admin(
        "tourism.tax.period",
        "search_read",
        [
            ("deliberation_id.epci_id", "=", epci),
            ("deliberation_id.state", "=", "adopted"),
            ("date_from", "<=", date.today().isoformat()),
        ],
        fields=["date_from", "date_to", "name"],
        order="date_from desc",
        limit=1,
    )
    if not periods:
        sys.exit("no open period: the database needs the demo's deliberations")
    return periods[0]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default="http://127.0.0.1:8080", help="the proxy's URL"
    )
    parser.add_argument("--db", default="tourisme")
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default="admin")
    parser.add_argument("--prefix", default=f"charge{int(time.time()) % 10**6:06d}-")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument(
        "--during",
        help="shell command started when the load is running "
        "(e.g. stopping one Odoo node)",
    )
    parser.add_argument("--during-delay", type=float, default=5)
    parser.add_argument(
        "--think",
        type=float,
        default=0,
        help="average pause of a host before each click, in seconds (default 0)",
    )
    parser.add_argument(
        "--logins-apart",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="all hosts log in first, then all declare at once (default on)",
    )
    args = parser.parse_args()
    if args.hosts > 250:
        sys.exit("at most 250 hosts (one loopback address each)")

    admin = Admin(args.url, args.db, args.admin_login, args.admin_password)
    period = open_period(admin)
    t0 = time.perf_counter()
    hosts = setup_hosts(admin, args.prefix, args.hosts)
    print(
        f"{len(hosts)} hosts {args.prefix}NNN set up in "
        f"{time.perf_counter() - t0:.1f} s; "
        f"period {period['name']}; half of them click twice; "
        f"pause before each click: {args.think} s on average; "
        f"logins {'first, then all declare at once' if args.logins_apart else 'mixed'}"
    )

    stats = Stats()
    barrier = threading.Barrier(len(hosts)) if args.logins_apart else None
    threads = [
        Host(
            args,
            stats,
            i,
            login,
            password,
            period,
            double=(i % 2 == 0),
            barrier=barrier,
        )
        for i, (login, password, _company) in enumerate(hosts)
    ]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    if args.during:
        time.sleep(args.during_delay)
        import subprocess

        print(f"[{time.perf_counter() - t0:.1f} s] running: {args.during}")
        subprocess.run(args.during, shell=True, check=False)
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - t0

    # What the office sees afterwards.
    companies = [company for _l, _p, company in hosts]
    declarations = admin(
        "tourism.tax.declaration",
        "search_read",
        [("host_id", "in", companies)],
        fields=[
            "host_id",
            "state",
            "stay_ids",
            "amount_total",
            "period_id",
            "lodging_id",
        ],
    )
    by_host = defaultdict(list)
    for declaration in declarations:
        by_host[declaration["host_id"][0]].append(declaration)
    stays = admin(
        "tourism.tax.stay",
        "search_read",
        [("declaration_id", "in", [d["id"] for d in declarations])],
        fields=["declaration_id", "persons", "price_per_night"],
    )
    duplicated = sum(1 for c in companies if len(by_host[c]) > 1)
    existing = {d["id"] for d in declarations}
    # Lost: the server answered "created" (a redirect to it) and it is not there.
    lost = sum(1 for t in threads for i in t.declaration_ids if i not in existing)
    # Refused: the host was told it failed (an error status), has nothing: retries.
    refused = sum(1 for c in companies if not by_host[c])
    draft = sum(1 for d in declarations if d["state"] == "draft")
    bad_stays = sum(
        1 for s in stays if s["persons"] > 1000 or not (0 <= s["price_per_night"] < 1e9)
    )
    worked = {min(t.declaration_ids) for t in threads if t.declaration_ids}
    wrong_stays = sum(
        1 for d in declarations if d["id"] in worked and len(d["stay_ids"]) != 2
    )
    not_sent = sum(
        1 for d in declarations if d["id"] in worked and d["state"] == "draft"
    )
    submits = defaultdict(int)
    for thread in threads:
        for status, message in thread.outcome.get("submit", []):
            submits[(status, message)] += 1

    print(f"\n{len(hosts)} hosts, {elapsed:.1f} s of load")
    print(f"{'request':<18} {'n':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7}  statuses")
    for kind, values in stats.times.items():
        codes = " ".join(
            f"{code}:{n}" for code, n in sorted(stats.status[kind].items())
        )
        print(
            f"{kind:<18} {len(values):>5} {statistics.median(values):>7.3f} "
            f"{percentile(values, 0.95):>7.3f} {max(values):>7.3f}  {codes}"
        )
    http5xx = sum(
        n for kind in stats.status.values() for code, n in kind.items() if code >= 500
    )
    http429 = sum(
        n for kind in stats.status.values() for code, n in kind.items() if code == 429
    )
    dropped = sum(stats.dropped.values())
    bad_outcomes = defaultdict(int)
    for thread in threads:
        for name, status, shown in thread.outcome.get("bad_lines", []):
            bad_outcomes[(name, status, shown)] += 1
    print(
        "\nbad lines (line, HTTP status, error shown to the host): "
        + ", ".join(
            f"{n}/{s}/{'shown' if w else 'not shown'}: {c}"
            for (n, s, w), c in sorted(bad_outcomes.items(), key=str)
        )
    )
    crashed = [t.outcome["crash"] for t in threads if "crash" in t.outcome]
    failed = {
        k: v
        for t in threads
        for k, v in t.outcome.items()
        if k not in ("bad_lines", "submit", "crash")
    }
    retried = [
        status for t in threads for status in t.outcome.get("add_stay_again", [])
    ]
    if retried:
        print(
            f"stays added again after an error, once the page showed them missing: "
            f"{len(retried)} ({', '.join(map(str, retried))})"
        )
    print(
        "submits (HTTP status, message shown): "
        + ", ".join(
            f"{st} {msg!r}: {c}" for (st, msg), c in sorted(submits.items(), key=str)
        )
    )
    print(
        f"HTTP 5xx: {http5xx}   HTTP 429 (rate limit): {http429}   "
        f"dropped connections: {dropped}"
    )
    print(
        f"declarations: {len(declarations)} for {len(hosts)} hosts; "
        f"duplicated hosts: {duplicated}; lost: {lost}; "
        f"hosts told of a failure, nothing created: {refused}; left in draft: {draft} "
        f"(of which the declaration the host filled in: {not_sent}); "
        f"bad lines stored: {bad_stays}; "
        f"declarations without exactly their 2 stays: {wrong_stays}"
    )
    if crashed or failed:
        print(f"client-side failures: {len(crashed)} crashed, {failed}")
    for error in stats.errors[:10]:
        print("  ", error)
    # A node stopped during the load (--during) cuts the requests it holds: nginx
    # answers 502 (the French page), never passes such a POST to the other node, and
    # the host redoes it after checking. Expected then, as long as nothing is missing.
    cut = sum(
        n
        for kind in stats.status.values()
        for code, n in kind.items()
        if code == 502 and args.during
    )
    ok = not (
        (http5xx - cut)
        or dropped
        or duplicated
        or lost
        or not_sent
        or bad_stays
        or wrong_stays
    )
    if ok and cut:
        print(
            f"RESULT: OK ({cut} requests cut by the stopped node, answered 502, "
            "redone by the host once the page showed them missing)"
        )
    else:
        print("RESULT:", "OK" if ok else "PROBLEMS (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    requests.packages.urllib3.disable_warnings()
    sys.exit(main())
