#!/usr/bin/env python3
"""Referral benchmark on a release build: `skillnad demo --scale city` generates a city-sized
history (40 reports, 800 measures, 70 bodies, 60 rounds, 3,000 answers, 40,000 positions); then
the compilation page of the largest round and the CSV export of all positions are requested
REQUESTS times each without the page cache (own query string per request), interleaved with
/healthz as the reference in the same run. Prints medians and p90.

    python3 bench/referrals.py
    SKILLNAD_BIN=.build/debug/skillnad REQUESTS=5 python3 bench/referrals.py   # quick check

Requirements: compilation page median < 100 ms, CSV export of all positions < 1 s.
Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import binary, serve, sh









def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        body = r.read()
        assert r.status == 200, (url, r.status)
    return (time.perf_counter() - start) * 1000, body


def main():
    skillnad = binary()
    requests = int(os.environ.get("REQUESTS", "30"))
    work = tempfile.mkdtemp(prefix="skillnad-bench-ref-")
    db = os.path.join(work, "city.sqlite")
    start = time.perf_counter()
    out = sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none"), "--scale", "city"])
    print([line for line in out.splitlines() if line.startswith("City scale")][0] + f" (generated in {time.perf_counter() - start:.0f} s)")
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        # Every generated round has the same size; the largest is the first with the most recipients.
        routes = [("/healthz", "/healthz?r={}"),
                  ("compilation of the largest round", "/referrals/genererad-remiss-1/compilation?r={}"),
                  ("CSV export of all positions", "/referrals/positions.csv?r={}")]
        _, body = get(base + routes[2][1].format("warm"))
        lines = body.count(b"\n") - 1
        print(f"  the export has {lines:,} positions, {len(body) / 1e6:.1f} MB")
        for _, pattern in routes:
            get(base + pattern.format("warm"))
        times = {name: [] for name, _ in routes}
        for i in range(requests):
            for name, pattern in routes:
                times[name].append(get(base + pattern.format(i))[0])
        ref = statistics.median(times["/healthz"])
        for name, _ in routes:
            t = sorted(times[name])
            med = statistics.median(t)
            print(f"  {name:34s} median {med:8.1f} ms  p90 {t[int(0.9 * (len(t) - 1))]:8.1f} ms  ({med / ref:7.1f} x /healthz)")
        print("  required: compilation page median < 100 ms; CSV export of all positions < 1 s")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
