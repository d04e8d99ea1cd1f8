#!/usr/bin/env python3
"""Follow-up benchmark on a release build: `skillnad demo --scale city` generates a city-sized
history (800 measures, 70 bodies, 10 budget years with 3 periods each, about 20,000 follow-up
reports with their publications); then, against /healthz as the reference in the same run:

1. the follow-up overview for one budget year and the measure's life (the catalogue page of a
   generated measure with decisions and reports in every year), each without the page cache:
   every request has its own `q`, a parameter the cache keys but these pages ignore;
2. the export of every follow-up report as CSV, the public one (kept per catalogue generation
   after its first request) and the administrator's working copies (made anew each time);
3. the import of 20,000 rows through the API (an administrator's read-write token), all or
   nothing: each round exports the working copies, changes the narrative of the first 20,000
   rows and imports them; then the same file with a bad progress on line 19,999 must be refused
   with that line named, and the export must be byte for byte the same before and after.

    python3 bench/followup.py
    PART=imports python3 bench/followup.py      # or pages, exports
    SKILLNAD_BIN=.build-release/release/skillnad REQUESTS=10 ROUNDS=2 python3 bench/followup.py

Requirements: overview < 100 ms, measure's life < 30 ms (both uncached, medians), export of
every report < 1 s, import of 20,000 rows < 3 s. Not a timed gate: the machines are shared and
noisy; read medians and ratios.
"""
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from common import ROOT, serve, sh

