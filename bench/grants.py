#!/usr/bin/env python3
"""The grants benchmark (föreningsbidrag, issue 18): the handlers' queue and the one entry where an association
sees every open scheme it may apply for, over 5,000 associations and 20,000 applications over five years.

Set up with the product's own `skillnad demo` (its example associations and schemes), then the 5,000
associations of `associations.py` (its `populate`), then with SQL (sqlite3, one transaction): for each of the
15 district councils one scheme a year for 2022–2026, closed, and one open now; a city-wide scheme of the
culture committee, open now; and APPLICATIONS applications (default 20,000) from associations registered in
the scheme's district, each association at most once per scheme: those to open schemes received or in review,
those to closed ones decided, paid, reported or closed. Written with SQL because sending 20,000 through the
form would measure the form, which the app tests cover; what is measured is reading them.

`skillnad user add` makes a handler (an editor of Rinkeby-Kista's council) and an association administrator
(of one association in Rinkeby-Kista), who sign in through /login. Then ROUNDS rounds (default 3) of REQUESTS
requests (default 30) to each address, interleaved with /healthz as the reference measured in the same run:
- the handler's queue (`/grants/queue`): its body's applications sent and not closed, nearest deadline first,
  required < 50 ms;
- the one entry (`/associations/{id}/grants`): the eligibility check over every open scheme, with the
  association's applications and documents, required < 20 ms for the check;
- where the support goes (`/grants/support`): grant money and registered associations per 1,000 residents by
  district over the last ten years, grouped by area type, with the gap measures, uncached (a `period` parameter
  the page does not read makes each request a new cache key), required < 200 ms;
- the public list of schemes (`/grants`).

    python3 bench/grants.py
    SKILLNAD_BIN=.build/release/skillnad SKILLNAD_SHARED=../shared ROUNDS=3 python3 bench/grants.py
"""
import datetime
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import associations  # noqa: E402
from common import binary, serve  # noqa: E402
from dialogues import Client  # noqa: E402

