#!/usr/bin/env python3
"""Load test: wrk against a Skillnad server on the demo data, with /healthz as the ceiling
measured in the same run. Prints requests per second, p50/p99 latency and errors per route and
connection count, the median over rounds, and each route's ratio to /healthz.

    python3 bench/load.py                       # release build, 16/64/256 connections, 3 x 10 s
    CONNECTIONS=64 ROUTES="/reports/stad-i-samverkan /measures/stad-i-samverkan-4-1-1" python3 bench/load.py
    SKILLNAD_BIN=.build/debug/skillnad DURATION=2s ROUNDS=1 python3 bench/load.py   # quick check (CI)

Exits non-zero if any request failed (non-2xx or socket errors), so CI can prove it works.
Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import serve

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ROUTES = ("/ /reports/stad-i-samverkan /measures/stad-i-samverkan-4-1-1 "
                  "/api/v1/reports /api/v1/measures /api/v1/bodies")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, cwd=ROOT, **kw).stdout


def binary():
    if os.environ.get("SKILLNAD_BIN"):
        return os.environ["SKILLNAD_BIN"], "given binary"
    sh(["swift", "build", "-c", "release", "--product", "skillnad"])
    return os.path.join(sh(["swift", "build", "-c", "release", "--show-bin-path"]).strip(), "skillnad"), "release build"


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, connections, duration, threads):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", url],
                         check=True, text=True, capture_output=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return rps, ms(lat["50"]), ms(lat["99"]), errors


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    connections = [int(c) for c in os.environ.get("CONNECTIONS", "16 64 256").split()]
    routes = ["/healthz"] + os.environ.get("ROUTES", DEFAULT_ROUTES).split()
    rounds = int(os.environ.get("ROUNDS", "3"))
    duration = os.environ.get("DURATION", "10s")
    threads = os.environ.get("THREADS", "2")
    binpath, kind = binary()
    work = tempfile.mkdtemp(prefix="skillnad-load-")
    db = os.path.join(work, "load.sqlite")
    subprocess.run([binpath, "demo", "--db", db], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    server, base = serve(binpath, db, production=True)
    failed = False
    try:
        for r in routes:
            urllib.request.urlopen(base + r, timeout=5)  # warm the caches; fails loudly on an error
        print(f"Skillnad load test: {kind}, SQLite demo data, wrk -t{threads} -d{duration}, {rounds} round(s), medians")
        for c in connections:
            results = {r: [] for r in routes}
            for _ in range(rounds):
                for r in routes:  # interleaved, so drift in the machine hits every route alike
                    results[r].append(wrk(base + r, c, duration, threads))
            ceiling = statistics.median(x[0] for x in results["/healthz"])
            print(f"\n{c} connections")
            print(f"  {'route':40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'errors':>7}")
            for r in routes:
                rps = statistics.median(x[0] for x in results[r])
                p50 = statistics.median(x[1] for x in results[r])
                p99 = statistics.median(x[2] for x in results[r])
                errors = sum(x[3] for x in results[r])
                failed |= errors > 0
                print(f"  {r:40} {rps:9.0f} {p50:8.2f} {p99:8.2f} {rps / ceiling:6.2f} {errors:7d}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()  # still draining connections after SIGTERM: end it
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit("some requests failed")


if __name__ == "__main__":
    main()
