#!/usr/bin/env python3
"""The register of associations benchmark (föreningsregistret, issue 18): the public register of a district, its
map and its open data over 5,000 associations.

Set up with the product's own `skillnad demo` (the six example associations, and with `--shared` the district
areas' shapes the map needs), then ASSOCIATIONS associations (default 5,000) written with SQL (sqlite3, one
transaction) spread over the 15 district areas: each a copy of a demo association's stored entry with its own
name, id and organisation number, one to three activities with coordinates near the district's demo activity,
and approved in its district's register (one in ten waiting for review instead), verified after its annual
meeting. Written with SQL because registering 5,000 through the form would measure the form, which the app tests
cover; what is measured is reading them.

Then ROUNDS rounds (default 3) of REQUESTS uncached requests (default 30) to each address, interleaved with
/healthz as the reference measured in the same run:
- the public register of one district with its map (`/associations?district=rinkeby-kista`: its first page of
  50 associations, the map of their activities, and the count of all), required < 50 ms;
- the same filtered by age and language;
- the overview of every district's register with its counts (`/associations`);
- the open data: HSDS JSON of the district (`/api/v1/associations?district=…`, its first 100) and its CSV.

    python3 bench/associations.py
    SKILLNAD_BIN=.build/release/skillnad SKILLNAD_SHARED=../shared ROUNDS=3 python3 bench/associations.py
"""
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import tempfile
import time
import urllib.request
import uuid

from common import ROOT, binary, serve

ASSOCIATIONS = int(os.environ.get("ASSOCIATIONS", "5000"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
REQUESTS = int(os.environ.get("REQUESTS", "30"))
SHARED = os.environ.get("SKILLNAD_SHARED") or os.path.join(ROOT, "..", "shared")
DISTRICT = "rinkeby-kista"


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def luhn_digit(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def populate(db):
    """Writes ASSOCIATIONS associations as the product stores them; returns how many each district registers."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    districts = [row[0] for row in con.execute("SELECT slug FROM areas WHERE kind = 'districtArea' AND valid_to IS NULL")]
    template = json.loads(con.execute("SELECT entry FROM associations ORDER BY name LIMIT 1").fetchone()[0])
    # Each district's activities lie around a point inside it: the demo's where it has one, else the city's middle.
    centres = {d: (59.33, 18.06) for d in districts}
    for area, lat, lon in con.execute("SELECT area, latitude, longitude FROM association_activities"):
        if area in centres and lat is not None:
            centres[area] = (lat, lon)
    rng = random.Random(18)
    today = time.strftime("%Y-%m-%d")
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    counts = {}
    with con:
        for n in range(ASSOCIATIONS):
            district = districts[n % len(districts)]
            lat, lon = centres[district]
            entry = dict(template)
            name = f"Bänkförening {n:05d}"
            base = "8025" + f"{n:05d}"
            number = base + luhn_digit(base)
            entry["name"] = name
            entry["organisationNumber"] = {"digits": number}
            entry["districts"] = [district]
            activities = []
            for k in range(rng.randint(1, 3)):
                low = rng.choice([0, 7, 13, 18, 65])
                activities.append({
                    "name": f"Verksamhet {k + 1}", "description": "Träffar varje vecka.", "audience": "Alla",
                    "minimumAge": low, "maximumAge": low + rng.choice([5, 10, 40]),
                    "languages": rng.sample(["sv", "en", "so", "ar", "fi", "ti"], 2), "area": district,
                    "place": f"Lokal {k + 1}", "address": f"Gatan {n % 90 + 1}",
                    "latitude": lat + rng.uniform(-0.004, 0.004), "longitude": lon + rng.uniform(-0.006, 0.006),
                    "schedule": "Tisdagar 18–20"})
            entry["activities"] = activities
            ident = str(uuid.uuid4()).upper()
            slug = f"bankforening-{n:05d}"
            con.execute(
                "INSERT INTO associations (id, slug, name, organisation_number, entry, member_total, search, "
                "annual_meeting, verified_on, renewal_due, created_at, updated_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)",
                (ident, slug, name, number, json.dumps(entry, ensure_ascii=False), 20,
                 f" bankforening {n:05d} verksamhet traff ", entry.get("annualMeeting"), today, stamp, stamp))
            decision = "pending" if n % 10 == 9 else "approved"
            con.execute("INSERT INTO association_registers (association_id, area, decision) VALUES (?, ?, ?)",
                        (ident, district, decision))
            if decision == "approved":
                counts[district] = counts.get(district, 0) + 1
            for position, activity in enumerate(activities):
                con.execute(
                    "INSERT INTO association_activities (id, association_id, position, name, area, minimum_age, "
                    "maximum_age, languages, place, address, schedule, latitude, longitude) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()).upper(), ident, position, activity["name"], district, activity["minimumAge"],
                     activity["maximumAge"], " ".join(activity["languages"]), activity["place"], activity["address"],
                     activity["schedule"], activity["latitude"], activity["longitude"]))
    con.execute("ANALYZE")
    con.close()
    return counts


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        status = response.status
    return (time.perf_counter() - start) * 1000, status, body


def main():
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-associations-")
    db = os.path.join(work, "bench.sqlite")
    command = [skillnad, "demo", "--db", db]
    if os.path.isdir(os.path.join(SHARED, "data")):
        command += ["--shared", SHARED]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    started = time.perf_counter()
    counts = populate(db)
    print(f"skillnad: {skillnad}; {ASSOCIATIONS:,} associations written in {time.perf_counter() - started:.1f} s; "
          f"{counts.get(DISTRICT, 0)} registered in {DISTRICT}")
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        routes = [
            ("/healthz", None),
            (f"/associations?district={DISTRICT}", "< 50 ms"),
            (f"/associations?district={DISTRICT}&age=12&language=so", None),
            ("/associations", None),
            (f"/api/v1/associations?district={DISTRICT}", None),
            (f"/associations.csv?district={DISTRICT}", None),
        ]
        # The page must carry the map and the district's associations, or the figure measures nothing.
        _, status, body = get(base + routes[1][0])
        page = body.decode()
        assert status == 200 and "as-map" in page, "the district's register has no map"
        shown = re.search(r"Visar 1–50 av (\d+)", page)
        assert shown and int(shown.group(1)) >= counts.get(DISTRICT, 0), "the district's associations are not counted"
        assert page.count("Bänkförening") >= 50, "the district's first page is not full"
        times = {name: [] for name, _ in routes}
        for round_number in range(ROUNDS):
            for _ in range(REQUESTS):
                for name, _ in routes:
                    elapsed, status, _ = get(base + name)
                    assert status == 200, f"{name} answered {status}"
                    times[name].append(elapsed)
            print(f"  round {round_number + 1}: " + ", ".join(
                f"{name} {statistics.median(times[name][-REQUESTS:]):.1f} ms" for name, _ in routes))
        reference = statistics.median(times["/healthz"])
        load = os.getloadavg()[0]
        print(f"\nSummary ({ASSOCIATIONS:,} associations; medians of {ROUNDS} rounds of {REQUESTS} requests; "
              f"load average {load:.1f} at the end)")
        print(f"  {'address':<55} {'median ms':>9} {'p90 ms':>7} {'ratio':>7}  required")
        for name, required in routes:
            med = statistics.median(times[name])
            print(f"  {name:<55} {med:>9.1f} {pct(times[name], 90):>7.1f} {med / reference:>6.1f}x  {required or ''}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
