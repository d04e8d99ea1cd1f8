#!/usr/bin/env python3
"""Several server processes on one PostgreSQL (issue 19's claim, proved here): two `skillnad serve`
processes share the database `DATABASE_URL` names, with nothing in front of them but their ports.

- An edit through one process is served by the other within a second: each process caches pages per
  catalogue generation and compares the generation in the database at most once a second. A measure's
  title is changed through A's API, and B's page of the measure is read every 20 ms until it shows it.
- Two edits of the same object through both processes at once, from the same version, end with
  exactly one winner: the other gets 409 and the version moves by one.

    SKILLNAD_BIN=.build/debug/skillnad DATABASE_URL=postgres://... python3 .ci/multiprocess.py
The database must hold the demo (`skillnad demo`)."""
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

BIN = os.environ["SKILLNAD_BIN"]
MEASURE = os.environ.get("MEASURE", "stad-i-samverkan-4-1-1")
EDITS = int(os.environ.get("EDITS", "5"))
RACES = int(os.environ.get("RACES", "10"))
LIMIT = float(os.environ.get("LIMIT", "1.25"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base, path, method="GET", body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def start(port, log):
    env = dict(os.environ, SKILLNAD_RATE_LIMIT="0")
    process = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if request(base, "/healthz")[0] == 200:
                return process, base
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"FAIL: the server on port {port} did not start")


@contextlib.contextmanager
def two_servers(folder=None):
    """Two `skillnad serve` processes on free ports, their output in `folder` (a.log, b.log) or
    nowhere; stopped when the block ends, however it ends."""
    servers = []
    try:
        for name in ("a", "b"):
            log = open(os.path.join(folder, f"{name}.log"), "w") if folder else subprocess.DEVNULL
            servers.append(start(free_port(), log))
        yield servers[0][1], servers[1][1]
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=10)


def main():
    email = f"multiprocess-{os.getpid()}@example.org"
    subprocess.run([BIN, "user", "add", "--email", email, "--name", "Two processes", "--role", "admin",
                    "--password-stdin"], input=b"ett langt losenord for provet\n", check=True,
                   stdout=subprocess.DEVNULL)
    token = subprocess.run([BIN, "token", "create", "--email", email, "--scope", "read-write", "--days", "1",
                            "--name", "multiprocess"], check=True, capture_output=True).stdout.decode().strip()
    auth = {"Authorization": f"Bearer {token}"}
    folder = tempfile.mkdtemp(prefix="skillnad-multiprocess-")
    with two_servers(folder) as (a, b):
        api = f"/api/v1/measures/{MEASURE}"
        page = f"/measures/{MEASURE}"

        lags = []
        for edit in range(EDITS):
            assert request(b, page)[0] == 200  # B has the page cached before the edit
            status, _, body = request(a, api, headers=auth)
            assert status == 200, status
            version = json.loads(body)["version"]
            title = f"Lotsar i två processer, ändring {edit + 1} ({os.getpid()})"
            status, _, body = request(a, api, "PATCH", {"title": title}, dict(auth, **{"If-Match": f'"{version}"'}))
            assert status == 200, (status, body[:300])
            changed = time.perf_counter()
            while True:
                status, _, body = request(b, page)
                if title.encode() in body:
                    lags.append(time.perf_counter() - changed)
                    break
                if time.perf_counter() - changed > 10:
                    raise SystemExit("FAIL: process B never showed the edit made through process A")
                time.sleep(0.02)
        print(f"edit through A seen on B's page after: " + ", ".join(f"{lag * 1000:.0f} ms" for lag in lags)
              + f" (median {statistics.median(lags) * 1000:.0f} ms)")
        if max(lags) > LIMIT:
            raise SystemExit(f"FAIL: an edit took {max(lags):.2f} s to reach the other process (limit {LIMIT} s)")

        for race in range(RACES):
            version = json.loads(request(a, api, headers=auth)[2])["version"]
            etag = f'"{version}"'
            start_line = threading.Barrier(2)
            results = {}

            def edit(name, base):
                start_line.wait()
                results[name] = request(base, api, "PATCH", {"title": f"Lotsar, kapplöpning {race} via {name}"},
                                        dict(auth, **{"If-Match": etag}))[0]

            threads = [threading.Thread(target=edit, args=(name, base)) for name, base in (("A", a), ("B", b))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            statuses = sorted(results.values())
            if statuses != [200, 409]:
                raise SystemExit(f"FAIL: two edits of version {version} at once ended {statuses}, not one winner")
            after = json.loads(request(b, api, headers=auth)[2])["version"]
            if after != version + 1:
                raise SystemExit(f"FAIL: the version went from {version} to {after}, not by one")
        print(f"{RACES} pairs of simultaneous edits through A and B: each exactly one 200 and one 409")


if __name__ == "__main__":
    main()
