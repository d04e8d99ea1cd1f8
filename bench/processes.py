#!/usr/bin/env python3
"""One server process against two on one PostgreSQL (issue 19): the throughput of the same routes
when one `skillnad serve` takes all the load, and when two processes on two ports each take half of
it (two wrk runs at once, their requests per second added). `/healthz` is the ceiling, measured the
same way in the same run.

    SKILLNAD_BIN=.build/release/skillnad DATABASE_URL=postgres://... python3 bench/processes.py
The database must hold the demo. ROUNDS (default 3) rounds of DURATION (default 10s) per route and
setup, CONNECTIONS (default 64) in all; medians are printed.
"""
import os
import statistics
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import wrk  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".ci"))
from multiprocess import request, two_servers  # noqa: E402

ROUTES = os.environ.get("ROUTES", "/healthz /measures/stad-i-samverkan-4-1-1 /api/v1/measures").split()
ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = os.environ.get("DURATION", "10s")
CONNECTIONS = int(os.environ.get("CONNECTIONS", "64"))


def together(bases, route):
    """wrk against every base at once, the connections shared out; the requests per second added."""
    results = [None] * len(bases)

    def run(index, base):
        results[index] = wrk(base + route, CONNECTIONS // len(bases), DURATION, 1)

    threads = [threading.Thread(target=run, args=(i, base)) for i, base in enumerate(bases)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if any(result[3] for result in results):
        raise SystemExit(f"FAIL: {route}: requests failed: {[r[3] for r in results]}")
    return sum(result[0] for result in results)


def main():
    os.environ.setdefault("SKILLNAD_RATE_LIMIT", "0")
    with two_servers() as (a, b):
        print(f"One process against two on one PostgreSQL; wrk, {CONNECTIONS} connections in all, "
              f"{ROUNDS} x {DURATION}, medians of requests per second")
        print(f"  {'route':42} {'one':>9} {'two':>9}  ratio")
        for route in ROUTES:
            # Warm both caches with one request each first: a cold process under 64 connections at
            # once loads the catalogue once per waiting request (see the README), which is another figure.
            for base in (a, b):
                request(base, route)
            together([a], route)
            together([b], route)
            one = [together([a], route) for _ in range(ROUNDS)]
            two = [together([a, b], route) for _ in range(ROUNDS)]
            print(f"  {route:42} {statistics.median(one):9.0f} {statistics.median(two):9.0f}  "
                  f"{statistics.median(two) / statistics.median(one):.2f}x")


if __name__ == "__main__":
    main()
