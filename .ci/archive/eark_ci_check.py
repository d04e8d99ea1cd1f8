#!/usr/bin/env python3
"""CI gate around eark-validator 1.1.3, whose exit code is 0 even for invalid packages.

usage: eark_ci_check.py [--strict] [--fail-on-warn] PACKAGE_DIR...
Runs eark_validate_offline.py (same folder) with this Python, reads the JSON report it prints
per package, prints every message that is not Info, and exits 1 on any error but these known
false positives of 1.1.3 (--strict allows none):

SIP14, everywhere: it tests an unprefixed @NOTETYPE on every note of every agent with
  ROLE="CREATOR", but mets.xsd allows only namespaced attributes on agent/note, and CSIP11-16
  require a ROLE="CREATOR" software agent with one note. It fires on every conformant SIP.
CSIP12, CSIP13 and CSIP16 on the submitting agent only: E-ARK SIP 2.1.0 requires that agent
  (SIP15-20: ROLE="CREATOR" TYPE="ORGANIZATION" with an IDENTIFICATIONCODE note), yet 1.1.3
  holds every CREATOR agent to the software agent's rules (TYPE OTHER, OTHERTYPE SOFTWARE, a
  SOFTWARE VERSION note). They are allowed where the location names such an agent, by position.
"""
import json, os, re, subprocess, sys
from lxml import etree

METS = "{http://www.loc.gov/METS/}"
SUBMITTER_RULES = {"CSIP12", "CSIP13", "CSIP16"}
AGENT_AT = re.compile(r"\[local-name\(\)='agent' and namespace-uri\(\)='http://www.loc.gov/METS/'\]\[(\d+)\]")


def submitting_agents(package):
    """1-based positions of the root METS' organisation agents with ROLE CREATOR."""
    try:
        agents = etree.parse(os.path.join(package, "METS.xml")).findall(f"{METS}metsHdr/{METS}agent")
    except (OSError, etree.XMLSyntaxError):
        return set()
    return {n for n, a in enumerate(agents, 1) if a.get("ROLE") == "CREATOR" and a.get("TYPE") == "ORGANIZATION"}


def allowed(message, submitters, strict):
    if strict:
        return False
    if message["rule_id"] == "SIP14":
        return True
    if message["rule_id"] in SUBMITTER_RULES:
        found = AGENT_AT.findall(message.get("location") or "")
        return bool(found) and int(found[-1]) in submitters
    return False


args = [a for a in sys.argv[1:] if not a.startswith("--")]
strict, fail_on_warn = "--strict" in sys.argv, "--fail-on-warn" in sys.argv
wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eark_validate_offline.py")
failed = not args
for pkg in args:
    out = subprocess.run([sys.executable, wrapper, pkg], capture_output=True, text=True)
    reports = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    if out.returncode != 0 or len(reports) != 1:  # a crash (KeyError...), a bad path, not an archive
        print(f"FAIL {pkg}: validator rc={out.returncode}\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
        failed = True
        continue
    rep = reports[0]
    md = rep.get("metadata") or {}  # null when the structure is NotWellFormed
    submitters = submitting_agents(pkg)
    msgs = list((rep.get("structure") or {}).get("messages") or [])
    for part in ("schema_results", "schematron_results"):
        msgs += (md.get(part) or {}).get("messages") or []
    errors = [m for m in msgs if m["severity"] == "Error" and not allowed(m, submitters, strict)]
    warns = [m for m in msgs if m["severity"] == "Warn"]
    for m in msgs:
        if m["severity"] != "Info":
            known = " (known false positive)" if m["severity"] == "Error" and m not in errors else ""
            print(f'{m["severity"]:5} {m["rule_id"]:10} {m["message"][:110]}{known}')
    schema_ok = md and md["schema_results"]["status"] == "VALID"
    bad = bool(errors) or (fail_on_warn and bool(warns)) or rep.get("structure", {}).get("status") != "WellFormed" \
        or not schema_ok
    print(f'{"FAIL" if bad else "OK  "} {pkg}: {len(errors)} error(s), {len(warns)} warning(s)')
    failed |= bad
sys.exit(1 if failed else 0)
