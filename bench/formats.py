#!/usr/bin/env python3
"""Statistics-format benchmarks of issue 20 on a release build, each with a reference measured in the same run.

1. px: a PC-Axis file like Statistics Sweden's DeSO population by age and sex (STUB region, ålder, kön;
   HEADING år; PX_REGIONS DeSO codes x 101 ages x 3 sexes (män, kvinnor, totalt) x PX_YEARS years, about
   200 MB in ISO-8859-1) and the same cells as a long CSV (region,ålder,kön,år,värde). Rows per second of
   a `--dry-run` import of each (read, check, match areas; nothing written), and their ratio
   (required: PX >= 0.4 x CSV). Then full (written) imports of both: time, and peak memory against the
   file's size (required <= 3 x).
2. jsonstat: a JSON-stat 2.0 dataset as the PxWeb API answers (id Region, Kon, Alder, ContentsCode, Tid;
   roles time and metric) of JSONSTAT_CELLS cells (default 1,000,000; two contents used as numerator and
   denominator), fully imported, against the same observations as a CSV imported in the same run
   (required: JSON-stat < 3 s).
3. memory: a CSV of MEMORY_ROWS rows (default 5,000,000, about 126 MB: area,period,group,numerator,
   denominator, the file of bench/indicators.py) imported; peak memory against the file's size
   (required <= 3 x; 866 MiB, about 7 x, before issue 20, as bench/indicators.py prints it).
4. aggregate: AGG_ROWS DeSO observations (default 5,000,000: 6,250 DeSO areas under 125 RegSO areas under
   the demo's districts, 20 periods x 40 groups) imported without and with `--aggregate`: the import's
   own timing of the aggregation to the areas above and the city (it prints it), and the difference of
   the medians as a check (required < 5 s). Then one DeSO area
   moved to another RegSO area with `areas link` on both databases: the difference is the refresh of the
   added-up values (and the product's own timing of it, from its debug log, is printed). The areas and
   their parents are made once, before the rounds, by `skillnad areas link --create` from two key tables
   (RegSO -> district, DeSO -> RegSO), as Statistics Sweden publishes them.

    python3 bench/formats.py                      # everything (about 20 minutes on 2 CPUs)
    PART=jsonstat python3 bench/formats.py        # px, jsonstat, memory or aggregate; several with commas
    PX_REGIONS=600 PART=px python3 bench/formats.py

Each figure is the median of ROUNDS (default 3) rounds. Not a timed gate: the machines are shared and
noisy; read medians and ratios. A failed command is reported with its output and the part goes on
to the next measurement; the summary table at the end lists every figure and every failure.
"""
import os
import sys

import json
import random
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time

from common import binary, sh

ROUNDS = int(os.environ.get("ROUNDS", "3"))
AREA_KIND = os.environ.get("AREA_KIND")  # default: deso when the build knows it, else statisticalArea
# part, measure, figure, reference, ratio, requirement
SUMMARY = []


def median(figures):
    ordered = sorted(figures)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class Failed(Exception):
    """A command of the product that did not succeed: what was run and what it said."""

    def __init__(self, cmd, code, out, err):
        super().__init__(f"{' '.join(cmd)}\nexit {code}\n{out[-3000:]}\n{err[-3000:]}")
        self.output = (out + "\n" + err).strip()


def timed(cmd, **kw):
    """Wall time, peak resident memory (MB) through GNU time when there is one, and standard output."""
    gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    full = ([gnu_time, "-f", "MAXRSS %M"] if gnu_time else []) + cmd
    start = time.perf_counter()
    p = subprocess.run(full, text=True, capture_output=True, **kw)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise Failed(cmd, p.returncode, p.stdout, p.stderr)
    m = re.search(r"MAXRSS (\d+)", p.stderr)
    # GNU time's %M is in KiB; every size here is in MB of 10^6 bytes, files and memory alike.
    return elapsed, (int(m.group(1)) * 1024 / 1e6 if m else None), p.stdout


def record(part, measure, figure, reference="", ratio="", required=""):
    SUMMARY.append((part, measure, figure, reference, ratio, required))


def fail(part, measure, error):
    print(f"  FAILED: {error}")
    first = next((line for line in str(error).splitlines()[2:] if line.strip()), str(error).splitlines()[0])
    SUMMARY.append((part, measure, "FAILED", first[:150], "", ""))


