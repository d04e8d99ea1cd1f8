#!/usr/bin/env python3
"""Dialogue portal benchmark (issue 15) on a release build: DIALOGUES dialogues (default 20,000) with three
sessions each on average (60,000) over 600 areas, each figure against /healthz measured in the same run.

Set up through the product's own commands only:
- `skillnad demo` gives the city, its 15 district areas and 147 districts (the demo's extract);
- `skillnad areas link KEY.csv --create` places 437 DeSO areas under the districts from a key table as
  Statistics Sweden publishes one, so the dialogues spread over 1 + 15 + 147 + 437 = 600 areas (the demo's
  voting districts are left out: dialogues are not held per voting district);
- `skillnad dialogues import FILE` reads the generated list (`DialogueCSV`, one row per session): first
  sessions from 2017 to mid-2027, 1 to 5 sessions a dialogue, one or two areas (a tenth of them two), 24
  topics as tags, every method, organised by the district area's district council where there is one;
  past dialogues mostly with feedback, some awaiting it, some cancelled; later ones planned or open;
- `skillnad user add` makes an editor of the district council of AREA, who signs in through /login.

Then over HTTP (`skillnad serve`), ROUNDS rounds (default 3) of REQUESTS requests per route (default 30),
the routes of a part interleaved with /healthz so that noise hits them alike:

1. list: the portal `/dialogues?area=AREA&status=STATUS` and the API `/api/v1/dialogues?area=AREA&method=METHOD`,
   each request uncached: each has its own `period`, a parameter the page cache keys but these routes do
   not read (the script checks that it changes nothing in the answer). Nothing is subtracted.
2. fatigue: the check alone, `/api/v1/dialogues/fatigue?area=AREA&tag=trygghet&day=…` uncached as in 1
   (the required figure); and POST `/dialogues/new` as the signed-in editor, a new dialogue in AREA on the
   same topic, without the acknowledgement: the form answers 200 with the warning and saves nothing
   (checked: the number of dialogues is the same after). That figure is the whole answer, the check and
   the form's page around it; its reference is GET of the same form (empty, no check) as well as /healthz,
   all with the session cookie (so /healthz here includes the session's look-up).
3. reach: `/dialogues/reach?from=2017&to=2026&indicator=socioekonomisk-omradestyp`, uncached as in 1.

    python3 bench/dialogues.py                                  # everything, about 2 minutes on 2 CPUs
    PART=fatigue python3 bench/dialogues.py                     # list, fatigue or reach; several with commas
    SKILLNAD_BIN=/tmp/release/skillnad ROUNDS=3 python3 bench/dialogues.py
    DIALOGUES=2000 REQUESTS=10 ROUNDS=1 SKILLNAD_BIN=.build/debug/skillnad python3 bench/dialogues.py  # check
    KEEP=1 PART=reach python3 bench/dialogues.py                # keeps the database and files to look into

Requirements (issue 15): the portal list with two filters < 50 ms uncached; the fatigue check for a new
dialogue < 20 ms; the reach analysis over ten years < 200 ms. Each figure is the median of the ROUNDS
rounds' medians (p90 likewise). Not a timed gate: the machines are shared and noisy; read medians and
ratios. A failed step is reported and the run goes on; the summary table at the end lists every figure
and every failure.
"""
import csv
import datetime
import http.cookiejar
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from common import ROOT, binary, serve