REQUESTS = int(os.environ.get("REQUESTS", "30"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
IMPORT_ROWS = 20_000
BAD_LINE = 19_999
YEAR = os.environ.get("YEAR", "2021")
# The first generated measure: report 1 (2016), taken up in 2017, given to two bodies every year.
MEASURE = os.environ.get("MEASURE", "genererad-rapport-1-1-1-1")


def binary():
    """SKILLNAD_BIN, or a release build in its own scratch path (so that it does not wait on,
    or replace, the debug build in .build)."""
    if os.environ.get("SKILLNAD_BIN"):
        return os.path.abspath(os.environ["SKILLNAD_BIN"])
    scratch = ["--scratch-path", ".build-release"]
    sh(["swift", "build", "-c", "release", *scratch, "--product", "skillnad"])
    return os.path.join(sh(["swift", "build", "-c", "release", *scratch, "--show-bin-path"]).strip(), "skillnad")


def request(url, data=None, headers=None, method=None):
    """Milliseconds, status and body; an HTTP error is a response like any other."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            body, status = r.read(), r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return (time.perf_counter() - start) * 1000, status, body


def get_ms(url, headers=None):
    ms, status, body = request(url, headers=headers)
    assert status == 200, (url, status, body[:300])
    return ms


def report(name, times, ref):
    t = sorted(times)
    med = statistics.median(t)
    p90 = t[int(0.9 * (len(t) - 1))]
    print(f"  {name:40s} median {med:8.1f} ms  p90 {p90:8.1f} ms  ({med / ref:7.1f} x /healthz)")
    return med


def changed(export, round_number, refused=frozenset()):
    """The first IMPORT_ROWS reports of an export with a new narrative each, as CSV text: not the
    empty rows of assignments still to report, nor the lines of `refused`."""
    rows = list(csv.reader(io.StringIO(export.decode("utf-8-sig"))))
    header = rows[0]
    status = header.index("status")
    data = [row for line, row in enumerate(rows[1:], start=2) if row[status] and line not in refused]
    if len(data) < IMPORT_ROWS:
        sys.exit(f"the export has {len(data):,} rows, fewer than {IMPORT_ROWS:,}")
    narrative = header.index("narrative")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for number, row in enumerate(data[:IMPORT_ROWS]):
        row = list(row)
        row[narrative] = f"Genererad rapport, import {round_number}, rad {number + 2}."
        writer.writerow(row)
    return header, out.getvalue()


def spoiled(text, header):
    """The file with a progress of 150 on line BAD_LINE (line 1 is the header)."""
    rows = list(csv.reader(io.StringIO(text)))
    progress = header.index("progress")
    rows[BAD_LINE - 1][progress] = "150"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def main():
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-fu-")
    db = os.path.join(work, "city.sqlite")
    start = time.perf_counter()
    out = sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none"), "--scale", "city"])
    print([line for line in out.splitlines() if line.startswith("City scale")][0]
          + f" (generated in {time.perf_counter() - start:.0f} s)")
    email = "bench-admin@example.org"
    subprocess.run([skillnad, "user", "add", "--db", db, "--email", email, "--name", "Bench", "--role", "admin",
                    "--password-stdin"], input="bench-password-long-enough-1\n", text=True, check=True,
                   capture_output=True, cwd=ROOT)
    token = sh([skillnad, "token", "create", "--db", db, "--email", email, "--scope", "read-write",
                "--name", "bench"]).strip().splitlines()[-1]
    admin = {"Authorization": f"Bearer {token}"}
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        part = os.environ.get("PART", "all")
        if part in ("all", "pages"):
            pages(base)
        if part in ("all", "exports"):
            exports(base, admin)
        if part in ("all", "imports"):
            imports(base, admin)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def pages(base):
    routes = [("/healthz", "/healthz?q={}"),
              (f"follow-up overview {YEAR}", f"/follow-up?year={YEAR}&q=r{{}}"),
              (f"measure's life ({MEASURE})", f"/measures/{MEASURE}?q=r{{}}")]
    for name, pattern in routes[1:]:
        # `q` must not change what these pages show, or the figures would be of another page.
        _, status, plain = request(base + pattern.replace("&q=r{}", "").replace("?q=r{}", ""))
        _, _, busted = request(base + pattern.format("check"))
        assert status == 200, (name, status, plain[:300])
        if abs(len(plain) - len(busted)) > 200:
            print(f"  warning: {name} is {len(plain):,} bytes without q and {len(busted):,} with it")
        print(f"  {name}: {len(plain) / 1e3:,.0f} kB")
    for _, pattern in routes:
        get_ms(base + pattern.format("warm"))
    times = {name: [] for name, _ in routes}
    for i in range(REQUESTS):  # interleaved, so that noise hits every route alike
        for name, pattern in routes:
            times[name].append(get_ms(base + pattern.format(i)))
    ref = statistics.median(times["/healthz"])
    for name, _ in routes:
        report(name, times[name], ref)
    print("  required: overview median < 100 ms, measure's life < 30 ms (both uncached)")


def lines(csv_bytes):
    """Data rows of a CSV file (narratives here have no line breaks)."""
    return csv_bytes.count(b"\n") - 1


def exports(base, admin):
    _, status, body = request(base + "/follow-up/reports.csv")
    assert status == 200, (status, body[:300])
    print(f"  public export: {lines(body):,} published reports, {len(body) / 1e6:.1f} MB")
    _, status, body = request(base + "/api/v1/follow-up/reports.csv", headers=admin)
    assert status == 200, (status, body[:300])
    print(f"  working copies: {lines(body):,} rows, {len(body) / 1e6:.1f} MB")
    times = {"/healthz": [], "public export (cached after the first)": [], "working copies (made each time)": []}
    for i in range(max(5, REQUESTS // 3)):
        times["/healthz"].append(get_ms(base + f"/healthz?q={i}"))
        times["public export (cached after the first)"].append(get_ms(base + "/follow-up/reports.csv"))
        times["working copies (made each time)"].append(
            get_ms(base + "/api/v1/follow-up/reports.csv", headers=admin))
    ref = statistics.median(times["/healthz"])
    for name, t in times.items():
        report(name, t, ref)
    print("  required: export of every report < 1 s")


def imports(base, admin):
    csv_headers = dict(admin, **{"Content-Type": "text/csv; charset=utf-8"})
    url = base + "/api/v1/follow-up/reports.csv"
    good, bad_ms = [], []
    # The working copies include the reports of assignments a change of body ended, which the
    # import refuses (no assignment now): find them with one import, refused and so not written.
    _, _, export = request(url, headers=admin)
    rows = list(csv.reader(io.StringIO(export.decode("utf-8-sig"))))
    status = rows[0].index("status")
    whole = io.StringIO()
    csv.writer(whole, lineterminator="\r\n").writerows([rows[0]] + [row for row in rows[1:] if row[status]])
    _, code, body = request(url, data=whole.getvalue().encode(), headers=csv_headers, method="POST")
    kept = [line for line, row in enumerate(rows[1:], start=2) if row[status]]
    refused = set()
    if code == 422:
        # Lines of the filtered file, mapped back to the export's lines.
        for item in json.loads(body).get("errors", []):
            number = int(item["pointer"].split("/")[2])
            if 2 <= number < len(kept) + 2:
                refused.add(kept[number - 2])
    print(f"  the import refuses {len(refused)} exported rows (reports on assignments that ended)")
    for r in range(ROUNDS):
        _, _, export = request(url, headers=admin)
        header, text = changed(export, r + 1, refused)
        ms, status, body = request(url, data=text.encode(), headers=csv_headers, method="POST")
        assert status == 200, (status, body[:600])
        good.append(ms)
        print(f"  round {r + 1}: import of {IMPORT_ROWS:,} rows {ms:,.0f} ms ({status})")
        # The same file once more, spoiled on one line near the end: refused, nothing written.
        _, _, before = request(url, headers=admin)
        _, text = changed(before, r + 100, refused)
        ms, status, body = request(url, data=spoiled(text, header).encode(), headers=csv_headers, method="POST")
        _, _, after = request(url, headers=admin)
        named = str(BAD_LINE).encode() in body and b"progress" in body
        print(f"           with a bad line {BAD_LINE:,}: {status} in {ms:,.0f} ms; line and column named: {named}; "
              f"unchanged: {before == after}")
        assert 400 <= status < 500 and named and before == after, body[:600]
        bad_ms.append(ms)
    print(f"  median: import of {IMPORT_ROWS:,} rows {statistics.median(good):,.0f} ms; "
          f"refused import {statistics.median(bad_ms):,.0f} ms")
    print("  required: import of 20,000 rows < 3 s, all or nothing")


if __name__ == "__main__":
    sys.exit(main())