def remove_db(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def demo_db(skillnad, work, name):
    db = os.path.join(work, name)
    remove_db(db)
    sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
    return db


def copy_db(source, target):
    remove_db(target)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def imported_count(out):
    """The values a run says it imported (or, in a dry run, would import)."""
    m = re.search(r"Imported (\d+) observations", out) or re.search(r"has (\d+) values", out)
    return int(m.group(1)) if m else None


def check_count(out, expected, what):
    got = imported_count(out)
    if got != expected:
        print(f"  NOTE: {what}: expected {expected:,} values, the import says {got}: {out.strip()[:400]}")


def area_kind(skillnad, work):
    """deso when the build has it, else statisticalArea (the brief's fallback)."""
    path = os.path.join(work, "probe.csv")
    with open(path, "w") as f:
        f.write("area,value\n0180C1010,1\n")
    db = demo_db(skillnad, work, "probe.sqlite")
    try:
        seconds, rss, _ = timed([skillnad, "indicators", "import", path, "--db", db, "--code", "probe",
                                 "--name", "Probe", "--area-code", "area", "--value", "value", "--period", "2020",
                                 "--area-kind", "deso", "--create-areas", "--parent", "stockholm", "--dry-run"])
        # What any import holds before its file: the program, the catalogue, SQLite's cache.
        print(f"Baseline: a dry run of a one-row file takes {seconds:.2f} s and peaks at {rss:,.0f} MB")
        record("baseline", "dry run of a one-row file, peak MB", f"{rss:,.0f}", f"{seconds:.2f} s")
        kind = AREA_KIND or "deso"
    except Failed as e:
        print(f"  --area-kind deso refused ({e.output.splitlines()[-1][:200]}); using statisticalArea")
        kind = AREA_KIND or "statisticalArea"
    remove_db(db)
    os.remove(path)
    return kind


def desos(count):
    """DeSO-like codes (0180C1010 …) in the order of the files."""
    return [f"0180C{1010 + i:04d}" for i in range(count)]


# ---------------------------------------------------------------------------------------------- px


def px_list(items):
    """A PC-Axis list, quoted, several items a line (the format wants lines under 256 characters)."""
    quoted = [f'"{item}"' for item in items]
    return ",\n".join(",".join(quoted[i:i + 8]) for i in range(0, len(quoted), 8))


def write_px_and_csv(work, regions, years):
    codes = desos(regions)
    ages = [str(a) for a in range(100)] + ["100+"]
    sexes = [("1", "män"), ("2", "kvinnor"), ("1+2", "totalt")]
    periods = [str(2024 - years + 1 + y) for y in range(years)]
    px_path = os.path.join(work, "folkmangd.px")
    csv_path = os.path.join(work, "folkmangd.csv")
    header = [
        'CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="iso-8859-1";', 'LANGUAGE="sv";',
        'CREATION-DATE="20250221 08:00";', 'DECIMALS=1;', 'SHOWDECIMALS=1;', 'MATRIX="BE0101Y";',
        'SUBJECT-CODE="BE";', 'SUBJECT-AREA="Befolkning";',
        'CONTENTS="Folkmängden per region, ålder och kön";',
        'TITLE="Folkmängden per region, ålder och kön efter region, ålder, kön och år";',
        'UNITS="antal";', 'STUB="region","ålder","kön";', 'HEADING="år";',
        f'VALUES("region")={px_list(f"{c} Område {c[5:]}" for c in codes)};',
        f'VALUES("ålder")={px_list(f"{a} år" for a in ages)};',
        f'VALUES("kön")={px_list(name for _, name in sexes)};',
        f'VALUES("år")={px_list(periods)};',
        f'TIMEVAL("år")=TLIST(A1),{px_list(periods)};',
        f'CODES("region")={px_list(codes)};',
        f'CODES("ålder")={px_list(ages)};',
        f'CODES("kön")={px_list(code for code, _ in sexes)};',
        f'CODES("år")={px_list(periods)};',
        'SOURCE="Statistiska centralbyrån (syntetiska värden för benchmark)";',
        'DATA=',
    ]
    # A pool of populations with one decimal, up to five digits; each row takes the next years' worth.
    rng = random.Random(20)
    pool = [f"{rng.randint(0, 999999) / 10:.1f}" for _ in range(1_000_003)]
    at = 0
    with open(px_path, "w", encoding="latin-1", newline="\n") as px, \
            open(csv_path, "w", encoding="utf-8", newline="\n") as out:
        px.write("\n".join(header) + "\n")
        out.write("region,ålder,kön,år,värde\n")
        for code in codes:
            px_lines, csv_lines = [], []
            for age in ages:
                for sex, _ in sexes:
                    if at + years > len(pool):
                        at = 0
                    values = pool[at:at + years]
                    at += years
                    px_lines.append(" ".join(values))
                    prefix = f"{code},{age},{sex},"
                    csv_lines.extend(f"{prefix}{period},{value}" for period, value in zip(periods, values))
            px.write("\n".join(px_lines) + "\n")
            out.write("\n".join(csv_lines) + "\n")
        px.write(";\n")
    cells = regions * len(ages) * len(sexes) * years
    return px_path, csv_path, cells


def px_bench(skillnad, work, kind):
    regions = int(os.environ.get("PX_REGIONS", "6000"))
    years = int(os.environ.get("PX_YEARS", "15"))
    start = time.perf_counter()
    px_path, csv_path, cells = write_px_and_csv(work, regions, years)
    px_mb, csv_mb = os.path.getsize(px_path) / 1e6, os.path.getsize(csv_path) / 1e6
    print(f"PC-Axis: {cells:,} cells ({regions:,} regions x 101 ages x 3 sexes x {years} years), "
          f"{px_mb:.0f} MB PX, {csv_mb:.0f} MB CSV (written in {time.perf_counter() - start:.0f} s)")
    common = ["--code", "folkmangd", "--name", "Folkmängd", "--unit", "count", "--area-code", "region",
              "--group", "alder=ålder,kon=kön", "--area-kind", kind, "--create-areas", "--parent", "stockholm"]
    px_cmd = [skillnad, "indicators", "import", px_path, "--format", "px"] + common
    csv_cmd = [skillnad, "indicators", "import", csv_path, "--format", "csv", "--value", "värde",
               "--period-column", "år"] + common
    print("  dry run, PX:  " + " ".join(px_cmd[1:]) + " --db DB --dry-run")
    print("  dry run, CSV: " + " ".join(csv_cmd[1:]) + " --db DB --dry-run")
    db = demo_db(skillnad, work, "px-dry.sqlite")
    px_rates, csv_rates, px_dry_mem, csv_dry_mem = [], [], [], []
    for r in range(ROUNDS):
        try:
            t, rss, out = timed(csv_cmd + ["--db", db, "--dry-run"])
            check_count(out, cells, "CSV dry run")
            csv_rates.append(cells / t)
            csv_dry_mem.append(rss)
            t, rss, out = timed(px_cmd + ["--db", db, "--dry-run"])
            check_count(out, cells, "PX dry run")
            px_rates.append(cells / t)
            px_dry_mem.append(rss)
            print(f"  round {r + 1}: dry run CSV {csv_rates[-1]:,.0f} rows/s (peak {csv_dry_mem[-1]:,.0f} MB), "
                  f"PX {px_rates[-1]:,.0f} rows/s (peak {px_dry_mem[-1]:,.0f} MB)")
        except Failed as e:
            fail("px", "dry-run import", e)
            break
    remove_db(db)
    if px_rates and csv_rates:
        p, c = median(px_rates), median(csv_rates)
        print(f"  median: PX {p:,.0f} rows/s, CSV {c:,.0f} rows/s; ratio {p / c:.2f} (required >= 0.40)")
        record("px", f"dry run, rows/s ({cells / 1e6:.1f} M rows, {px_mb:.0f} MB)", f"{p:,.0f}",
               f"CSV {c:,.0f}", f"{p / c:.2f}", ">= 0.40")
        record("px", "dry run, peak memory MB", f"{median(px_dry_mem):,.0f}",
               f"file {px_mb:.0f} MB", f"{median(px_dry_mem) / px_mb:.2f} x", "<= 3 x")
        record("px", "dry run CSV, peak memory MB", f"{median(csv_dry_mem):,.0f}",
               f"file {csv_mb:.0f} MB", f"{median(csv_dry_mem) / csv_mb:.2f} x", "<= 3 x")
    print("  full import, PX and CSV: the same commands without --dry-run, each on a new demo database")
    times, memory, csv_times, csv_memory = [], [], [], []
    for r in range(int(os.environ.get("PX_FULL_ROUNDS", str(ROUNDS)))):
        db = demo_db(skillnad, work, f"px-full{r}.sqlite")
        db_csv = demo_db(skillnad, work, f"px-csv-full{r}.sqlite")
        try:
            t, rss, out = timed(px_cmd + ["--db", db])
            check_count(out, cells, "PX import")
            times.append(t)
            memory.append(rss)
            if r == 0:
                print(f"  observations by kind of area after it (the database's count): {observations_by_kind(db)}")
            t, rss, out = timed(csv_cmd + ["--db", db_csv])
            check_count(out, cells, "CSV import")
            csv_times.append(t)
            csv_memory.append(rss)
            print(f"  round {r + 1}: PX import {times[-1]:,.1f} s ({cells / times[-1]:,.0f} rows/s), peak "
                  f"{memory[-1]:,.0f} MB ({memory[-1] / px_mb:.2f} x the file); CSV import {t:,.1f} s "
                  f"({cells / t:,.0f} rows/s), peak {rss:,.0f} MB ({rss / csv_mb:.2f} x the file)")
        except Failed as e:
            fail("px", "full import", e)
            break
        finally:
            remove_db(db)
            remove_db(db_csv)
    if times:
        t, m = median(times), median(memory)
        print(f"  median: PX import {t:,.1f} s, peak {m:,.0f} MB = {m / px_mb:.2f} x the file (required <= 3 x)")
        reference = f"CSV {median(csv_times):,.1f} s" if csv_times else ""
        ratio = f"{median(csv_times) / t:.2f}" if csv_times else ""
        record("px", "full import, s (ratio: rows/s PX / CSV)", f"{t:,.1f}", reference, ratio, "")
        record("px", "full import, peak memory MB", f"{m:,.0f}", f"file {px_mb:.0f} MB", f"{m / px_mb:.2f} x",
               "<= 3 x")
    if csv_memory:
        m = median(csv_memory)
        record("px", "full import CSV, peak memory MB", f"{m:,.0f}", f"file {csv_mb:.0f} MB", f"{m / csv_mb:.2f} x",
               "<= 3 x")
    os.remove(csv_path)
    os.remove(px_path)


# ---------------------------------------------------------------------------------------- jsonstat


def write_jsonstat_and_csv(work, cells):
    sexes = {"1": "män", "2": "kvinnor"}
    ages = {f"{a}-{a + 9}": f"{a}-{a + 9} år" for a in range(0, 100, 10)}
    contents = {"BE0101A1": "Antal sysselsatta", "BE0101A2": "Folkmängd 20-64 år"}
    years = [str(y) for y in range(2015, 2025)]
    regions = max(1, cells // (len(sexes) * len(ages) * len(contents) * len(years)))
    codes = desos(regions)
    rng = random.Random(21)
    json_path = os.path.join(work, "sysselsatta.json")
    csv_path = os.path.join(work, "sysselsatta.csv")
    values = []
    with open(csv_path, "w", newline="\n") as out:
        out.write("Region,Kon,Alder,Tid,antal,befolkning\n")
        for code in codes:
            for sex in sexes:
                for age in ages:
                    denominators = [rng.randint(20, 400) for _ in years]
                    numerators = [rng.randint(0, d) for d in denominators]
                    values.extend(numerators)  # ContentsCode before Tid: the first content's years, then the second's
                    values.extend(denominators)
                    out.write("".join(f"{code},{sex},{age},{year},{n},{d}\n"
                                      for year, n, d in zip(years, numerators, denominators)))

    def dimension(label, categories):
        return {"label": label, "category": {"index": {code: i for i, code in enumerate(categories)},
                                             "label": categories}}

    dataset = {
        "version": "2.0", "class": "dataset",
        "label": "Sysselsatta efter region, kön, ålder, tabellinnehåll och år",
        "source": "SCB (syntetiska värden för benchmark)", "updated": "2025-02-21T08:00:00Z",
        "id": ["Region", "Kon", "Alder", "ContentsCode", "Tid"],
        "size": [regions, len(sexes), len(ages), len(contents), len(years)],
        "dimension": {
            "Region": dimension("region", {code: f"{code} Område {code[5:]}" for code in codes}),
            "Kon": dimension("kön", sexes),
            "Alder": dimension("ålder", ages),
            "ContentsCode": dimension("tabellinnehåll", contents),
            "Tid": dimension("år", {year: year for year in years}),
        },
        "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
        "value": values,
    }
    dataset["dimension"]["ContentsCode"]["category"]["unit"] = {
        code: {"base": "antal", "decimals": 0} for code in contents}
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(dataset, f, ensure_ascii=False, separators=(",", ":"))
    return json_path, csv_path, len(values), len(values) // 2


def jsonstat_bench(skillnad, work, kind):
    json_path, csv_path, cells, rows = write_jsonstat_and_csv(work, int(os.environ.get("JSONSTAT_CELLS", "1000000")))
    json_mb, csv_mb = os.path.getsize(json_path) / 1e6, os.path.getsize(csv_path) / 1e6
    print(f"JSON-stat: {cells:,} cells ({rows:,} observations, numerator and denominator), {json_mb:.0f} MB; "
          f"the same as CSV {csv_mb:.0f} MB")
    common = ["--code", "sysselsatta", "--name", "Sysselsatta", "--area-code", "Region", "--period-column", "Tid",
              "--group", "kon=Kon,alder=Alder", "--area-kind", kind, "--create-areas", "--parent", "stockholm"]
    json_cmd = [skillnad, "indicators", "import", json_path, "--format", "jsonstat",
                "--numerator", "BE0101A1", "--denominator", "BE0101A2"] + common
    csv_cmd = [skillnad, "indicators", "import", csv_path, "--format", "csv",
               "--numerator", "antal", "--denominator", "befolkning"] + common
    print("  JSON-stat: " + " ".join(json_cmd[1:]) + " --db DB")
    print("  CSV:       " + " ".join(csv_cmd[1:]) + " --db DB")
    json_times, csv_times, json_mem, json_dry, csv_dry = [], [], [], [], []
    for r in range(ROUNDS):
        db_json = demo_db(skillnad, work, f"json{r}.sqlite")
        db_csv = demo_db(skillnad, work, f"jsoncsv{r}.sqlite")
        try:
            # The dry runs first (nothing written, so the same databases serve): reading apart from writing.
            t, _, out = timed(csv_cmd + ["--db", db_csv, "--dry-run"])
            check_count(out, rows, "CSV dry run")
            csv_dry.append(t)
            t, _, out = timed(json_cmd + ["--db", db_json, "--dry-run"])
            check_count(out, rows, "JSON-stat dry run")
            json_dry.append(t)
            t, _, out = timed(csv_cmd + ["--db", db_csv])
            check_count(out, rows, "CSV import")
            csv_times.append(t)
            t, rss, out = timed(json_cmd + ["--db", db_json])
            check_count(out, rows, "JSON-stat import")
            json_times.append(t)
            json_mem.append(rss)
            print(f"  round {r + 1}: JSON-stat {json_times[-1]:.2f} s (peak {rss:,.0f} MB), "
                  f"CSV {csv_times[-1]:.2f} s; dry runs: JSON-stat {json_dry[-1]:.2f} s, CSV {csv_dry[-1]:.2f} s")
        except Failed as e:
            fail("jsonstat", "full import", e)
            break
        finally:
            remove_db(db_json)
            remove_db(db_csv)
    if json_times and csv_times:
        j, c = median(json_times), median(csv_times)
        print(f"  median: JSON-stat {j:.2f} s, CSV {c:.2f} s; ratio {j / c:.2f} (required: JSON-stat < 3 s)")
        record("jsonstat", f"full import of {cells / 1e6:.1f} M cells, s", f"{j:.2f}", f"CSV {c:.2f} s",
               f"{j / c:.2f}", "< 3 s")
        record("jsonstat", "dry run (read, check, match), s", f"{median(json_dry):.2f}",
               f"CSV {median(csv_dry):.2f} s", f"{median(json_dry) / median(csv_dry):.2f}", "")
        m = median(json_mem)
        record("jsonstat", "full import, peak memory MB", f"{m:,.1f}", f"file {json_mb:.1f} MB",
               f"{m / json_mb:.2f} x", "<= 3 x")
    os.remove(json_path)
    os.remove(csv_path)


# ------------------------------------------------------------------------------------------ memory


def write_observations(path, codes, periods, groups, seed):
    """The long CSV of bench/indicators.py: area,period,group,numerator,denominator."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("area,period,group,numerator,denominator\n")
        for code in codes:
            lines = []
            for p in range(2000, 2000 + periods):
                for g in range(groups):
                    d = rng.randint(100, 5000)
                    lines.append(f"{code},{p},{'T' if g == 0 else f'g{g}'},{rng.randint(0, d)},{d}\n")
            f.write("".join(lines))
    return len(codes) * periods * groups


def memory_bench(skillnad, work, kind):
    rows = int(os.environ.get("MEMORY_ROWS", "5000000"))
    periods, groups = 20, 100
    areas = max(1, rows // (periods * groups))
    path = os.path.join(work, "observations.csv")
    n = write_observations(path, [f"B{a:05d}" for a in range(areas)], periods, groups, 1)
    size = os.path.getsize(path) / 1e6
    print(f"Memory: CSV of {n:,} rows, {size:.0f} MB ({areas:,} areas x {periods} periods x {groups} groups)")
    cmd = [skillnad, "indicators", "import", path, "--code", "bench", "--name", "Bench",
           "--area-code", "area", "--numerator", "numerator", "--denominator", "denominator",
           "--period-column", "period", "--group", "grupp=group", "--area-kind", "statisticalArea",
           "--create-areas", "--parent", "stockholm"]
    print("  " + " ".join(cmd[1:]) + " --db DB")
    memory, times = [], []
    for r in range(ROUNDS):
        db = demo_db(skillnad, work, f"memory{r}.sqlite")
        try:
            t, rss, out = timed(cmd + ["--db", db])
            check_count(out, n, "CSV import")
            times.append(t)
            memory.append(rss)
            print(f"  round {r + 1}: {t:.1f} s ({n / t:,.0f} rows/s), peak {rss:,.0f} MB ({rss / size:.2f} x the file)")
        except Failed as e:
            fail("memory", "CSV import", e)
            break
        finally:
            remove_db(db)
    if memory:
        m = median(memory)
        print(f"  median peak {m:,.0f} MB = {m / size:.2f} x the file's {size:.0f} MB (required <= 3 x; "
              f"866 MiB, about 7 x, before issue 20)")
        record("memory", f"CSV import ({n / 1e6:.1f} M rows), peak MB", f"{m:,.0f}", f"file {size:.0f} MB",
               f"{m / size:.2f} x", "<= 3 x")
        record("memory", "CSV import, s", f"{median(times):.1f}",
               f"{n / median(times):,.0f} rows/s", "", "")
    os.remove(path)


# --------------------------------------------------------------------------------------- aggregate


def district_codes(db):
    """The codes of the demo's districts (read only, from the database: no command lists them)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return [row[0] for row in c.execute(
            "select code from areas where kind = 'district' and code is not null and parent_id is not null "
            "order by code")]


