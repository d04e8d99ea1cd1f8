#!/usr/bin/env python3
"""Participatory budget voting benchmark (medborgarbudget): ballots cast by voting code over HTTP by concurrent
clients on loopback, a `kill -9` of the server under that load, and the results over many ballots.

Set up through the product's own commands only:
- `skillnad demo` gives the two example budgets: `medborgarbudget-jarva-exempel` (voting open today, knapsack
  rule, areas rinkeby-kista 1,500,000 kr and spanga-tensta 1,000,000 kr, some 140 demo ballots) and
  `medborgarbudget-skarholmen-2025-exempel` (voting closed in 2025, approval rule, at most 3 projects);
- `skillnad budgets codes SLUG --count N --out FILE.csv` issues the voting codes the clients vote with.

Then over HTTP (`skillnad serve`, requests per client not limited: SKILLNAD_RATE_LIMIT=0):

1. cast: BALLOTS codes (default 10,000) each cast once over DURATION seconds (default 600), open loop: ballot i
   is due at i × DURATION / BALLOTS whether or not earlier ones have been answered, and is sent by one of
   CLIENTS threads (default 32), each with its own keep-alive connection and its own CSRF cookie and token
   (GET /budgets/SLUG/vote once). A ballot is a random valid one: a random area, a random set of at least one
   of its projects on the ballot within its amount. Each POST /budgets/SLUG/vote is timed at the client, from
   sending to the end of the answer; a separate client asks /healthz every 200 ms during the same load as the
   reference (the clients share the machine with the server: their own time is in both figures). After
   the server has stopped the database is read directly: the ballots by code must be the
   demo's (read before the load) plus one per returned receipt, no voter twice, each ballot with the area and
   the projects sent and the receipt returned (codes and receipts are stored as HMAC-SHA256 with
   SKILLNAD_VOTING_KEY, default "skillnad", so the script can find each code's ballot; if its hashes match
   none, only the totals are compared).
2. kill: KILL_BALLOTS codes (default 2,000) cast as in 1 over KILL_DURATION seconds (default 60); when half
   of them have had their receipt the server gets SIGKILL (`kill -9`). Requests in flight then fail, which is
   allowed; every receipt returned before (or already on its way to the client) must be counted after the
   server is started again on the same database: POST /budgets/SLUG/receipt must answer 200 and say that the
   ballot "är räknad". The ballots stored by the load are counted as well (at least one per receipt).
3. results: RESULT_BALLOTS synthetic counted ballots (default 100,000) in the closed Skärholmen budget, then
   ROUNDS rounds (default 3) of 20 requests each to the JSON (/api/v1/budgets/SLUG/results), the page
   (/budgets/SLUG/results) and the CSV (/budgets/SLUG/results.csv), interleaved with /healthz. The ballots
   are written with SQL (sqlite3, one transaction: 1 to 3 distinct projects of the heading on the ballot,
   voters 'bench:N', receipts 'bench-receipt:N', cast 2025-05-10 12:00 in the form the product writes the
   time, ids as the database stores them: upper-case text in SQLite) because casting 100,000
   by HTTP would take the load test's time again, and voting is closed in that budget anyway; what is
   measured is the count and the page over them. The JSON's ballots must be the demo's plus RESULT_BALLOTS.

    python3 bench/budgets.py                                  # everything on SQLite, about 15 minutes
    PART=kill python3 bench/budgets.py                        # cast, kill or results; several with commas
    BALLOTS=300 DURATION=20 CLIENTS=8 ROUNDS=1 RESULT_BALLOTS=20000 \\
        SKILLNAD_BIN=.build/debug/skillnad python3 bench/budgets.py           # a quick check of the script
    DATABASE_URL='postgres://u:p@127.0.0.1:5432/fresh?tlsmode=disable' python3 bench/budgets.py
    KEEP=1 PART=cast python3 bench/budgets.py                 # keeps the databases, code lists and logs

Environment: SKILLNAD_BIN (else a release build), BALLOTS, DURATION, CLIENTS, KILL_BALLOTS, KILL_DURATION,
RESULT_BALLOTS, ROUNDS, PART (all, or a comma list of cast, kill, results), KEEP=1, TIMEOUT (seconds a request
may take, default 30).

SQLite always: each part gets a fresh file in a temporary directory. PostgreSQL as well when DATABASE_URL is
set: the cast and the kill parts run again there (results is SQLite only: it writes with sqlite3). The
database DATABASE_URL names must be EMPTY (a fresh database made for this run): `skillnad demo` loads nothing
into a database that has a catalogue, and the kill part reuses the cast part's database (a second `demo`
changes nothing; new codes are a new batch). Counts there are read with `psql` (DATABASE_URL with
tlsmode=… turned into sslmode=…); without psql on the PATH the database checks of the cast part are skipped
and say so. DATABASE_URL is taken out of the environment for the SQLite runs.

Requirements (the issue): 10,000 ballots over 10 minutes with none lost and none counted twice, p99 of casting
a ballot < 50 ms, on SQLite and PostgreSQL; no ballot whose receipt was returned lost to a `kill -9`; results
over 100,000 ballots < 1 s (judged here on the p90 of each route). A figure within 10% under its limit is
"not clearly met". Not a timed gate: the machines are shared and noisy. A failed step is reported and the run
goes on; the summary table at the end lists every figure and every failure. The exit status is 0 when a
figure misses its requirement (it is a measurement), 1 when a part crashed, 2 when a ballot was lost or
counted twice.
"""
import collections
import csv
import hashlib
import hmac
import http.client
import json
import math
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

