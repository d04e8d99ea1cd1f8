#!/usr/bin/env python3
"""Indicator benchmarks on a release build, each with a reference measured in the same run.

1. Import: a CSV of ROWS observation rows (default 5,000,000: 2,500 areas x 20 periods x 100
   groups, numerator and denominator) through `skillnad indicators import` (read, check, match
   areas, compute rates, write, recompute the disparity summaries, all in one transaction), against
   the `sqlite3` shell's own `.import` of the same file into a bare table. Rows per second, the
   ratio, and the import's peak memory. The requirement: at least 40 % of sqlite3's rows per second.
2. Pages: 200 indicators x 600 areas x 20 periods (2.4 million observations) imported, then the
   differences overview and one indicator page rendered without the page cache (every request has
   its own `q`, a parameter the cache keys but these pages ignore, so each one queries the database
   and renders), against /healthz in the
   same run. Median and p90 of REQUESTS sequential requests each.

    python3 bench/indicators.py                 # everything (about 10 minutes)
    ROWS=500000 PART=import python3 bench/indicators.py
    PART=pages INDICATORS=20 python3 bench/indicators.py

Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import binary, serve, sh

ROUNDS = int(os.environ.get("ROUNDS", "3"))






def timed(cmd, **kw):
    """Wall time and peak resident memory (MB) of a command, through GNU time when there is one."""
    gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    full = ([gnu_time, "-f", "MAXRSS %M"] if gnu_time else []) + cmd
    start = time.perf_counter()
    p = subprocess.run(full, text=True, capture_output=True, **kw)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    m = re.search(r"MAXRSS (\d+)", p.stderr)
    return elapsed, (int(m.group(1)) / 1024 if m else None)


def import_bench(skillnad, work):
    rows = int(os.environ.get("ROWS", "5000000"))
    periods, groups = 20, 100
    areas = max(1, rows // (periods * groups))
    path = os.path.join(work, "observations.csv")
    rng = random.Random(1)
    with open(path, "w") as f:
        f.write("area,period,group,numerator,denominator\n")
        for a in range(areas):
            code = f"B{a:05d}"
            for p in range(2000, 2000 + periods):
                for g in range(groups):
                    d = rng.randint(100, 5000)
                    f.write(f"{code},{p},{'T' if g == 0 else f'g{g}'},{rng.randint(0, d)},{d}\n")
    n = areas * periods * groups
    size = os.path.getsize(path) / 1e6
    print(f"Import: {n:,} rows, {size:.0f} MB, {areas:,} areas x {periods} periods x {groups} groups")
    sqlite_rates, our_rates, memory = [], [], []
    for r in range(ROUNDS):
        bare = os.path.join(work, f"bare{r}.sqlite")
        t, _ = timed(["sqlite3", bare, ".mode csv", f".import {path} obs"])
        sqlite_rates.append(n / t)
        db = os.path.join(work, f"skillnad{r}.sqlite")
        sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
        t, rss = timed([skillnad, "indicators", "import", path, "--db", db, "--code", "bench", "--name", "Bench",
                        "--area-code", "area", "--numerator", "numerator", "--denominator", "denominator",
                        "--period-column", "period", "--group", "grupp=group", "--area-kind", "statisticalArea",
                        "--create-areas", "--parent", "stockholm"])
        our_rates.append(n / t)
        memory.append(rss)
        print(f"  round {r + 1}: sqlite3 .import {sqlite_rates[-1]:,.0f} rows/s, skillnad {our_rates[-1]:,.0f} rows/s"
              + (f", peak {rss:,.0f} MB" if rss else ""))
        for f in (bare, db):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f + suffix):
                    os.remove(f + suffix)
    s, o = statistics.median(sqlite_rates), statistics.median(our_rates)
    print(f"  median: sqlite3 .import {s:,.0f} rows/s; skillnad indicators import {o:,.0f} rows/s; ratio {o / s:.2f} (required >= 0.40)")
    if memory[0]:
        print(f"  peak memory of the import: {statistics.median(memory):,.0f} MB")




def get_ms(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        assert r.status == 200, (url, r.status)
    return (time.perf_counter() - start) * 1000


def pages_bench(skillnad, work):
    indicators = int(os.environ.get("INDICATORS", "200"))
    areas, periods = int(os.environ.get("AREAS", "600")), 20
    requests = int(os.environ.get("REQUESTS", "30"))
    db = os.path.join(work, "pages.sqlite")
    sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
    rng = random.Random(2)
    start = time.perf_counter()
    for i in range(indicators):
        path = os.path.join(work, f"ind{i}.csv")
        with open(path, "w") as f:
            f.write("area,name,period,value\n")
            base = rng.uniform(20, 80)
            for p in range(2005, 2005 + periods):
                spread = rng.uniform(5, 30) + (p - 2005) * rng.uniform(-0.5, 0.5)
                for a in range(areas):
                    f.write(f"A{a:04d},Område {a},{p},{base + rng.uniform(-spread, spread):.2f}\n")
        sh([skillnad, "indicators", "import", path, "--db", db, "--code", f"ind-{i:03d}", "--name", f"Indikator {i:03d}",
            "--direction", "higherIsBetter" if i % 2 else "lowerIsBetter", "--area-code", "area", "--area-name", "name",
            "--value", "value", "--period-column", "period", "--area-kind", "statisticalArea", "--create-areas", "--parent", "stockholm"])
        os.remove(path)
    print(f"Pages: {indicators} indicators x {areas} areas x {periods} periods = {indicators * areas * periods:,} observations "
          f"(imported in {time.perf_counter() - start:.0f} s)")
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        # The page cache keys only the query parameters some page reads (PageRenderer.queryParameters),
        # so a made-up one would hit the cache: `q`, which these pages ignore, makes each request new.
        # An area with a value of every indicator, named as the import named it.
        with urllib.request.urlopen(base + "/api/v1/indicators/ind-007/observations?limit=1", timeout=60) as r:
            area = json.loads(r.read())["items"][0]["area"]
        routes = [("/healthz", "/healthz?q={}"), ("/differences", "/differences?q=r{}"),
                  ("/indicators/ind-007", "/indicators/ind-007?q=r{}"),
                  ("/areas/{area} (every indicator)", "/areas/" + area + "?q=r{}"),
                  ("/differences (cached)", "/differences")]
        for _, pattern in routes:  # warm up: first connections, the catalogue snapshot
            get_ms(base + pattern.format("warm"))
        times = {name: [] for name, _ in routes}
        for i in range(requests):  # interleaved, so that noise hits every route alike
            for name, pattern in routes:
                times[name].append(get_ms(base + pattern.format(i)))
        ref = statistics.median(times["/healthz"])
        for name, _ in routes:
            t = sorted(times[name])
            med = statistics.median(t)
            p90 = t[int(0.9 * (len(t) - 1))]
            print(f"  {name:28s} median {med:7.1f} ms  p90 {p90:7.1f} ms  ({med / ref:6.1f} x /healthz)")
        print("  required: differences overview median < 200 ms, indicator page < 30 ms (both uncached)")
        print("  the area page reads each indicator's value, the city's and the area's rank: no target yet")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    for tool in ("sqlite3",):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (Debian: apt-get install {tool})")
    skillnad = binary()
    part = os.environ.get("PART", "all")
    work = tempfile.mkdtemp(prefix="skillnad-bench-")
    try:
        if part in ("all", "import"):
            import_bench(skillnad, work)
        if part in ("all", "pages"):
            pages_bench(skillnad, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