def observations_by_kind(db):
    """How many observations the areas of each kind have: the aggregated ones are above the DeSO areas."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            return c.execute("select a.kind, count(*) from observations o join areas a on a.number = o.area_no "
                             "group by a.kind order by a.kind").fetchall()
    except sqlite3.Error as e:
        return f"(could not count them: {e})"


def aggregate_bench(skillnad, work, kind):
    rows = int(os.environ.get("AGG_ROWS", "5000000"))
    parents_count = int(os.environ.get("AGG_PARENTS", "125"))
    areas = int(os.environ.get("AGG_AREAS", "6250"))
    periods = 20
    groups = max(1, rows // (areas * periods))
    base = demo_db(skillnad, work, "aggregate-base.sqlite")
    districts = district_codes(base)
    regsos = [f"0180R{i + 1:03d}" for i in range(parents_count)]
    deso_codes = desos(areas)
    print(f"Aggregate: {areas:,} {kind} areas under {parents_count} RegSO areas under "
          f"{min(parents_count, len(districts))} districts of the demo (under district areas under the city), "
          f"{periods} periods x {groups} groups")
    if subprocess.run([skillnad, "areas", "link", "--help"], capture_output=True).returncode != 0:
        print("  not measurable: `skillnad areas link` is not in this build. With it, the script links the RegSO "
              "areas to districts and the DeSO areas to RegSO areas from two key tables, then imports the "
              "observations without and with --aggregate.")
        record("aggregate", "aggregation", "NOT MEASURABLE", "no `areas link` in this build", "", "")
        return
    # Two key tables, as Statistics Sweden's: RegSO -> district, then DeSO -> RegSO (parents_count x areas/parents).
    regso_key = os.path.join(work, "regso-district.csv")
    with open(regso_key, "w") as f:
        f.write("RegSOkod,Stadsdel\n" + "".join(f"{code},{districts[i % len(districts)]}\n"
                                               for i, code in enumerate(regsos)))
    deso_key = os.path.join(work, "deso-regso.csv")
    with open(deso_key, "w") as f:
        f.write("DeSO,RegSOkod\n" + "".join(f"{code},{regsos[i * parents_count // areas]}\n"
                                          for i, code in enumerate(deso_codes)))
    links = [
        [skillnad, "areas", "link", regso_key, "--db", base, "--child-code", "RegSOkod", "--child-kind", "regso",
         "--parent-code", "Stadsdel", "--parent-kind", "district", "--create"],
        [skillnad, "areas", "link", deso_key, "--db", base, "--child-code", "DeSO", "--child-kind", kind,
         "--parent-code", "RegSOkod", "--parent-kind", "regso", "--create"],
    ]
    try:
        for cmd in links:
            print("  " + " ".join(cmd[1:]))
            t, _, out = timed(cmd)
            print(f"    {t:.1f} s: {out.strip().splitlines()[-1] if out.strip() else ''}")
    except Failed as e:
        fail("aggregate", "areas link", e)
        return
    path = os.path.join(work, "deso.csv")
    n = write_observations(path, deso_codes, periods, groups, 4)
    size = os.path.getsize(path) / 1e6
    print(f"  {n:,} observations, {size:.0f} MB")
    cmd = [skillnad, "indicators", "import", path, "--code", "deso-bench", "--name", "DeSO-bench",
           "--area-code", "area", "--numerator", "numerator", "--denominator", "denominator",
           "--period-column", "period", "--group", "grupp=group", "--area-kind", kind]
    print("  " + " ".join(cmd[1:]) + " --db DB [--aggregate]")
    # Moving one DeSO area to another RegSO area makes `areas link` add the aggregated indicator up again
    # (IndicatorAggregation.refreshAll): the aggregation alone, against the same link with nothing to add up.
    move_key = os.path.join(work, "move.csv")
    with open(move_key, "w") as f:
        f.write(f"DeSO,RegSOkod\n{deso_codes[0]},{regsos[-1]}\n")
    move = [skillnad, "areas", "link", move_key, "--child-code", "DeSO", "--child-kind", kind,
            "--parent-code", "RegSOkod", "--parent-kind", "regso"]
    print("  then, on each database: " + " ".join(move[1:]) + " --db DB  (one DeSO area to another RegSO area)")
    plain, aggregated, plain_memory, memory, link_plain, link_agg, own_times = [], [], [], [], [], [], []
    for r in range(ROUNDS):
        db_plain = copy_db(base, os.path.join(work, f"agg-plain{r}.sqlite"))
        db_agg = copy_db(base, os.path.join(work, f"agg-agg{r}.sqlite"))
        try:
            # Every other round the other one first, so that a slow spell of the machine hits both alike.
            for variant in (("plain", "aggregate") if r % 2 == 0 else ("aggregate", "plain")):
                if variant == "plain":
                    t, rss, out = timed(cmd + ["--db", db_plain])
                    check_count(out, n, "import")
                    plain.append(t)
                    plain_memory.append(rss)
                else:
                    t, rss, out = timed(cmd + ["--db", db_agg, "--aggregate"])
                    check_count(out, n, "import with --aggregate")
                    aggregated.append(t)
                    memory.append(rss)
                    # The import's own timing of the adding up, inside its transaction.
                    said = re.search(r"added up (\d+) values .* in ([\d.]+) s", out)
                    if said:
                        own_times.append(float(said.group(2)))
                    if r == 0:
                        print("  what the import with --aggregate says:\n    "
                              + "\n    ".join(out.strip().splitlines()[:12]))
                        print(f"  observations by kind of area after it: {observations_by_kind(db_agg)}")
            t, _, out = timed(move + ["--db", db_plain])
            link_plain.append(t)
            t, _, out = timed(move + ["--db", db_agg])
            link_agg.append(t)
            if r == 0:
                print("  what the link says on the aggregated indicator's database:\n    "
                      + "\n    ".join(out.strip().splitlines()[:6]))
                # Untimed: the area moved back, with the product's own timing of the refresh (a debug log line).
                with open(move_key, "w") as f:
                    f.write(f"DeSO,RegSOkod\n{deso_codes[0]},{regsos[0]}\n")
                p = subprocess.run(move + ["--db", db_agg], text=True, capture_output=True,
                                   env=dict(os.environ, LOG_LEVEL="debug"))
                own = [line.strip() for line in (p.stdout + p.stderr).splitlines() if "adding up indicator" in line]
                print("  moved back with LOG_LEVEL=debug, the refresh's own timing: " + ("; ".join(own) or
                      f"(no such log line; exit {p.returncode})"))
                with open(move_key, "w") as f:
                    f.write(f"DeSO,RegSOkod\n{deso_codes[0]},{regsos[-1]}\n")
            print(f"  round {r + 1}: without {plain[-1]:.1f} s (peak {plain_memory[-1]:,.0f} MB), with --aggregate "
                  f"{aggregated[-1]:.1f} s (peak {memory[-1]:,.0f} MB); difference {aggregated[-1] - plain[-1]:.1f} s; "
                  f"the link {link_plain[-1]:.1f} s, {link_agg[-1]:.1f} s with the refresh")
        except Failed as e:
            fail("aggregate", "import", e)
            break
        finally:
            remove_db(db_plain)
            remove_db(db_agg)
    if plain and aggregated:
        p, a = median(plain), median(aggregated)
        differences = median([with_ - without for with_, without in zip(aggregated, plain)])
        print(f"  median: without {p:.1f} s, with --aggregate {a:.1f} s; aggregation {a - p:.1f} s as the difference "
              f"of the medians, {differences:.1f} s as the median of the rounds' differences (required < 5 s)")
        record("aggregate", f"aggregation of {n / 1e6:.1f} M obs. (diff. of medians), s", f"{a - p:.1f}",
               f"import without {p:.1f} s", f"{a / p:.2f}", "< 5 s")
        record("aggregate", "aggregation (median of rounds' differences), s", f"{differences:.1f}", "", "", "< 5 s")
        if own_times:
            print(f"  the import's own timing of the adding up: {', '.join(f'{x:.2f}' for x in own_times)} s "
                  f"(median {median(own_times):.2f} s; required < 5 s)")
            record("aggregate", "aggregation, the import's own timing, s", f"{median(own_times):.2f}",
                   f"import with it {a:.1f} s", "", "< 5 s")
        if link_agg:
            la, lp = median(link_agg), median(link_plain)
            print(f"  median: the link {lp:.1f} s, with the refresh of the aggregated values {la:.1f} s; "
                  f"the refresh {la - lp:.1f} s (required < 5 s)")
            record("aggregate", "refresh after moving 1 area (link with - without), s", f"{la - lp:.1f}",
                   f"link alone {lp:.1f} s", "", "< 5 s")
        record("aggregate", "import without --aggregate, peak MB", f"{median(plain_memory):,.0f}",
               f"file {size:.0f} MB", f"{median(plain_memory) / size:.2f} x", "<= 3 x")
        m = median(memory)
        record("aggregate", "import with --aggregate, peak MB", f"{m:,.0f}", f"file {size:.0f} MB",
               f"{m / size:.2f} x", "<= 3 x")
    os.remove(path)
    remove_db(base)


def print_summary():
    header = ("part", "measure", "figure", "reference", "ratio", "required")
    rows = [header] + [tuple(str(x) for x in row) for row in SUMMARY]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print(f"\nSummary (medians of {ROUNDS} rounds; sizes and memory in MB of 10^6 bytes; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")
    for i, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
        if i == 0:
            print("  " + "  ".join("-" * width for width in widths))


def main():
    skillnad = binary()
    parts = os.environ.get("PART", "all").split(",")
    known = ("px", "jsonstat", "memory", "aggregate")
    if any(part not in known + ("all",) for part in parts):
        sys.exit(f"PART must be all or some of {', '.join(known)}, got {parts}")
    work = tempfile.mkdtemp(prefix="skillnad-bench-statistics-")
    benches = {"px": px_bench, "jsonstat": jsonstat_bench, "memory": memory_bench, "aggregate": aggregate_bench}
    try:
        kind = area_kind(skillnad, work)
        print(f"skillnad: {skillnad}; area kind of the small areas: {kind}; {ROUNDS} rounds")
        for part in known:
            if "all" in parts or part in parts:
                # Other people's builds share the machine: the load says how far to trust a round.
                print(f"[load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs]")
                try:
                    benches[part](skillnad, work, kind)
                except (Failed, RuntimeError, OSError) as e:
                    fail(part, "setup", e)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        print_summary()


if __name__ == "__main__":
    main()
