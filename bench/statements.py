#!/usr/bin/env python3
"""Statements benchmark on a release build, three parts (PART=pdf|folder|search, default all):

- pdf: a 30-page PDF statement (the Rinkeby-Kista test statement repeated, made by
  tools/statements/make_documents.py) read and analysed by `skillnad statements import --dry-run`,
  beside the same command on an empty folder (the command's own start) and `pdftotext` alone on
  the file, in the same run.
- folder: a folder of 500 statements (the ten test statements in DOCX, ODT and PDF, copied under
  new names) read, matched to their bodies and reported by one `statements import --dry-run`;
  reference: `pdftotext` over the folder's PDFs, one after the other.
- search: `skillnad demo --scale answers` (50,000 answers with text), then the answer search page
  for four queries, uncached (an own query string per request), against /healthz.

    SKILLNAD_BIN=.build/release/skillnad ROUNDS=5 python3 bench/statements.py

Requirements: a 30-page PDF < 1 s; 500 statements < 2 minutes; search over 50,000 answers < 50 ms.
Not a timed gate: the machines are shared and noisy; read medians and ratios.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import ROOT, binary, serve, sh

sys.path.insert(0, os.path.join(ROOT, "tools", "statements"))
from make_documents import parse, pdf  # noqa: E402

STATEMENTS = os.path.join(ROOT, "Tests", "SkillnadCoreTests", "Resources", "Statements")
ROUND = "remiss-fordjupningsrapporter-2016"


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def median_of(rounds, cmd):
    return statistics.median(timed(cmd) for _ in range(rounds))


def import_cmd(skillnad, db, folder, work):
    return [skillnad, "statements", "import", folder, "--round", ROUND, "--dry-run", "--db", db,
            "--report", os.path.join(work, "report.csv")]


def thirty_pages(path):
    with open(os.path.join(STATEMENTS, "rinkeby-kista-dold-potential.txt"), encoding="utf-8") as f:
        header, blocks = parse(f.read())
    body = [block for block in blocks]
    # About 40 lines a page: repeat the statement's text until it fills 30 pages.
    repeated = []
    while sum(max(1, len(v) // 60 + 2) if k != "row" else 2 for k, v in repeated) < 30 * 40:
        repeated.extend(body)
    pdf(header, repeated, path)
    pages = sh(["pdfinfo", path])
    return next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))


def part_pdf(skillnad, db, work, rounds):
    folder = os.path.join(work, "pdf30")
    empty = os.path.join(work, "empty")
    os.makedirs(folder)
    os.makedirs(empty)
    path = os.path.join(folder, "rinkeby-kista-30-sidor.pdf")
    pages = thirty_pages(path)
    command = median_of(rounds, import_cmd(skillnad, db, folder, work))
    start = median_of(rounds, import_cmd(skillnad, db, empty, work))
    tool = median_of(rounds, ["pdftotext", "-enc", "UTF-8", path, os.path.join(work, "out.txt")])
    print(f"pdf: {pages} pages, {os.path.getsize(path) // 1024} kB; median of {rounds}")
    print(f"  statements import --dry-run, the PDF        {command * 1000:8.0f} ms")
    print(f"  statements import --dry-run, empty folder   {start * 1000:8.0f} ms  (the command's start)")
    print(f"  read and analysed (the difference)          {(command - start) * 1000:8.0f} ms"
          f"  ({(command - start) / tool:.1f} x pdftotext alone)")
    print(f"  pdftotext alone                             {tool * 1000:8.0f} ms")


def part_folder(skillnad, db, work, rounds):
    folder = os.path.join(work, "five-hundred")
    os.makedirs(folder)
    sources = sorted(n for n in os.listdir(STATEMENTS) if n.rsplit(".", 1)[-1] in ("docx", "odt", "pdf")
                     and n != "scan.pdf")
    for number in range(500):
        name = sources[number % len(sources)]
        stem, extension = name.rsplit(".", 1)
        shutil.copy(os.path.join(STATEMENTS, name), os.path.join(folder, f"{number:03d}-{stem}.{extension}"))
    pdfs = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".pdf")]
    whole = median_of(rounds, import_cmd(skillnad, db, folder, work))

    def all_pdfs():
        for path in pdfs:
            subprocess.run(["pdftotext", "-enc", "UTF-8", path, os.path.join(work, "out.txt")], check=True)
    start = time.perf_counter()
    all_pdfs()
    tool = time.perf_counter() - start
    with open(os.path.join(work, "report.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    print(f"folder: 500 statements ({len(pdfs)} PDF); median of {rounds}")
    print(f"  statements import --dry-run                 {whole:8.1f} s   ({len(lines) - 1} report lines)")
    print(f"  pdftotext over its {len(pdfs)} PDFs alone          {tool:8.1f} s")


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
        assert response.status == 200, (url, response.status)
    return (time.perf_counter() - start) * 1000, body


def part_search(skillnad, work, rounds):
    db = os.path.join(work, "answers.sqlite")
    start = time.perf_counter()
    out = sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none"), "--scale", "answers"])
    print([line for line in out.splitlines() if line.startswith("Answer scale")][0]
          + f" (generated in {time.perf_counter() - start:.0f} s)")
    proc, base = serve(skillnad, db, os.path.join(work, "server.log"))
    try:
        queries = ["aktivitetsansvar", "unga", "resurser samverkan", "arbetsmarknaden"]
        counter = 0
        results = {}
        for _ in range(rounds):
            for query in ["/healthz"] + queries:
                for _ in range(10):
                    counter += 1
                    if query == "/healthz":
                        url = base + "/healthz"
                    else:
                        url = f"{base}/referrals/search?q={urllib.request.quote(query)}&offset={counter}"
                    took, body = get(url)
                    results.setdefault(query, []).append(took)
                    if query != "/healthz":
                        results.setdefault(query + " hits", []).append(body.count(b"<li><p><a href="))
        reference = statistics.median(results["/healthz"])
        print(f"search: {rounds} rounds of 10 uncached requests per query")
        for query in ["/healthz"] + queries:
            times = sorted(results[query])
            median = statistics.median(times)
            p90 = times[int(len(times) * 0.9) - 1]
            hits = "" if query == "/healthz" else f"  {results[query + ' hits'][0]} hits shown"
            print(f"  {query:28s} median {median:7.1f} ms  p90 {p90:7.1f} ms  ({median / reference:5.1f} x /healthz){hits}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    skillnad = binary()
    rounds = int(os.environ.get("ROUNDS", "5"))
    part = os.environ.get("PART", "all")
    work = tempfile.mkdtemp(prefix="skillnad-bench-statements-")
    try:
        print(f"skillnad: {skillnad}")
        if part in ("all", "pdf", "folder"):
            db = os.path.join(work, "demo.sqlite")
            sh([skillnad, "demo", "--db", db, "--shared", os.path.join(work, "none")])
            if part in ("all", "pdf"):
                part_pdf(skillnad, db, work, rounds)
            if part in ("all", "folder"):
                part_folder(skillnad, db, work, max(1, rounds // 2))
        if part in ("all", "search"):
            part_search(skillnad, work, rounds)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
