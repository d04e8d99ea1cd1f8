#!/usr/bin/env python3
"""E-archive export benchmark on a release build: `skillnad demo --scale city` generates a
city-sized history (3,000 answers, 40,000 positions); then `skillnad archive export
--include-examples` writes every answer as an FGS 2.0 package, ROUNDS times, each time on a fresh
copy of the database (so every answer is new). The reference, measured in the same run, is copying
the same packages with `cp -r` followed by `sync`: the bytes written and flushed, with nothing
built. Prints medians, the ratio, the size and the export's peak memory.

    python3 bench/archive.py
    SKILLNAD_BIN=.build/debug/skillnad ROUNDS=1 python3 bench/archive.py   # quick check

Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from common import binary, sh


def timed(cmd):
    """Seconds and peak resident memory (MB) of one command, through GNU time."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, check=True, text=True, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, int(run.stderr.strip().splitlines()[-1]) / 1024, run.stdout


def size(folder):
    total = 0
    for root, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main():
    skillnad = binary()
    rounds = int(os.environ.get("ROUNDS", "3"))
    work = tempfile.mkdtemp(prefix="skillnad-bench-archive-")
    try:
        db = os.path.join(work, "city.sqlite")
        start = time.perf_counter()
        out = sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none"), "--scale", "city"])
        print([line for line in out.splitlines() if line.startswith("City scale")][0]
              + f" (generated in {time.perf_counter() - start:.0f} s)")
        exports, copies, memory = [], [], []
        packages, written = 0, 0
        for n in range(rounds):
            fresh = os.path.join(work, f"round{n}.sqlite")
            shutil.copyfile(db, fresh)
            folder = os.path.join(work, f"export{n}")
            seconds, peak, stdout = timed(
                [skillnad, "archive", "export", "--db", fresh, "--include-examples", "--out", folder])
            exports.append(seconds)
            memory.append(peak)
            packages = len(os.listdir(folder))
            written = size(folder)
            start = time.perf_counter()
            subprocess.run(["cp", "-r", folder, folder + "-copy"], check=True)
            subprocess.run(["sync"], check=True)
            copies.append(time.perf_counter() - start)
            shutil.rmtree(folder + "-copy")
            shutil.rmtree(folder)
            os.remove(fresh)
        export, copy = statistics.median(exports), statistics.median(copies)
        print(f"  {packages:,} packages, {written / 1e6:,.0f} MB ({written / packages / 1e3:.0f} kB each)")
        print(f"  archive export:  median {export:6.1f} s  ({export / packages * 1000:.1f} ms a package), "
              f"peak memory {max(memory):.0f} MB")
        print(f"  cp -r and sync:  median {copy:6.1f} s  (reference)")
        print(f"  ratio export / copy: {export / copy:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
