#!/usr/bin/env python3
"""Checks eark-validator 1.1.3 does NOT do (verified): every METS file/mdRef/mptr target exists,
SIZE and SHA-256 match, no unreferenced payload files, representation METS parsed too, and every XML
file is XSD-valid against the schemas shipped in <pkg>/schemas (strict: DILCIS extension attributes
are type-checked, unlike the validator whose CSIP schema does not import them). Needs lxml.
Usage: check_package.py PKG_DIR ; exit 1 on any problem."""
import hashlib, os, sys
from lxml import etree

NS = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}
HREF = "{http://www.w3.org/1999/xlink}href"
pkg = os.path.abspath(sys.argv[1]); problems = []; referenced = set()

def sha256(p):
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for c in iter(lambda: f.read(1 << 16), b""): h.update(c)
    return h.hexdigest()

sch = os.path.join(pkg, "schemas")
wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:wrapper">
 <xs:import namespace="http://www.w3.org/1999/xlink" schemaLocation="file://{sch}/xlink.xsd"/>
 <xs:import namespace="http://www.loc.gov/METS/" schemaLocation="file://{sch}/mets.xsd"/>
 <xs:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="file://{sch}/DILCISExtensionMETS.xsd"/>
 <xs:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="file://{sch}/DILCISExtensionSIPMETS.xsd"/>
</xs:schema>"""
SCHEMAS = {"http://www.loc.gov/METS/": etree.XMLSchema(etree.fromstring(wrapper.encode())),
           "http://www.loc.gov/premis/v3": etree.XMLSchema(file=os.path.join(sch, "premis.xsd")),
           "http://ead3.archivists.org/schema/": etree.XMLSchema(file=os.path.join(sch, "ead3.xsd"))}

def check_mets(mets_path):
    base = os.path.dirname(mets_path); referenced.add(mets_path)
    doc = etree.parse(mets_path)
    ids = doc.xpath("//@ID")
    if len(ids) != len(set(ids)): problems.append(f"{mets_path}: duplicate IDs")
    for el in doc.xpath("//mets:file|//mets:mdRef", namespaces=NS):
        loc = el if el.tag.endswith("mdRef") else el.find("mets:FLocat", NS)
        target = os.path.normpath(os.path.join(base, loc.get(HREF)))
        referenced.add(target)
        if not os.path.isfile(target): problems.append(f"missing: {target}"); continue
        if int(el.get("SIZE", -1)) != os.path.getsize(target): problems.append(f"SIZE mismatch: {target}")
        if el.get("CHECKSUMTYPE") != "SHA-256" or el.get("CHECKSUM", "").lower() != sha256(target):
            problems.append(f"CHECKSUM mismatch: {target}")
    for mptr in doc.xpath("//mets:mptr", namespaces=NS):
        t = os.path.normpath(os.path.join(base, mptr.get(HREF)))
        if not os.path.isfile(t): problems.append(f"mptr target missing: {t}")
        else: check_mets(t)

check_mets(os.path.join(pkg, "METS.xml"))
for dp, _, fs in os.walk(pkg):
    for f in fs:
        p = os.path.join(dp, f)
        if p not in referenced: problems.append(f"not referenced from any METS: {os.path.relpath(p, pkg)}")
        if f.endswith(".xml"):
            try:
                d = etree.parse(p)
            except etree.XMLSyntaxError as e:
                problems.append(f"not well-formed: {p}: {e}"); continue
            s = SCHEMAS.get(etree.QName(d.getroot()).namespace)
            if s is None: problems.append(f"no schema for {p}")
            elif not s.validate(d):
                problems += [f"XSD {os.path.relpath(p, pkg)}:{e.line}: {e.message}" for e in s.error_log]
for pr in problems: print("PROBLEM", pr)
print(f"{len(problems)} problem(s)"); sys.exit(1 if problems else 0)
