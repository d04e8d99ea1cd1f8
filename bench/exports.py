#!/usr/bin/env python3
"""Export memory benchmark on a release build: what the downloads of one large indicator cost the
server in memory and in responsiveness, with /healthz before the downloads as the reference
measured in the same run.

A CSV of ROWS observation rows for one indicator (default 2,000,000: 2,000 areas x 20 periods x
50 groups, numerator and denominator; generated and imported as bench/indicators.py does) is
imported into a fresh demo database; then `skillnad serve` (production environment, 127.0.0.1
only) answers DOWNLOADS downloads of `/indicators/bench/data?format=F`, F cycling over FORMATS,
PARALLEL at a time. Every body is read in 64 kB chunks and dropped, never kept. Each request has
its own query string (`&r=N`), as in the other benchmarks. Measured:
- the server's resident memory (VmRSS in /proc/PID/status) after start and one warm-up page,
  after every download, after the last one and after SETTLE seconds idle, and its peak (VmHWM);
- each download's wall time, time to the first byte and byte count: median and p90 seconds and
  median MB/s per format;
- /healthz, probed every 100 ms by a thread while the downloads run (timeout 5 s; a timeout
  counts as 5 s in the percentiles and is reported), against the same probe run before them:
  p50, p90 and the ratio;
- the HTTP statuses. A 503 with Retry-After (too many exports at once) is allowed: it is counted
  separately and the download is tried again after Retry-After seconds (at most RETRIES times,
  waiting at most 30 s each).

    python3 bench/exports.py                                  # 2,000,000 rows, 20 downloads
    ROWS=200000 DOWNLOADS=4 python3 bench/exports.py          # quick check
    SKILLNAD_BIN=.build/debug/skillnad ROWS=200000 DOWNLOADS=4 PARALLEL=4 FORMATS="csv json" python3 bench/exports.py

Knobs: ROWS, DOWNLOADS (20), FORMATS ("csv csv-sv json opensdg"), PARALLEL (2), HEALTHZ (probes
before the downloads, 50), SETTLE (2 s), RETRIES (5), TIME_LIMIT (seconds for all downloads,
1800), SKILLNAD_BIN (else a release build).

Exits non-zero if a download did not end in a complete 200 or the server died, so a quick check
proves it works. Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import collections
import concurrent.futures
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from common import binary, serve, sh

CODE = "bench"
CHUNK = 64 * 1024
PROBE_INTERVAL, PROBE_TIMEOUT = 0.1, 5.0
MAX_PROBES = 20000  # the probe thread stops here even if the downloads are still running
RETRY_WAIT_CAP = 30








def memory(pid):
    """VmRSS and VmHWM of a process in MB, from /proc/PID/status (None once it has ended)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return None, None
    mb = lambda key: int(fields[key].split()[0]) / 1024 if key in fields else None  # noqa: E731
    return mb("VmRSS"), mb("VmHWM")


def server_pid(proc, skillnad):
    """The server's PID: the process started, or, if that is a wrapper, its child running the binary."""
    target = os.path.realpath(skillnad)
    pids = [proc.pid]
    for _ in range(50):  # breadth-first over descendants, bounded
        if not pids:
            break
        pid = pids.pop(0)
        try:
            if os.path.realpath(f"/proc/{pid}/exe") == target:
                return pid
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                pids += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return proc.pid


def percentile(values, q):
    t = sorted(values)
    return t[int(q * (len(t) - 1))]