from common import ROOT, binary, serve

BALLOTS = int(os.environ.get("BALLOTS", "10000"))
DURATION = float(os.environ.get("DURATION", "600"))
CLIENTS = int(os.environ.get("CLIENTS", "32"))
KILL_BALLOTS = int(os.environ.get("KILL_BALLOTS", "2000"))
KILL_DURATION = float(os.environ.get("KILL_DURATION", "60"))
RESULT_BALLOTS = int(os.environ.get("RESULT_BALLOTS", "100000"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
REQUESTS = 20
TIMEOUT = float(os.environ.get("TIMEOUT", "30"))
OPEN = "medborgarbudget-jarva-exempel"
CLOSED = "medborgarbudget-skarholmen-2025-exempel"
CAST_LIMIT_MS = 50.0
RESULTS_LIMIT_MS = 1000.0
# The SQLite runs must not see it: the product would use PostgreSQL. Put back for the PostgreSQL runs only.
PG_URL = os.environ.pop("DATABASE_URL", "").strip()
RECEIPT = re.compile(r'id="pb-receipt">([A-Z0-9-]{12})<')
# part, figure, value, requirement, met?
SUMMARY = []
# Set by a part that crashed (exit 1) and by a lost or doubled ballot (exit 2).
STATE = {"crashed": False, "lost": False}


class Failed(Exception):
    """A command of the product that did not succeed: what was run and what it said."""

    def __init__(self, cmd, code, out, err):
        super().__init__(f"{' '.join(cmd)}\nexit {code}\n{out[-3000:]}\n{err[-3000:]}")


def run(cmd):
    """Wall time and output of a command of the product (with DATABASE_URL as the backend has set it)."""
    start = time.perf_counter()
    p = subprocess.run(cmd, text=True, capture_output=True, cwd=ROOT, stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        raise Failed(cmd, p.returncode, p.stdout, p.stderr)
    return time.perf_counter() - start, p.stdout + p.stderr


def pct(values, q):
    """The nearest-rank percentile q (0–100) of values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def judged(value, limit):
    """Whether a figure that must stay under `limit` does: within 10% under it is not clearly met."""
    if value >= limit:
        return "no"
    return "not clearly met" if value >= 0.9 * limit else "yes"


def record(part, figure, value, requirement="", met=""):
    SUMMARY.append((part, figure, value, requirement, met))


def fail(part, figure, error):
    STATE["crashed"] = True
    print(f"  FAILED: {error}")
    lines = [line for line in str(error).splitlines() if line.strip()]
    record(part, figure, "FAILED", (lines[-1] if lines else type(error).__name__)[:150], "")


def zero(part, figure, count, what):
    """A count that must be 0 (lost or doubled ballots)."""
    if count:
        STATE["lost"] = True
    record(part, figure, f"{count:,}", "0", "yes" if count == 0 else f"NO ({what})")


def hashed(normalised, kind):
    """A code or receipt as the product stores it (BallotBox.hash)."""
    key = os.environ.get("SKILLNAD_VOTING_KEY", "skillnad").encode()
    return hmac.new(key, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


def normalised(code):
    return code.upper().replace("-", "").replace(" ", "")


# MARK: Databases


class Backend:
    """Where the product keeps its data for a run: a fresh SQLite file per part, or the PostgreSQL database
    DATABASE_URL names (the same for every part). `query` reads it without the server."""

    def __init__(self, name, url=""):
        self.name = name
        self.url = url
        self.psql = shutil.which("psql") if url else None

    @property
    def postgres(self):
        return bool(self.url)

    def activate(self):
        """The product's commands and server started from now on use this backend."""
        if self.url:
            os.environ["DATABASE_URL"] = self.url
        else:
            os.environ.pop("DATABASE_URL", None)

    def database(self, work, part):
        """The SQLite file for a part (ignored by the product when DATABASE_URL is set)."""
        return os.path.join(work, f"{part}.sqlite")

    def can_query(self):
        return not self.postgres or self.psql is not None

    def query(self, db, sql):
        """Rows of a read-only query; PostgreSQL's come back as text (callers convert)."""
        if not self.postgres:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                return con.execute(sql).fetchall()
            finally:
                con.close()
        url = re.sub(r"([?&])tlsmode=", r"\1sslmode=", self.url)
        out = subprocess.run([self.psql, url, "-X", "-A", "-t", "-q", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                              "-c", sql], text=True, capture_output=True, check=False)
        if out.returncode != 0:
            raise RuntimeError(f"psql: {out.stderr.strip()[-500:]}")
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def scalar(self, db, sql):
        return int(self.query(db, sql)[0][0])


def counts(backend, db, slug):
    """Ballots by code, voters with more than one ballot, choices: the figures the cast part compares."""
    of = f"JOIN budgets g ON g.id = b.budget_id WHERE g.slug = '{slug}'"
    return {
        "ballots": backend.scalar(db, f"SELECT COUNT(*) FROM budget_ballots b {of} AND b.channel = 'code'"),
        "all": backend.scalar(db, f"SELECT COUNT(*) FROM budget_ballots b {of}"),
        "twice": backend.scalar(
            db, f"SELECT COUNT(*) FROM (SELECT b.voter FROM budget_ballots b {of} GROUP BY b.voter "
                "HAVING COUNT(*) > 1) d"),
        "choices": backend.scalar(
            db, f"SELECT COUNT(*) FROM budget_choices c JOIN budget_ballots b ON b.id = c.ballot_id {of}"),
    }


def stored_ballots(backend, db, slug):
    """Each code ballot of the budget: voter -> (receipt hash, area, set of project numbers, rows)."""
    rows = backend.query(
        db, "SELECT b.voter, b.receipt, h.slug, p.number FROM budget_ballots b "
            "JOIN budgets g ON g.id = b.budget_id JOIN budget_headings h ON h.id = b.heading_id "
            "LEFT JOIN budget_choices c ON c.ballot_id = b.id LEFT JOIN budget_proposals p ON p.id = c.proposal_id "
            f"WHERE g.slug = '{slug}' AND b.channel = 'code'")
    found = {}
    for voter, receipt, heading, number in rows:
        entry = found.setdefault(voter, [receipt, heading, set()])
        if number not in (None, ""):
            entry[2].add(int(number))
    return found


# MARK: HTTP


class Client:
    """One client on its own keep-alive connection, with its own CSRF cookie and token for the budget's forms."""

    def __init__(self, base, slug):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.slug = parts.hostname, parts.port, slug
        self.conn = None
        self.cookie = self.token = None

    def request(self, method, path, form=None):
        """Milliseconds, status and body (text); a dropped connection is opened anew on the next request."""
        headers = {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookie:
            headers["Cookie"] = f"skillnad_csrf={self.cookie}"
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.close()
            raise
        ms = (time.perf_counter() - start) * 1000
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        self.last_headers = response.getheaders()
        return ms, response.status, data.decode("utf-8", "replace")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def get(self, path, expected=200):
        ms, status, body = self.request("GET", path)
        if status != expected:
            raise RuntimeError(f"GET {path}: {status} {body[:300]!r}")
        return ms, body

    def csrf(self):
        """The cookie and token of the voting form, fetched once and reused for every POST."""
        _, status, body = self.request("GET", f"/budgets/{self.slug}/vote")
        token = re.search(r'name="_csrf" value="([^"]+)"', body)
        cookie = None
        for name, value in self.last_headers:
            m = re.match(r"skillnad_csrf=([^;]+)", value) if name.lower() == "set-cookie" else None
            cookie = m.group(1) if m else cookie
        if status != 200 or not token or not cookie:
            raise RuntimeError(f"GET /budgets/{self.slug}/vote: {status}, token {bool(token)}, cookie {bool(cookie)}")
        self.cookie, self.token = cookie, token.group(1)

    def cast(self, code, heading, numbers):
        form = [("_csrf", self.token), ("step", "cast"), ("code", code), ("heading", heading), ("receipt", "")]
        form += [("projects[]", str(n)) for n in numbers]
        return self.request("POST", f"/budgets/{self.slug}/vote", form)

    def check(self, receipt):
        return self.request("POST", f"/budgets/{self.slug}/receipt", [("_csrf", self.token), ("receipt", receipt)])


def refusal(body):
    """The first message of a page's error summary, or the start of the body."""
    m = re.search(r'error-summary.*?<li>(.*?)</li>', body, re.S)
    return (m.group(1) if m else re.sub(r"\s+", " ", body))[:160]


# MARK: Setup


def prepare(skillnad, backend, work, part, slug, count):
    """The demo and `count` fresh codes for `slug`; returns the SQLite path (unused on PostgreSQL), the codes."""
    db = backend.database(work, part)
    seconds, out = run([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
    loaded = [line for line in out.splitlines() if f"participatory budget {slug}" in line]
    print(f"  demo: {seconds:.0f} s" + (f"; {loaded[0].strip()[:150]}" if loaded else ""))
    path = os.path.join(work, f"{part}-codes.csv")
    seconds, _ = run([skillnad, "budgets", "codes", slug, "--count", str(count), "--out", path, "--db", db])
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    codes = [row["code"] for row in rows if row["budget"] == slug]
    if len(codes) != count:
        raise RuntimeError(f"budgets codes wrote {len(codes)} codes for {slug}, not {count}")
    print(f"  budgets codes {slug} --count {count:,}: {seconds:.1f} s, batch {rows[0]['batch']}, e.g. {codes[0]}")
    return db, codes


def make_ballots(detail, codes, seed):
    """A random valid knapsack ballot per code: (code, area, project numbers)."""
    rng = random.Random(seed)
    amounts = {h["id"]: h["amount"] for h in detail["headings"]}
    projects = collections.defaultdict(list)
    for p in detail["proposals"]:
        cost = p["cost"] if p.get("cost") is not None else p["estimatedCost"]
        if p["onBallot"] and p["heading"] in amounts and cost <= amounts[p["heading"]]:
            projects[p["heading"]].append((p["number"], cost))
    headings = sorted(projects)
    if not headings:
        raise RuntimeError("no area of the budget has a project on the ballot that fits its amount")
    ballots = []
    for code in codes:
        heading = rng.choice(headings)
        pool = projects[heading][:]
        rng.shuffle(pool)
        wanted, spent, chosen = rng.randint(1, len(pool)), 0, []
        for number, cost in pool:
            if len(chosen) < wanted and spent + cost <= amounts[heading]:
                chosen.append(number)
                spent += cost
        ballots.append((code, heading, sorted(chosen)))
    return ballots


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def log_tail(path, lines=15):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


# MARK: Load


class Outcome:
    __slots__ = ("late", "ms", "status", "receipt", "error", "client")

    def __init__(self, late, ms=None, status=None, receipt=None, error=None, client=None):
        self.late, self.ms, self.status, self.receipt = late, ms, status, receipt
        self.error, self.client = error, client


def cast_load(base, slug, ballots, duration, clients, kill_after=None, proc=None):
    """Casts the ballots paced open loop (ballot i due at i × duration / n) by `clients` threads; /healthz every
    200 ms from another. With kill_after, SIGKILLs `proc` once that many receipts have come back and stops.
    Returns the outcomes (None for a ballot never sent), /healthz milliseconds, the clients' setup errors."""
    n = len(ballots)
    interval = duration / n if n else 0
    outcomes = [None] * n
    health = []
    errors = []
    lock = threading.Lock()
    state = {"next": 0, "t0": 0.0, "receipts": 0, "inflight": 0, "reached": None}
    done = threading.Event()
    killed = threading.Event()

    def start_clock():
        state["t0"] = time.perf_counter() + 0.2

    barrier = threading.Barrier(clients + 1, action=start_clock)

    def voter(number):
        client = Client(base, slug)
        try:
            client.csrf()
        except Exception as e:
            errors.append(f"client {number}: {e}")
            client = None
        barrier.wait()
        while client is not None and not killed.is_set():
            with lock:
                i = state["next"]
                state["next"] += 1
            if i >= n:
                break
            due = state["t0"] + i * interval
            wait = due - time.perf_counter()
            if wait > 0 and killed.wait(wait):
                break
            late = time.perf_counter() - due
            code, heading, numbers = ballots[i]
            with lock:
                state["inflight"] += 1
            try:
                ms, status, body = client.cast(code, heading, numbers)
            except Exception as e:
                outcomes[i] = Outcome(late, error=f"{type(e).__name__}: {e}"[:160], client=number)
                continue
            finally:
                with lock:
                    state["inflight"] -= 1
            m = RECEIPT.search(body) if status == 200 else None
            outcomes[i] = Outcome(late, ms, status, m.group(1) if m else None,
                                  None if m else f"{status}: {refusal(body)}", number)
            if m:
                with lock:
                    state["receipts"] += 1
        if client is not None:
            client.close()

    def healthz():
        client = Client(base, slug)
        while not done.is_set() and not killed.is_set():
            try:
                ms, status, _ = client.request("GET", "/healthz")
                if status == 200:
                    health.append(ms)
            except Exception:
                pass
            done.wait(0.2)
        client.close()

    threads = [threading.Thread(target=voter, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    checker = threading.Thread(target=healthz, daemon=True)
    checker.start()
    last_report = time.perf_counter()
    while any(t.is_alive() for t in threads):
        if kill_after and not killed.is_set() and state["receipts"] >= kill_after:
            # The kill waits (up to 2 s) for a moment with requests in flight, so that some die mid-write.
            now = time.perf_counter()
            state["reached"] = state["reached"] or now
            if state["inflight"] >= min(2, clients - 1) or now - state["reached"] > 2:
                with lock:
                    proc.kill()  # SIGKILL, as `kill -9`
                    killed.set()
                    state["killed"] = (state["receipts"], now - state["t0"], state["inflight"])
            time.sleep(0.0005)
            continue
        time.sleep(0.02 if kill_after else 0.5)
        if time.perf_counter() - last_report >= 60:
            last_report = time.perf_counter()
            sent = [o for o in outcomes if o is not None and o.ms is not None]
            p99 = pct([o.ms for o in sent], 99) if sent else float("nan")
            print(f"  {last_report - state['t0']:5.0f} s: {len(sent):,} answered, {state['receipts']:,} receipts, "
                  f"p99 so far {p99:.1f} ms [load {os.getloadavg()[0]:.1f}]")
    done.set()
    checker.join(timeout=5)
    if "killed" in state:
        receipts, seconds, inflight = state["killed"]
        print(f"  kill -9 of the server after {receipts:,} receipts, {seconds:.1f} s into the load, "
              f"{inflight} requests in flight")
    return outcomes, health, errors


def describe_outcomes(outcomes):
    """Prints and returns the outcomes' figures: sent, receipts, latencies, statuses, first errors."""
    sent = [o for o in outcomes if o is not None]
    answered = [o for o in sent if o.ms is not None]
    receipts = [o for o in sent if o.receipt]
    statuses = collections.Counter(o.status if o.status is not None else "no answer" for o in sent)
    print(f"  sent {len(sent):,}, answered {len(answered):,}, receipts {len(receipts):,}; "
          f"statuses {dict(statuses)}")
    problems = collections.Counter(o.error for o in sent if o.error)
    for error, count in problems.most_common(5):
        print(f"    {count:,} × {error}")
    return sent, answered, receipts


# MARK: Parts


def cast_part(skillnad, backend, work):
    part = f"cast ({backend.name})"
    db, codes = prepare(skillnad, backend, work, f"cast-{backend.name.lower()}", OPEN, BALLOTS)
    before = counts(backend, db, OPEN) if backend.can_query() else None
    if before:
        print(f"  before the load: {before['ballots']:,} ballots by code, {before['choices']:,} choices")
    log = os.path.join(work, f"cast-{backend.name.lower()}-server.log")
    proc, base = serve(skillnad, db, log, production=True)
    try:
        detail = json.loads(Client(base, OPEN).get(f"/api/v1/budgets/{OPEN}")[1])
        ballots = make_ballots(detail, codes, seed=10000)
        spread = collections.Counter(heading for _, heading, _ in ballots)
        print(f"  {len(ballots):,} ballots over {DURATION:.0f} s by {CLIENTS} clients "
              f"({len(ballots) / DURATION:.1f} a second; {dict(spread)}; "
              f"{statistics.mean(len(b[2]) for b in ballots):.1f} projects a ballot)")
        outcomes, health, errors = cast_load(base, OPEN, ballots, DURATION, CLIENTS)
    finally:
        stop(proc)
    for error in errors:
        print(f"  client failed: {error}")
    sent, answered, receipts = describe_outcomes(outcomes)
    ok = len(receipts) == BALLOTS and all(o.status == 200 for o in sent)
    record(part, "ballots sent / receipts returned (HTTP 200)", f"{len(sent):,} / {len(receipts):,}",
           f"{BALLOTS:,} / {BALLOTS:,}", "yes" if ok else "no")
    if answered:
        times = [o.ms for o in answered]
        med, p90, p99, top = statistics.median(times), pct(times, 90), pct(times, 99), max(times)
        ref = statistics.median(health) if health else float("nan")
        print(f"  POST vote: median {med:.1f} ms, p90 {p90:.1f}, p99 {p99:.1f}, max {top:.1f}; /healthz median "
              f"{ref:.2f} ms over {len(health):,} ({med / ref:.1f} x)")
        record(part, "cast POST median ms", f"{med:.1f}")
        record(part, "cast POST p90 ms", f"{p90:.1f}")
        record(part, "cast POST p99 ms", f"{p99:.1f}", f"< {CAST_LIMIT_MS:.0f} ms", judged(p99, CAST_LIMIT_MS))
        record(part, "cast POST max ms", f"{top:.1f}")
        record(part, "/healthz median ms (same run, every 200 ms)", f"{ref:.2f}")
        record(part, "cast median / /healthz median", f"{med / ref:.1f} x")
        lateness = [o.late for o in sent]
        behind = pct(lateness, 99)
        record(part, "p99 start behind schedule s", f"{behind:.2f}", "", "" if behind < 1 else
               "pacing not held: CLIENTS too few or server too slow")
    verify_cast(part, backend, db, before, ballots, outcomes)


def verify_cast(part, backend, db, before, ballots, outcomes):
    """The database after the load: one ballot per receipt, none twice, each with what was sent."""
    if before is None:
        print("  psql is not on the PATH: the database checks are skipped")
        record(part, "database checks", "SKIPPED", "psql not on the PATH", "")
        return
    after = counts(backend, db, OPEN)
    sent = [(b, o) for b, o in zip(ballots, outcomes) if o is not None]
    good = [(b, o) for b, o in sent if o.receipt]
    found = after["ballots"] - before["ballots"]
    choices = after["choices"] - before["choices"]
    sent_choices = sum(len(b[2]) for b, _ in good)
    print(f"  after: {after['ballots']:,} ballots by code ({found:+,}), {after['choices']:,} choices "
          f"({choices:+,}; {sent_choices:,} sent with a receipt); voters with more than one ballot: {after['twice']}")
    stored = stored_ballots(backend, db, OPEN)
    voters = {b[0]: "code:" + hashed(normalised(b[0]), "code") for b, _ in sent}
    matched = sum(1 for v in voters.values() if v in stored)
    missing = wrong = 0
    if matched:
        for (code, heading, numbers), o in good:
            entry = stored.get(voters[code])
            if entry is None:
                missing += 1
            elif entry[0] != hashed(normalised(o.receipt), "receipt") or entry[1] != heading \
                    or entry[2] != set(numbers):
                wrong += 1
        unanswered = sum(1 for (code, _, _), o in sent if not o.receipt and voters[code] in stored)
        print(f"  each code's ballot by its hash: {len(good) - missing - wrong:,} of {len(good):,} with the receipt, "
              f"area and projects sent; {missing:,} missing, {wrong:,} different; stored without a receipt "
              f"returned: {unanswered:,}")
        lost = missing
        record(part, "ballots with another receipt, area or projects", f"{wrong:,}", "0",
               "yes" if wrong == 0 else "no")
    else:
        print("  no code's hash matches a stored voter (another SKILLNAD_VOTING_KEY?): totals only")
        lost = max(0, len(good) - found)
    doubled = after["twice"] + max(0, found - len(sent))
    zero(part, "ballots lost (receipt returned, not stored)", lost, "lost")
    zero(part, "ballots counted twice", doubled, "doubled")
    record(part, "ballots by code: before + receipts = after",
           f"{before['ballots']:,} + {len(good):,} = {after['ballots']:,}", "equal",
           "yes" if before["ballots"] + len(good) == after["ballots"] else "no")
    record(part, "choices added / sent with a receipt", f"{choices:,} / {sent_choices:,}", "equal",
           "yes" if choices == sent_choices else "no")


def kill_part(skillnad, backend, work):
    part = f"kill ({backend.name})"
    db, codes = prepare(skillnad, backend, work, f"kill-{backend.name.lower()}", OPEN, KILL_BALLOTS)
    before = counts(backend, db, OPEN) if backend.can_query() else None
    log = os.path.join(work, f"kill-{backend.name.lower()}-server.log")
    proc, base = serve(skillnad, db, log, production=True)
    restarted = None
    try:
        detail = json.loads(Client(base, OPEN).get(f"/api/v1/budgets/{OPEN}")[1])
        ballots = make_ballots(detail, codes, seed=2000)
        target = KILL_BALLOTS // 2
        print(f"  {len(ballots):,} ballots over {KILL_DURATION:.0f} s by {CLIENTS} clients; kill -9 after {target:,}")
        outcomes, _, errors = cast_load(base, OPEN, ballots, KILL_DURATION, CLIENTS, kill_after=target, proc=proc)
        if proc.poll() is None:
            print(f"  the load ended before {target:,} receipts: kill -9 now, after it")
            proc.kill()
        status = proc.wait(timeout=30)
        for error in errors:
            print(f"  client failed: {error}")
        sent, answered, receipts = describe_outcomes(outcomes)
        print(f"  requests in flight at the kill (failed, which is allowed): {len(sent) - len(answered):,}; "
              f"the server ended with status {status}; starting it again on the same database")
        restarted, base = serve(skillnad, db, os.path.join(work, f"kill-{backend.name.lower()}-restart.log"),
                                production=True)
        counted, unknown, other = check_receipts(base, [o.receipt for o in receipts])
    finally:
        stop(proc)
        stop(restarted)
    print(f"  receipts returned before the kill: {len(receipts):,}; counted after the restart: {counted:,}; "
          f"unknown: {unknown:,}; other answers: {other:,}")
    record(part, "receipts returned before the kill", f"{len(receipts):,}", f"about {KILL_BALLOTS // 2:,}", "")
    record(part, "requests in flight at the kill (no answer)", f"{len(sent) - len(answered):,}")
    record(part, "of them counted after the restart", f"{counted:,}", f"{len(receipts):,}",
           "yes" if counted == len(receipts) else "no")
    zero(part, "ballots lost (receipt returned, not counted)", len(receipts) - counted, "lost")
    if before is not None:
        after = counts(backend, db, OPEN)
        stored = after["ballots"] - before["ballots"]
        print(f"  ballots the load stored: {stored:,} (receipts {len(receipts):,}; the rest were in flight or "
              f"answered as the server died); voters with more than one ballot: {after['twice']}")
        record(part, "ballots stored by the load", f"{stored:,}", f">= {len(receipts):,}",
               "yes" if stored >= len(receipts) else "no")
        zero(part, "ballots counted twice", after["twice"] + max(0, stored - len(sent)), "doubled")
    else:
        record(part, "database count of the ballots stored", "SKIPPED", "psql not on the PATH", "")


def check_receipts(base, receipts):
    """POST /receipt for each receipt by a few clients: counted, unknown (404), other answers."""
    results = collections.Counter()
    lock = threading.Lock()
    queue = list(receipts)

    def worker():
        client = Client(base, OPEN)
        client.csrf()
        while True:
            with lock:
                if not queue:
                    break
                receipt = queue.pop()
            try:
                _, status, body = client.check(receipt)
                kind = "counted" if status == 200 and "kvitto är räknad" in body else \
                    "unknown" if status == 404 else f"{status}: {refusal(body)}"
            except Exception as e:
                kind = f"{type(e).__name__}: {e}"
            with lock:
                results[kind] += 1
        client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(min(4, max(1, len(receipts))))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other = {k: v for k, v in results.items() if k not in ("counted", "unknown")}
    for kind, count in other.items():
        print(f"    {count:,} × {kind[:160]}")
    return results["counted"], results["unknown"], sum(other.values())


def insert_ballots(db, count):
    """`count` counted ballots in the closed budget, as sqlite3 writes them: ids in the form the database
    has (16-byte blobs or text), 1 to the rule's maximum (3) distinct projects on the ballot of the heading."""
    con = sqlite3.connect(db)
    try:
        budget, id_type, maximum = con.execute(
            "SELECT id, typeof(id), maximum_projects FROM budgets WHERE slug = ?", (CLOSED,)).fetchone()
        sample = con.execute("SELECT id FROM budget_ballots LIMIT 1").fetchone()
        counted = con.execute("SELECT counted FROM budget_ballots WHERE budget_id = ? AND channel = 'code' "
                              "LIMIT 1", (budget,)).fetchone()
        counted = counted[0] if counted else 1
        # The moment as the product writes it (with or without a zone designator), during the 2025 vote.
        stamp = con.execute("SELECT cast_at FROM budget_ballots LIMIT 1").fetchone()
        cast_at = "2025-05-10T12:00:00.000" + ("Z" if stamp and stamp[0].endswith("Z") else "")
        upper = id_type == "text" and sample is not None and sample[0] == sample[0].upper()
        rows = con.execute("SELECT id, heading_id FROM budget_proposals WHERE budget_id = ? AND "
                           "feasibility = 'feasible' AND hidden_reason IS NULL AND merged_into IS NULL", (budget,))
        projects = collections.defaultdict(list)
        for proposal, heading in rows:
            projects[heading].append(proposal)
        if not projects:
            raise RuntimeError(f"{CLOSED} has no project on the ballot")
        headings = list(projects)

        def new_id():
            u = uuid.uuid4()
            if id_type == "blob":
                return u.bytes
            return str(u).upper() if upper else str(u)

        rng = random.Random(100000)
        ballots, choices = [], []
        for n in range(count):
            heading = rng.choice(headings)
            ballot = new_id()
            ballots.append((ballot, budget, heading, "code", f"bench:{n}", f"bench-receipt:{n}", counted, None,
                            cast_at, 0))
            picks = rng.sample(projects[heading], rng.randint(1, min(maximum or 3, 3, len(projects[heading]))))
            choices.extend((ballot, p, budget, counted) for p in picks)
        with con:
            con.executemany("INSERT INTO budget_ballots (id, budget_id, heading_id, channel, voter, receipt, counted, "
                            "entered_by, cast_at, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ballots)
            # Each choice repeats its ballot's budget and whether it counts, as the product writes it.
            con.executemany("INSERT INTO budget_choices (ballot_id, proposal_id, budget_id, counted) "
                            "VALUES (?, ?, ?, ?)", choices)
        return id_type, len(choices)
    finally:
        con.close()


def results_part(skillnad, backend, work):
    part = "results (SQLite)"
    db = backend.database(work, "results")
    seconds, _ = run([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
    print(f"  demo: {seconds:.0f} s")
    before = backend.scalar(db, "SELECT COUNT(*) FROM budget_ballots b JOIN budgets g ON g.id = b.budget_id "
                                f"WHERE g.slug = '{CLOSED}' AND b.counted")
    start = time.perf_counter()
    id_type, choices = insert_ballots(db, RESULT_BALLOTS)
    print(f"  {RESULT_BALLOTS:,} ballots ({choices:,} choices, ids as {id_type}) written with sqlite3 in "
          f"{time.perf_counter() - start:.1f} s, after the demo's {before:,}")
    proc, base = serve(skillnad, db, os.path.join(work, "results-server.log"), production=True)
    try:
        client = Client(base, CLOSED)
        _, body = client.get(f"/api/v1/budgets/{CLOSED}/results")
        ballots = sum(h["ballots"] for h in json.loads(body)["headings"])
        print(f"  the JSON counts {ballots:,} ballots (demo {before:,} + {RESULT_BALLOTS:,})")
        record(part, "ballots in the JSON results", f"{ballots:,}", f"{before + RESULT_BALLOTS:,}",
               "yes" if ballots == before + RESULT_BALLOTS else "no")
        routes = [("/healthz", "/healthz"),
                  ("JSON results", f"/api/v1/budgets/{CLOSED}/results"),
                  ("results page", f"/budgets/{CLOSED}/results"),
                  ("results CSV", f"/budgets/{CLOSED}/results.csv")]
        for name, path in routes:
            _, body = client.get(path)
            print(f"  {name}: {path} ({len(body.encode()) / 1e3:,.1f} kB)")
        times = {name: [] for name, _ in routes}
        for r in range(ROUNDS):
            for _ in range(REQUESTS):
                for name, path in routes:
                    times[name].append(client.get(path)[0])
            print(f"  round {r + 1}: " + "; ".join(
                f"{name} {statistics.median(times[name][-REQUESTS:]):.1f} ms" for name, _ in routes)
                + f" [load {os.getloadavg()[0]:.1f}]")
        client.close()
    finally:
        stop(proc)
    ref = statistics.median(times["/healthz"])
    for name, _ in routes:
        med, p90 = statistics.median(times[name]), pct(times[name], 90)
        print(f"  {name:14s} median {med:8.1f} ms  p90 {p90:8.1f} ms  ({med / ref:6.1f} x /healthz)")
        if name == "/healthz":
            record(part, "/healthz median ms (interleaved)", f"{med:.2f}")
        else:
            record(part, f"{name} median ms ({med / ref:.0f} x /healthz)", f"{med:.1f}")
            record(part, f"{name} p90 ms", f"{p90:.1f}", f"< {RESULTS_LIMIT_MS:.0f} ms",
                   judged(p90, RESULTS_LIMIT_MS))


# MARK: Main


def print_summary():
    header = ("part", "figure", "value", "requirement", "met?")
    rows = [header] + [tuple(str(x) for x in row) for row in SUMMARY]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    parts = {"cast": f"{BALLOTS:,} ballots over {DURATION:.0f} s by {CLIENTS} clients",
             "kill": f"kill after {KILL_BALLOTS // 2:,} of {KILL_BALLOTS:,} over {KILL_DURATION:.0f} s",
             "results": f"results over {RESULT_BALLOTS:,}, {ROUNDS} × {REQUESTS} requests"}
    ran = "; ".join(text for part, text in parts.items() if any(row[0].startswith(part) for row in SUMMARY))
    print(f"\nSummary ({ran}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")
    for i, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if i == 0:
            print("  " + "  ".join("-" * width for width in widths))


def main():
    parts = os.environ.get("PART", "all").split(",")
    known = ("cast", "kill", "results")
    if any(part not in known + ("all",) for part in parts):
        sys.exit(f"PART must be all or some of {', '.join(known)}, got {parts}")
    chosen = [part for part in known if "all" in parts or part in parts]
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-budgets-")
    backends = [Backend("SQLite")] + ([Backend("PostgreSQL", PG_URL)] if PG_URL else [])
    print(f"skillnad: {skillnad}; parts {', '.join(chosen)}; {', '.join(b.name for b in backends)}")
    if PG_URL and not backends[1].psql:
        print("  psql is not on the PATH: the PostgreSQL database checks will be skipped")
    benches = {"cast": cast_part, "kill": kill_part, "results": results_part}
    try:
        for backend in backends:
            for part in chosen:
                if part == "results" and backend.postgres:
                    continue
                print(f"{part} on {backend.name} [load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs]")
                backend.activate()
                try:
                    benches[part](skillnad, backend, work)
                except (Failed, RuntimeError, OSError, ValueError, KeyError, sqlite3.Error,
                        http.client.HTTPException, subprocess.SubprocessError) as e:
                    fail(f"{part} ({backend.name})", "run", e)
                    for log in sorted(f for f in os.listdir(work) if f.endswith(".log") and f.startswith(part)):
                        tail = log_tail(os.path.join(work, log))
                        if tail:
                            print(f"  the end of {log}:\n" + "".join(f"    {line}\n" for line in tail.splitlines()))
    finally:
        os.environ.pop("DATABASE_URL", None)
        if os.environ.get("KEEP"):
            print(f"kept {work} (the databases, the code lists, the server logs)")
        else:
            shutil.rmtree(work, ignore_errors=True)
        print_summary()
    sys.exit(2 if STATE["lost"] else 1 if STATE["crashed"] else 0)


if __name__ == "__main__":
    main()
