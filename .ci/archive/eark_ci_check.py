#!/usr/bin/env python3
"""CI gate around eark-validator 1.1.3 (its exit code is 0 even for invalid packages).

usage: eark_ci_check.py [--strict] [--fail-on-warn] PACKAGE_DIR_OR_ZIP...
Runs eark_validate_offline.py (same folder) with the venv's python, parses the JSON line
it prints per package, prints every non-Info message, exits 1 on any Error.

SIP14 is ignored unless --strict: eark-validator 1.1.3's SIP14 tests an *un-namespaced*
@NOTETYPE on every <note> of every agent with ROLE="CREATOR"; mets.xsd only allows
namespaced attributes on agent/note, so no XSD-valid METS can pass it, and CSIP11-16 force
a ROLE="CREATOR" software agent with exactly one note. It fires on every conformant SIP.
"""
import json, os, subprocess, sys

KNOWN_FALSE_POSITIVES = {"SIP14"}
args = [a for a in sys.argv[1:] if not a.startswith("--")]
strict, fail_on_warn = "--strict" in sys.argv, "--fail-on-warn" in sys.argv
wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eark_validate_offline.py")
failed = not args
for pkg in args:
    out = subprocess.run([sys.executable, wrapper, pkg], capture_output=True, text=True)
    reports = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    if out.returncode != 0 or len(reports) != 1:          # crash (KeyError...), bad path, not an archive
        print(f"FAIL {pkg}: validator rc={out.returncode}\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
        failed = True
        continue
    rep = reports[0]
    md = rep.get("metadata") or {}                          # null when structure is NotWellFormed
    msgs = list((rep.get("structure") or {}).get("messages") or [])
    for part in ("schema_results", "schematron_results"):
        msgs += (md.get(part) or {}).get("messages") or []
    errors = [m for m in msgs if m["severity"] == "Error" and (strict or m["rule_id"] not in KNOWN_FALSE_POSITIVES)]
    warns = [m for m in msgs if m["severity"] == "Warn"]
    for m in msgs:
        if m["severity"] != "Info":
            print(f'{m["severity"]:5} {m["rule_id"]:10} {m["message"][:120]}')
    bad = bool(errors) or (fail_on_warn and bool(warns)) or rep.get("structure", {}).get("status") != "WellFormed" \
        or not md or (md["schema_results"]["status"] != "VALID" and (strict or any(
            m["rule_id"] not in KNOWN_FALSE_POSITIVES for m in md["schema_results"]["messages"])))
    print(f'{"FAIL" if bad else "OK  "} {pkg}: {len(errors)} error(s), {len(warns)} warning(s)')
    failed |= bad
sys.exit(1 if failed else 0)