def request(port, path, deadline, timeout=120):
    """One GET on 127.0.0.1, the body read in chunks and dropped. Returns status, Retry-After,
    seconds to the first byte and in all, bytes and newlines of the body, and whether it is complete."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        first, size, lines, complete = None, 0, 0, True
        while True:
            if time.monotonic() > deadline:
                complete = False
                break
            try:
                chunk = r.read1(CHUNK) if hasattr(r, "read1") else r.read(CHUNK)
            except http.client.IncompleteRead as e:
                size += len(e.partial)
                complete = False
                break
            if not chunk:
                break
            if first is None:
                first = time.perf_counter() - start
            size += len(chunk)
            lines += chunk.count(b"\n")
        length = r.getheader("Content-Length")
        if length is not None and int(length) != size:
            complete = False
        elapsed = time.perf_counter() - start
        return r.status, r.getheader("Retry-After"), first if first is not None else elapsed, elapsed, size, lines, complete
    finally:
        conn.close()


def probe(port, stop, limit, deadline, label, pid=None):
    """GET /healthz every 100 ms until stop is set, `limit` probes or the deadline. Latencies in ms
    (a timeout counts as the timeout), timeouts, statuses, and the largest VmRSS seen between probes."""
    times, statuses, timeouts, peak = [], collections.Counter(), 0, 0.0
    for i in range(limit):
        if stop.is_set() or time.monotonic() > deadline:
            break
        start = time.perf_counter()
        try:
            status = request(port, f"/healthz?{label}={i}", deadline, timeout=PROBE_TIMEOUT)[0]
            statuses[status] += 1
            times.append((time.perf_counter() - start) * 1000)
        except (socket.timeout, TimeoutError):
            timeouts += 1
            statuses["timeout"] += 1
            times.append(PROBE_TIMEOUT * 1000)
        except (OSError, http.client.HTTPException) as e:
            statuses[type(e).__name__] += 1
        if pid is not None:
            peak = max(peak, memory(pid)[0] or 0.0)
        stop.wait(max(0.0, PROBE_INTERVAL - (time.perf_counter() - start)))
    return times, timeouts, statuses, peak


def generate(work, rows):
    periods, groups = 20, 50
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
    return path, areas, periods, groups


def main():
    rows = int(os.environ.get("ROWS", "2000000"))
    downloads = int(os.environ.get("DOWNLOADS", "20"))
    formats = os.environ.get("FORMATS", "csv csv-sv json opensdg").split()
    parallel = max(1, int(os.environ.get("PARALLEL", "2")))
    healthz = int(os.environ.get("HEALTHZ", "50"))
    settle = float(os.environ.get("SETTLE", "2"))
    retries = int(os.environ.get("RETRIES", "5"))
    time_limit = float(os.environ.get("TIME_LIMIT", "1800"))
    skillnad = binary()
    work = tempfile.mkdtemp(prefix="skillnad-bench-exp-")
    proc = None
    failed = []
    try:
        db = os.path.join(work, "exports.sqlite")
        sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
        start = time.perf_counter()
        path, areas, periods, groups = generate(work, rows)
        n, size = areas * periods * groups, os.path.getsize(path) / 1e6
        generated = time.perf_counter() - start
        start = time.perf_counter()
        sh([skillnad, "indicators", "import", path, "--db", db, "--code", CODE, "--name", "Bench",
            "--area-code", "area", "--numerator", "numerator", "--denominator", "denominator",
            "--period-column", "period", "--group", "grupp=group", "--area-kind", "statisticalArea",
            "--create-areas", "--parent", "stockholm"])
        print(f"Exports: {n:,} observations of one indicator ({areas:,} areas x {periods} periods x {groups} groups, "
              f"{size:.0f} MB of CSV generated in {generated:.0f} s, imported in {time.perf_counter() - start:.0f} s)")
        os.remove(path)
        print(f"  {downloads} downloads, {parallel} at a time, formats {' '.join(formats)}; "
              f"/healthz probed every {PROBE_INTERVAL * 1000:.0f} ms")

        proc, base = serve(skillnad, db, os.path.join(work, "server.log"), production=True)
        port = int(base.rsplit(":", 1)[1])
        pid = server_pid(proc, skillnad)
        try:
            status = request(port, f"/indicators/{CODE}?r=warm", time.monotonic() + 60)[0]  # warm-up page
        except (OSError, http.client.HTTPException) as e:
            raise RuntimeError(f"warm-up page /indicators/{CODE}: {e!r}")
        if status != 200:
            raise RuntimeError(f"warm-up page /indicators/{CODE}: HTTP {status}")
        rss_start, _ = memory(pid)
        if rss_start is None:
            raise RuntimeError(f"no /proc/{pid}/status to read the server's memory from")

        # The reference: the same probe, before any download.
        before, before_timeouts, before_statuses, _ = probe(port, threading.Event(), healthz, time.monotonic() + healthz * PROBE_TIMEOUT, "before")

        deadline = time.monotonic() + time_limit
        stop = threading.Event()
        during_box = {}
        prober = threading.Thread(target=lambda: during_box.update(result=probe(port, stop, MAX_PROBES, deadline + 10, "during", pid)), daemon=True)
        results, statuses, lock = [], collections.Counter(), threading.Lock()
        rss_after_each = []

        def download(i):
            fmt = formats[i % len(formats)]
            attempts, waited = 0, 0.0
            if time.monotonic() > deadline:
                with lock:
                    statuses["not started (TIME_LIMIT)"] += 1
                return fmt, None
            for attempt in range(retries + 1):
                attempts = attempt + 1
                try:
                    status, retry_after, first, elapsed, nbytes, lines, complete = request(port, f"/indicators/{CODE}/data?format={fmt}&r={i}", deadline)
                except (OSError, http.client.HTTPException) as e:
                    with lock:
                        statuses[type(e).__name__] += 1
                    return fmt, None
                with lock:
                    statuses["503 with Retry-After" if status == 503 and retry_after else status] += 1
                if status == 503 and retry_after and attempt < retries and time.monotonic() < deadline:
                    try:
                        wait = min(max(float(retry_after), 0.1), RETRY_WAIT_CAP)
                    except ValueError:
                        wait = 1.0
                    wait = min(wait, max(0.0, deadline - time.monotonic()))
                    waited += wait
                    time.sleep(wait)
                    continue
                break
            rss = memory(pid)[0]
            with lock:
                rss_after_each.append(rss)
            if status != 200 or not complete:
                return fmt, None
            return fmt, dict(first=first, elapsed=elapsed, bytes=nbytes, lines=lines, attempts=attempts, waited=waited, rss=rss)

        prober.start()
        try:
            with concurrent.futures.ThreadPoolExecutor(max_workers=parallel) as pool:
                for fmt, r in pool.map(download, range(downloads)):
                    if r is None:
                        failed.append(fmt)
                    else:
                        results.append((fmt, r))
        finally:
            stop.set()
            prober.join(timeout=PROBE_TIMEOUT + 5)
        rss_end, _ = memory(pid)
        time.sleep(settle)
        rss_idle, hwm = memory(pid)
        during, during_timeouts, during_statuses, probe_peak = during_box.get("result", ([], 0, collections.Counter(), 0.0))

        def mb(label, value, note=""):
            if value is None:
                print(f"    {label:36} {'-':>8}  (the server has ended)")
            else:
                print(f"    {label:36} {value:8.1f}" + (f"  ({note} {value - rss_start:+.1f})" if note else ""))

        print(f"\n  server memory (VmRSS of PID {pid}, MB)")
        mb("after start and a warm-up page", rss_start)
        after_each = [r for r in rss_after_each if r is not None]
        if after_each:
            mb("after each download: median", statistics.median(after_each))
            mb("after each download: largest", max(after_each), "growth")
            # In order: flat means the downloads hold nothing once they are done.
            print("    after downloads 1.." + str(len(after_each)) + ": " + " ".join(f"{r:.0f}" for r in after_each))
        mb("largest seen between probes", probe_peak or None, "growth")
        mb("after the last download", rss_end, "growth")
        mb(f"after {settle:g} s idle", rss_idle, "growth")
        mb("peak (VmHWM, since the start)", hwm, "above the start")

        print(f"\n  {'format':10} {'n':>3} {'MB':>8} {'lines':>10} {'median s':>9} {'p90 s':>8} {'1st byte':>9} {'MB/s':>7} {'retries':>8}")
        for fmt in formats:
            rs = [r for f, r in results if f == fmt]
            if not rs:
                print(f"  {fmt:10} {0:3d}   (no complete download)")
                continue
            sizes = {r["bytes"] for r in rs}
            t = [r["elapsed"] for r in rs]
            note = "" if len(sizes) == 1 else f"  sizes differ: {sorted(sizes)}"
            print(f"  {fmt:10} {len(rs):3d} {statistics.median(r['bytes'] for r in rs) / 1e6:8.1f} {rs[0]['lines']:10,d} "
                  f"{statistics.median(t):9.2f} {percentile(t, 0.9):8.2f} {statistics.median(r['first'] for r in rs):9.2f} "
                  f"{statistics.median(r['bytes'] / r['elapsed'] / 1e6 for r in rs):7.1f} {sum(r['attempts'] - 1 for r in rs):8d}{note}")
        # The first download of a format waited for its file to be written; the others were served from it.
        firsts = [f"{fmt} {next(r for f, r in results if f == fmt)['elapsed']:.2f} s" for fmt in formats
                  if any(f == fmt for f, _ in results)]
        print("  first download of each format (writes the file): " + ", ".join(firsts))

        if before and during:
            b50, b90 = statistics.median(before), percentile(before, 0.9)
            d50, d90 = statistics.median(during), percentile(during, 0.9)
            print(f"\n  /healthz     {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'max ms':>8} {'timeouts':>9}")
            print(f"    before     {len(before):5d} {b50:8.1f} {b90:8.1f} {max(before):8.1f} {before_timeouts:9d}")
            print(f"    during     {len(during):5d} {d50:8.1f} {d90:8.1f} {max(during):8.1f} {during_timeouts:9d}")
            print(f"    ratio            {d50 / b50:8.1f} {d90 / b90:8.1f}   (a timeout counts as {PROBE_TIMEOUT * 1000:.0f} ms)")
        else:
            print("\n  /healthz: no probes completed")
        fmt_counts = lambda c: ", ".join(f"{k}: {v}" for k, v in sorted(c.items(), key=str)) or "none"  # noqa: E731
        print(f"\n  HTTP statuses: downloads {fmt_counts(statuses)}; "
              f"/healthz before {fmt_counts(before_statuses)}, during {fmt_counts(during_statuses)}")
        if failed:
            print(f"  failed downloads (not a complete 200): {len(failed)} ({', '.join(failed)})")
        if proc.poll() is not None:
            failed.append("server")
            print(f"  the server ended with {proc.returncode}")
    except (RuntimeError, subprocess.CalledProcessError) as e:
        failed.append("setup")
        detail = getattr(e, "stderr", None) or ""
        print(f"failed: {e}\n{detail[-2000:]}", file=sys.stderr)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()  # still draining connections after SIGTERM: end it
                proc.wait(timeout=10)
            if failed:
                try:
                    with open(os.path.join(work, "server.log")) as f:
                        print("server log (end):\n" + f.read()[-3000:], file=sys.stderr)
                except OSError:
                    pass
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit("some downloads failed" if "setup" not in failed else "the benchmark did not complete")


if __name__ == "__main__":
    main()