DIALOGUES = int(os.environ.get("DIALOGUES", "20000"))
REQUESTS = int(os.environ.get("REQUESTS", "30"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
AREAS = 600
# A district area with many districts (25) and so many dialogues in and around it.
AREA = os.environ.get("AREA", "bromma")
STATUS = os.environ.get("STATUS", "feedbackGiven")
METHOD = os.environ.get("METHOD", "workshop")
FROM_YEAR, TO_YEAR = 2017, 2026
INDICATOR = "socioekonomisk-omradestyp"
# A query parameter the page cache keys (PageRenderer.queryParameters) that these routes do not read.
BUST = "period"
PASSWORD = "bench-password-long-enough-1"
EDITOR = "bench-editor@example.org"
TOPICS = ["trygghet", "lekplatser", "parker", "belysning", "kollektivtrafik", "cykelvägar", "bostäder",
          "skola", "förskola", "fritidsgårdar", "idrott", "kultur", "bibliotek", "äldreomsorg", "arbete",
          "unga", "miljö", "klimat", "torget", "nedskräpning", "trafiksäkerhet", "grönytor", "demokrati",
          "föreningsliv"]
# Each method with the Swedish word a title uses.
METHODS = {"politicianMeeting": "Möte med politiker", "workshop": "Workshop", "safetyWalk": "Trygghetsvandring",
           "survey": "Enkät", "digitalConsultation": "Digitalt samråd", "participatoryBudget": "Medborgarbudget",
           "council": "Rådsmöte", "focusGroup": "Fokusgrupp", "popUp": "Pop-up", "other": "Dialog"}
LEVELS = ["inform", "consult", "involve", "collaborate", "decide"]
CENTRAL = ["kommunstyrelsen", "stadsbyggnadsnamnden", "trafiknamnden", "kulturnamnden", "idrottsnamnden",
           "utbildningsnamnden", "socialnamnden", "aldrenamnden", "exploateringsnamnden"]
PLACES = ["Medborgarhuset", "Biblioteket", "Torget", "Fritidsgården", "Skolans matsal", "Parklekens paviljong"]
# part, measure, median, p90, reference, ratio, required
SUMMARY = []


class Failed(Exception):
    """A command of the product that did not succeed: what was run and what it said."""

    def __init__(self, cmd, code, out, err):
        super().__init__(f"{' '.join(cmd)}\nexit {code}\n{out[-3000:]}\n{err[-3000:]}")


def run(cmd, stdin=None):
    """Wall time and standard output of a command of the product."""
    start = time.perf_counter()
    p = subprocess.run(cmd, text=True, capture_output=True, input=stdin, cwd=ROOT)
    if p.returncode != 0:
        raise Failed(cmd, p.returncode, p.stdout, p.stderr)
    return time.perf_counter() - start, p.stdout + p.stderr


def median(figures):
    ordered = sorted(figures)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def p90(figures):
    ordered = sorted(figures)
    return ordered[int(0.9 * (len(ordered) - 1))]


def record(part, measure, med, high, reference, ratio, required=""):
    SUMMARY.append((part, measure, med, high, reference, ratio, required))


def fail(part, measure, error):
    print(f"  FAILED: {error}")
    lines = [line for line in str(error).splitlines() if line.strip()]
    SUMMARY.append((part, measure, "FAILED", "", (lines[-1] if lines else "")[:150], "", ""))


# MARK: Setup


def catalogue(db):
    """The demo's areas and bodies as the generator needs them (read only, from its database)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT a.slug, a.kind, a.code, p.slug FROM areas a LEFT JOIN areas p ON p.id = a.parent_id")
        areas = [dict(id=slug, kind=kind, code=code, parent=parent) for slug, kind, code, parent in rows]
        bodies = {slug for (slug,) in con.execute("SELECT slug FROM bodies")}
    return areas, bodies


def deso_key(areas, path):
    """A key table DeSO -> district (column Stadsdel holds the district's code), enough DeSO areas for
    AREAS areas in all: as many under each district, in turn."""
    portal = [a for a in areas if a["kind"] in ("city", "districtArea", "district")]
    districts = sorted((a for a in areas if a["kind"] == "district" and a["code"]), key=lambda a: a["code"])
    count = AREAS - len(portal)
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["DeSO", "Namn", "Stadsdel"])
        for i in range(count):
            code = f"0180C{1010 + i:04d}"
            writer.writerow([code, f"DeSO {code}", districts[i % len(districts)]["code"]])
    return count


def generate(areas, bodies, path, today):
    """DIALOGUES dialogues as one CSV file (`DialogueCSV`); returns the number of sessions."""
    rng = random.Random(15)
    byid = {a["id"]: a for a in areas}
    kinds = {kind: [a["id"] for a in areas if a["kind"] == kind]
             for kind in ("city", "districtArea", "district", "deso")}
    children = {}
    for a in areas:
        children.setdefault(a["parent"], []).append(a["id"])

    def district_area(area):
        """The district area an area lies in, or nil (the city, a district directly under it)."""
        while area:
            if byid[area]["kind"] == "districtArea":
                return area
            area = byid[area]["parent"]
        return None

    def organiser(area):
        council = (district_area(area) or "") + "-stadsdelsnamnd"
        return council if council in bodies and rng.random() < 0.85 else rng.choice(CENTRAL)

    first_day = datetime.date(2017, 1, 1)
    days = (datetime.date(2027, 6, 30) - first_day).days
    sessions = 0
    header = ["id", "title", "purpose", "method", "status", "level", "organiser", "areas", "digital", "tags",
              "start", "end", "place", "participants", "contributions", "feedback date", "feedback channel",
              "feedback text"]
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        for number in range(DIALOGUES):
            draw = rng.random()
            kind = "city" if draw < 0.01 else "districtArea" if draw < 0.10 else "district" if draw < 0.55 else "deso"
            area = rng.choice(kinds[kind])
            chosen = [area]
            if rng.random() < 0.1:
                # A second area: one lying in it, else another in the same parent.
                near = children.get(area) or children.get(byid[area]["parent"]) or []
                others = [other for other in near if other != area and byid[other]["kind"] != "votingDistrict"]
                if others:
                    chosen.append(rng.choice(others))
            start = first_day + datetime.timedelta(days=rng.randrange(days))
            count = number % 5 + 1
            sessions += count
            last = start + datetime.timedelta(days=7 * (count - 1))
            topic = rng.sample(TOPICS, rng.choice((1, 1, 2)))
            method = list(METHODS)[number % len(METHODS)]
            status, feedback, participants = "planned", None, None
            if rng.random() < 0.03:
                status = "cancelled"
            elif last < today:
                participants = rng.randrange(5, 200)
                answered = last + datetime.timedelta(days=rng.randrange(7, 90))
                if rng.random() < 0.8 and answered <= today:
                    status, feedback = "feedbackGiven", answered
                else:
                    status = "awaitingFeedback"
            elif start <= today:
                status = "open"
            name = f"{METHODS[method]} om {' och '.join(topic)} ({area})"
            own = [f"bench-{number + 1:05d}", name, f"Att höra de boende om {topic[0]}.", method,
                   status, rng.choice(LEVELS), organiser(area), "|".join(chosen),
                   "true" if method == "digitalConsultation" else "false", "|".join(topic)]
            outcome = [str(participants or ""), str(participants // 3) if participants else "",
                       str(feedback or ""), "Brev till deltagarna" if feedback else "",
                       f"Det här kom fram om {topic[0]}." if feedback else ""]
            for session in range(count):
                day = start + datetime.timedelta(days=7 * session)
                place = rng.choice(PLACES)
                cells = [f"{day} 18:00", "20:00", place]
                # The dialogue's own columns on its first row, blank after (as a spreadsheet has them).
                if session == 0:
                    writer.writerow(own + cells + outcome)
                else:
                    writer.writerow([own[0]] + [""] * (len(own) - 1) + cells + [""] * len(outcome))
    return sessions


def setup(skillnad, work, today):
    """The database: demo, DeSO areas, dialogues, an editor. Returns its path and the editor's body."""
    db = os.path.join(work, "dialogues.sqlite")
    seconds, _ = run([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
    print(f"  demo: {seconds:.0f} s")
    areas, bodies = catalogue(db)
    key = os.path.join(work, "deso-district.csv")
    count = deso_key(areas, key)
    link = [skillnad, "areas", "link", key, "--db", db, "--child-code", "DeSO", "--child-name", "Namn",
            "--child-kind", "deso", "--parent-code", "Stadsdel", "--parent-kind", "district", "--create"]
    seconds, out = run(link)
    print(f"  {' '.join(link[1:4])} … ({count} DeSO areas under the districts): {seconds:.0f} s; "
          f"{out.strip().splitlines()[0][:200]}")
    areas, bodies = catalogue(db)
    portal = [a for a in areas if a["kind"] in ("city", "districtArea", "district", "deso")]
    print(f"  areas for dialogues: {len(portal)} (city, district areas, districts, DeSO areas)")
    path = os.path.join(work, "dialogues.csv")
    sessions = generate(areas, bodies, path, today)
    size = os.path.getsize(path) / 1e6
    seconds, out = run([skillnad, "dialogues", "import", path, "--db", db])
    print(f"  dialogues import: {DIALOGUES:,} dialogues, {sessions:,} sessions ({size:.1f} MB) in {seconds:.1f} s; "
          f"{out.strip().splitlines()[-1][:200]}")
    record("setup", f"import of {DIALOGUES:,} dialogues, {sessions:,} sessions, s", f"{seconds:.1f}", "", "", "")
    council = f"{AREA}-stadsdelsnamnd"
    run([skillnad, "user", "add", "--db", db, "--email", EDITOR, "--name", "Bench", "--role", "editor",
         "--bodies", council, "--password-stdin"], stdin=PASSWORD + "\n")
    return db, council


# MARK: HTTP


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """Requests to the server; a signed-in client keeps its cookies."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path, form=None):
        """Milliseconds, status and body; an HTTP error is a response like any other."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.base + path, data=data)
        start = time.perf_counter()
        try:
            with self.opener.open(req, timeout=120) as r:
                body, status = r.read(), r.status
        except urllib.error.HTTPError as e:
            body, status = e.read(), e.code
        return (time.perf_counter() - start) * 1000, status, body

    def get_ms(self, path, expected=200):
        ms, status, body = self.request(path)
        if status != expected:
            raise RuntimeError(f"GET {path}: {status} {body[:300]!r}")
        return ms

    def csrf(self, path):
        _, status, body = self.request(path)
        m = re.search(rb'name="_csrf" value="([^"]+)"', body)
        if status != 200 or not m:
            raise RuntimeError(f"GET {path}: {status}, no _csrf field: {body[:300]!r}")
        return m.group(1).decode()

    def sign_in(self, email, password):
        token = self.csrf("/login")
        _, status, body = self.request("/login", {"email": email, "password": password, "_csrf": token})
        if status not in (302, 303):
            raise RuntimeError(f"sign-in: {status} {body[:300]!r}")


def busted(path, value):
    return f"{path}{'&' if '?' in path else '?'}{BUST}={value}"


def total(client, query):
    """The number of dialogues the API lists for a query, asked anew (a fresh cache key)."""
    _, status, body = client.request(busted(f"/api/v1/dialogues?limit=1{query}", f"total-{time.monotonic_ns()}"))
    if status != 200:
        raise RuntimeError(f"API total: {status} {body[:300]!r}")
    return json.loads(body)["total"]


def check_bust(client, name, path):
    """The cache-busting parameter must not change the answer, or the figures would be of another page."""
    _, status, plain = client.request(path)
    _, _, other = client.request(busted(path, "check"))
    if status != 200:
        raise RuntimeError(f"{name}: {status} {plain[:300]!r}")
    if abs(len(plain) - len(other)) > 200:
        print(f"  warning: {name} is {len(plain):,} bytes without {BUST} and {len(other):,} with it")
    print(f"  {name}: {path} ({len(plain) / 1e3:,.0f} kB)")


def timed_rounds(part, routes, requirement):
    """ROUNDS rounds of REQUESTS requests per route, interleaved; routes are (name, function of a unique
    value giving milliseconds), the first being the reference /healthz."""
    for _, fetch in routes:
        fetch("warm")
    medians = {name: [] for name, _ in routes}
    highs = {name: [] for name, _ in routes}
    for r in range(ROUNDS):
        times = {name: [] for name, _ in routes}
        for i in range(REQUESTS):
            for name, fetch in routes:
                times[name].append(fetch(f"r{r}-{i}"))
        for name, _ in routes:
            medians[name].append(median(times[name]))
            highs[name].append(p90(times[name]))
        print(f"  round {r + 1}: " + "; ".join(f"{name} {median(times[name]):.1f} ms" for name, _ in routes)
              + f" [load {os.getloadavg()[0]:.1f}]")
    ref = median(medians[routes[0][0]])
    for name, _ in routes:
        med, high = median(medians[name]), median(highs[name])
        print(f"  {name:55s} median {med:8.1f} ms  p90 {high:8.1f} ms  ({med / ref:6.1f} x /healthz)")
        record(part, name, f"{med:.1f}", f"{high:.1f}", f"{ref:.2f} ms /healthz", f"{med / ref:.1f} x",
               requirement.get(name, ""))


def list_part(client):
    portal = f"/dialogues?area={AREA}&status={STATUS}"
    api = f"/api/v1/dialogues?area={AREA}&method={METHOD}"
    print(f"  {total(client, f'&area={AREA}&status={STATUS}'):,} dialogues in and around {AREA} with status "
          f"{STATUS}; {total(client, f'&area={AREA}&method={METHOD}'):,} with method {METHOD}")
    check_bust(client, "portal list", portal)
    _, status, _ = client.request(api)
    routes = [("/healthz", lambda v: client.get_ms(busted("/healthz", v))),
              ("portal list (area, status), uncached", lambda v: client.get_ms(busted(portal, v)))]
    if status == 200:
        check_bust(client, "API list", api)
        routes.append(("API list (area, method), uncached", lambda v: client.get_ms(busted(api, v))))
    else:
        print(f"  the API list answers {status}: not measured")
        record("list", "API list (area, method)", "NOT MEASURABLE", "", f"{api}: {status}", "")
    timed_rounds("list", routes, {name: "< 50 ms" for name, _ in routes[1:]})


def fatigue_part(client, council):
    client.sign_in(EDITOR, PASSWORD)
    token = client.csrf("/dialogues/new")
    form = {"_csrf": token, "id": "bench-ny-trygghetsvandring", "title": "Trygghetsvandring i " + AREA,
            "purpose": "Att hitta otrygga platser.", "method": "safetyWalk", "level": "consult", "status": "planned",
            "organiser": council, "areas[]": AREA, "tags": "trygghet",
            "sessions": f"{TO_YEAR + 1}-03-10 18:00; 20:00; Medborgarhuset"}
    before = total(client, "")
    _, status, body = client.request("/dialogues/new", form)
    listed = len(set(re.findall(rb'href="/dialogues/(bench-\d+)"', body)))
    if status != 200 or not listed:
        raise RuntimeError(f"POST /dialogues/new: {status}, {listed} dialogues in the warning: {body[:600]!r}")
    # Each list of the warning under its heading: the same topic nearby, and those awaiting feedback.
    lists = [f"{len(re.findall(rb'<li><a href=', items)):,} under '{heading.decode()}'"
             for heading, items in re.findall(rb"<h3>([^<]*)</h3><ul>(.*?)</ul>", body, re.S)]
    print(f"  the warning lists {listed:,} dialogues ({'; '.join(lists)}), {len(body) / 1e3:,.0f} kB; "
          f"the empty form is {len(client.request('/dialogues/new')[2]) / 1e3:,.0f} kB")

    def post(_):
        ms, code, _ = client.request("/dialogues/new", form)
        if code != 200:
            raise RuntimeError(f"POST /dialogues/new: {code}")
        return ms

    # The check alone, as the API answers it for the same dialogue, uncached as in 1.
    check = f"/api/v1/dialogues/fatigue?area={AREA}&tag=trygghet&day={TO_YEAR + 1}-03-10"
    check_bust(client, "fatigue check", check)
    _, _, answer = client.request(check)
    found = json.loads(answer)
    print(f"  the check finds {found['overlapCount']:,} on the topic nearby and "
          f"{found['awaitingFeedbackCount']:,} awaiting feedback")
    routes = [("/healthz", lambda v: client.get_ms(busted("/healthz", v))),
              ("GET /api/v1/dialogues/fatigue (the check, uncached)", lambda v: client.get_ms(busted(check, v))),
              ("GET /dialogues/new (empty form, signed in)", lambda v: client.get_ms("/dialogues/new")),
              ("POST /dialogues/new (fatigue check, not saved)", post)]
    timed_rounds("fatigue", routes, {routes[1][0]: "< 20 ms"})
    after = total(client, "")
    print(f"  dialogues before {before:,}, after {after:,}: {'nothing saved' if before == after else 'SAVED'}")
    if before != after:
        raise RuntimeError(f"the form saved: {before} dialogues before, {after} after")
    # The POST against the form it answers with, not only against /healthz.
    post_row = next(row for row in reversed(SUMMARY) if row[1] == routes[3][0])
    get_row = next(row for row in reversed(SUMMARY) if row[1] == routes[2][0])
    record("fatigue", "POST against GET of the form", f"{float(post_row[2]) - float(get_row[2]):+.1f}", "",
           f"{get_row[2]} ms GET", f"{float(post_row[2]) / float(get_row[2]):.1f} x", "")


def reach_part(client):
    path = f"/dialogues/reach?from={FROM_YEAR}&to={TO_YEAR}&indicator={INDICATOR}"
    check_bust(client, "reach", path)
    routes = [("/healthz", lambda v: client.get_ms(busted("/healthz", v))),
              (f"reach {FROM_YEAR}-{TO_YEAR}, uncached", lambda v: client.get_ms(busted(path, v)))]
    timed_rounds("reach", routes, {routes[1][0]: "< 200 ms"})


def print_summary():
    header = ("part", "measure", "median ms", "p90 ms", "reference", "ratio", "required")
    rows = [header] + [tuple(str(x) for x in row) for row in SUMMARY]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print(f"\nSummary ({DIALOGUES:,} dialogues; medians of {ROUNDS} rounds of {REQUESTS} requests; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")
    for i, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
        if i == 0:
            print("  " + "  ".join("-" * width for width in widths))


def main():
    parts = os.environ.get("PART", "all").split(",")
    known = ("list", "fatigue", "reach")
    if any(part not in known + ("all",) for part in parts):
        sys.exit(f"PART must be all or some of {', '.join(known)}, got {parts}")
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-dialogues-")
    proc = None
    print(f"skillnad: {skillnad}; {DIALOGUES:,} dialogues; {ROUNDS} rounds of {REQUESTS} requests")
    try:
        try:
            db, council = setup(skillnad, work, datetime.date.today())
        except (Failed, RuntimeError, OSError) as e:
            fail("setup", "setup", e)
            return
        proc, base = serve(skillnad, db, os.path.join(work, "server.log"), production=True)
        client = Client(base)
        benches = {"list": lambda: list_part(Client(client.base)),
                   "fatigue": lambda: fatigue_part(Client(client.base), council),
                   "reach": lambda: reach_part(Client(client.base))}
        for part in known:
            if "all" in parts or part in parts:
                print(f"{part} [load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs]")
                try:
                    benches[part]()
                except (RuntimeError, OSError, ValueError, KeyError) as e:
                    fail(part, "run", e)
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
        if os.environ.get("KEEP"):
            print(f"kept {work} (the database, the generated files, the server's log)")
        else:
            shutil.rmtree(work, ignore_errors=True)
        print_summary()


if __name__ == "__main__":
    main()