APPLICATIONS = int(os.environ.get("APPLICATIONS", "20000"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
REQUESTS = int(os.environ.get("REQUESTS", "30"))
DISTRICT = "rinkeby-kista"
PASSWORD = "ett långt lösenord för mätningen"
HANDLER = "handlaggare@bench.example"
OWNER = "forening@bench.example"


def scheme_json(slug, body, areas, opens, closes, decides):
    report = datetime.date(decides.year + 1, 3, 1) - datetime.timedelta(days=1)
    return json.dumps({
        "id": slug, "body": body, "name": f"Föreningsbidrag {slug}", "purpose": "Fritid.", "audience": "Föreningar.",
        "areas": areas, "rules": {"registered": True, "activeInArea": True, "democracyConditions": True,
                                  "minimumMembers": 10, "minimumBoard": 3},
        "minimumAmount": 5000, "maximumAmount": 100000, "opens": opens.isoformat(), "closes": closes.isoformat(),
        "lateDays": 0, "decides": decides.isoformat(), "reportDue": report.isoformat(), "attachments": ["budget"],
    }, ensure_ascii=False)


def populate_grants(db):
    """Writes the schemes and APPLICATIONS applications; returns how many the handler's queue holds."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    rng = random.Random(182)
    today = datetime.date.today()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    districts = [row[0] for row in con.execute("SELECT slug FROM areas WHERE kind = 'districtArea' AND valid_to IS NULL")]
    registered = {}
    for ident, area in con.execute(
            "SELECT association_id, area FROM association_registers WHERE decision = 'approved'"):
        registered.setdefault(area, []).append(ident)
    schemes = []  # (id, district, open)

    def add_scheme(slug, body, areas, opens, closes, decides, district, is_open):
        ident = str(uuid.uuid4()).upper()
        con.execute(
            "INSERT INTO grant_schemes (id, slug, body, scheme, opens, closes, last_day, decides, created_at, "
            "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (ident, slug, body, scheme_json(slug, body, areas, opens, closes, decides), opens.isoformat(),
             closes.isoformat(), closes.isoformat(), decides.isoformat(), stamp, stamp))
        schemes.append((ident, district, is_open, decides))

    queued = 0
    with con:
        for district in districts:
            body = f"{district}-stadsdelsnamnd"
            for year in range(2022, 2027):
                add_scheme(f"bench-{district}-{year}", body, [district], datetime.date(year, 1, 15),
                           datetime.date(year, 3, 15), datetime.date(year, 4, 20), district, False)
            add_scheme(f"bench-{district}-open", body, [district], today - datetime.timedelta(days=20),
                       today + datetime.timedelta(days=25), today + datetime.timedelta(days=60), district, True)
        add_scheme("bench-kultur-open", "kulturnamnden", [], today - datetime.timedelta(days=10),
                   today + datetime.timedelta(days=40), today + datetime.timedelta(days=70), None, True)
        district_schemes = [s for s in schemes if s[1] is not None]
        pairs = set()
        written = 0
        while written < APPLICATIONS:
            scheme_id, district, is_open, decides = rng.choice(district_schemes)
            candidates = registered.get(district) or []
            if not candidates:
                continue
            association = rng.choice(candidates)
            if (scheme_id, association) in pairs:
                continue
            pairs.add((scheme_id, association))
            amount = rng.randrange(5000, 100000, 500)
            if is_open:
                status = rng.choice(["received", "received", "inReview"])
                decided = None
            else:
                status = rng.choice(["closed"] * 6 + ["paid", "reportDue", "reportReceived", "rejected"])
                decided = decides.isoformat()
            granted = None if status in ("received", "inReview") else (0 if status == "rejected" else amount)
            request = json.dumps({"amount": amount, "purpose": "Verksamhet", "description": "Träffar varje vecka.",
                                  "participants": 30}, ensure_ascii=False)
            con.execute(
                "INSERT INTO grant_applications (id, scheme_id, association_id, status, request, amount_requested, "
                "amount_granted, late, sent_on, decided_on, diary_number, report_due, created_at, updated_at, "
                "version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1)",
                (str(uuid.uuid4()).upper(), scheme_id, association, status, request, amount, granted,
                 today.isoformat(), decided, "BENCH 1/2026" if decided else None,
                 None if decided is None else (decides.replace(year=decides.year + 1, month=2, day=28)).isoformat(),
                 stamp, stamp))
            if district == DISTRICT and status != "closed":
                queued += 1
            written += 1
    con.execute("ANALYZE")
    con.close()
    return queued


def main():
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-grants-")
    db = os.path.join(work, "bench.sqlite")
    command = [skillnad, "demo", "--db", db]
    if os.path.isdir(os.path.join(associations.SHARED, "data")):
        command += ["--shared", associations.SHARED]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    started = time.perf_counter()
    associations.populate(db)
    queued = populate_grants(db)
    print(f"skillnad: {skillnad}; {associations.ASSOCIATIONS:,} associations and {APPLICATIONS:,} applications "
          f"written in {time.perf_counter() - started:.1f} s; {queued} in {DISTRICT}'s queue")
    for email, role, extra in [(HANDLER, "editor", ["--bodies", f"{DISTRICT}-stadsdelsnamnd"]),
                               (OWNER, "association", [])]:
        subprocess.run([skillnad, "user", "add", "--db", db, "--email", email, "--name", "Bench", "--role", role,
                        "--password-stdin"] + extra, check=True, stdout=subprocess.DEVNULL, input=PASSWORD + "\n",
                       text=True)
    con = sqlite3.connect(db)
    owner_id = con.execute("SELECT id FROM users WHERE email = ?", (OWNER,)).fetchone()[0]
    slug, association_id = con.execute(
        "SELECT a.slug, a.id FROM associations a JOIN association_registers r ON r.association_id = a.id "
        "WHERE r.area = ? AND r.decision = 'approved' ORDER BY a.slug LIMIT 1", (DISTRICT,)).fetchone()
    with con:
        con.execute("INSERT INTO association_admins (association_id, user_id) VALUES (?, ?)", (association_id, owner_id))
    con.close()
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        handler = Client(base)
        handler.sign_in(HANDLER, PASSWORD)
        owner = Client(base)
        owner.sign_in(OWNER, PASSWORD)
        anonymous = Client(base)
        # The pages must hold what they claim, or the figures measure nothing.
        _, status, body = handler.request("/grants/queue")
        page = body.decode()
        assert status == 200 and page.count('name="d[') >= 4 * 50, "the queue has no decisions to take"
        assert f"av {queued}" in page or page.count("<tr>") >= queued, "the queue does not count its applications"
        _, status, body = owner.request(f"/associations/{slug}/grants")
        page = body.decode()
        assert status == 200 and f"bench-{DISTRICT}-open" in page, "the one entry lacks the district's open scheme"
        assert "bench-kultur-open" in page, "the one entry lacks the city-wide scheme"
        routes = [
            ("/healthz", anonymous, None),
            ("/grants/queue", handler, "< 50 ms"),
            (f"/associations/{slug}/grants", owner, "< 20 ms (the check)"),
            ("/grants/support", anonymous, "< 200 ms, uncached"),
            ("/grants", anonymous, None),
        ]
        _, status, body = anonymous.request("/grants/support")
        page = body.decode()
        assert status == 200 and "gr-support-table-h" in page and page.count('<th scope="row"') >= 5, \
            "where the support goes has no groups"
        bust = iter(range(10**9))
        times = {name: [] for name, _, _ in routes}
        for round_number in range(ROUNDS):
            for _ in range(REQUESTS):
                for name, client, _ in routes:
                    path = f"{name}?period={next(bust)}" if name == "/grants/support" else name
                    elapsed, status, _ = client.request(path)
                    assert status == 200, f"{name} answered {status}"
                    times[name].append(elapsed)
            print(f"  round {round_number + 1}: " + ", ".join(
                f"{name} {statistics.median(times[name][-REQUESTS:]):.1f} ms" for name, _, _ in routes))
        reference = statistics.median(times["/healthz"])
        load = os.getloadavg()[0]
        print(f"\nSummary ({associations.ASSOCIATIONS:,} associations, {APPLICATIONS:,} applications; medians of "
              f"{ROUNDS} rounds of {REQUESTS} requests; load average {load:.1f} at the end)")
        print(f"  {'address':<45} {'median ms':>9} {'p90 ms':>7} {'ratio':>7}  required")
        for name, _, required in routes:
            med = statistics.median(times[name])
            print(f"  {name:<45} {med:>9.1f} {associations.pct(times[name], 90):>7.1f} {med / reference:>6.1f}x  "
                  f"{required or ''}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
