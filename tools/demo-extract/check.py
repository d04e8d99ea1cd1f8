#!/usr/bin/env python3
"""Checks the demo's bundled extract against the full public data it was derived from.

Compares `Sources/App/Resources/Demo/extract/` (written by derive.py) with the source folder
(default ../shared/data from the repository root) and exits non-zero, naming the file and the
feature or row, on any difference that matters to `skillnad demo`:

  district-areas.json          (from omraden_med_befolkning.json) the same top-level keys as AreaGeoImporter reads them (the county
                               key with exactly the city's district areas, codes 801xx, and one key
                               per district area); every kept feature's properties identical (name,
                               code with its JSON type, population); no feature lost.
  districts.geo.json           (from stadsdelar.geo.json) every feature, with identical properties, in the same order.
  both                         every geometry readable as GeoShape reads it (Polygon or
                               MultiPolygon, closed rings of at least 4 positions, finite numbers),
                               coordinates rounded to 5 decimals, no polygon whose edges cross or
                               touch (other than neighbours), each feature's bounding box
                               within 0.002° of the source's on every side. Also: each district of
                               stadsdelar.geo.json falls in the same district area (by
                               GeoShape.representativePoint, as AreaGeoImporter places new
                               districts) with the extract's shapes as with the source's.
  turnout-2022.csv             (from kommun_2022.csv) every Stockholm voting district (KOMMUNKOD
                               180): code, name, voters, entitled to vote, value for value, in the
                               source's order.
  area-types-2022.csv          (from regso_socioekonomisk_index_2022.csv) every `Stockholm (…)`
                               area's name and type.

Usage (from the repository root):  python3 tools/demo-extract/check.py [../shared/data]
Python 3 standard library only; independent of derive.py, so a bug there is not repeated here.
"""

import argparse
import csv
import io
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXTRACT = REPO / "Sources" / "App" / "Resources" / "Demo" / "extract"
BOX_SLACK = 0.002  # degrees
DECIMALS = 5
ELECTION_COLUMNS = ["VALDISTRIKTSKOD", "VALDISTRIKTSNAMN", "ANTAL RÖSTANDE", "ANTAL RÖSTBERÄTTIGADE"]
EXTRACT_ELECTION_HEADER = ["valdistriktskod", "valdistrikt", "röstande", "röstberättigade"]
EXTRACT_SCB_HEADER = ["område", "områdestyp"]

problems = []


def problem(file, what, message):
    problems.append(f"{file}: {what}: {message}")


# ---------------------------------------------------------------------------------------------
# Geometry, as SkillnadCore's GeoShape reads it
# ---------------------------------------------------------------------------------------------

def read_shape(geometry):
    """GeoShape(geometry:): a list of polygons, each a list of open rings of (lon, lat); or an
    error text where GeoShape would give nil."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return "not a Polygon or MultiPolygon"
    parts = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        parts = [parts]
    if not isinstance(parts, list) or not parts:
        return "no polygons"
    polygons = []
    for part in parts:
        if not isinstance(part, list) or not part:
            return "a polygon without rings"
        rings = []
        for ring in part:
            points = []
            for p in ring:
                if not (isinstance(p, list) and len(p) >= 2 and all(
                        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in p[:2])):
                    return f"position {p!r} is not two finite numbers"
                points.append((float(p[0]), float(p[1])))
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) < 3:
                return "a ring with fewer than 3 distinct positions"
            rings.append(points)
        polygons.append(rings)
    return polygons


def segments_meet(p1, p2, p3, p4):
    """Whether the closed segments p1–p2 and p3–p4 have a point in common."""
    def side(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    def between(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    s1, s2, s3, s4 = side(p1, p2, p3), side(p1, p2, p4), side(p3, p4, p1), side(p3, p4, p2)
    if s1 != s2 and s3 != s4:
        return True
    return any(s == 0 and between(a, b, c) for s, a, b, c in
               [(s1, p1, p2, p3), (s2, p1, p2, p4), (s3, p3, p4, p1), (s4, p3, p4, p2)])


def crossing_edges(rings):
    """A description of the first two edges of a polygon (over all its rings) that meet other
    than as neighbours along one ring, or None when the polygon is simple."""
    all_edges = [(r, i, len(ring), ring[i], ring[(i + 1) % len(ring)])
                 for r, ring in enumerate(rings) for i in range(len(ring))]
    for x, (r1, i1, n, a, b) in enumerate(all_edges):
        for r2, i2, _, c, d in all_edges[x + 1:]:
            if r1 == r2 and (i2 - i1) % n in (1, n - 1):
                continue
            if segments_meet(a, b, c, d):
                return f"ring {r1} edge {a}–{b} meets ring {r2} edge {c}–{d}"
    return None


def bounding_box(polygons):
    """GeoShape.boundingBox: around every outer ring's points."""
    points = [p for poly in polygons for p in poly[0]]
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))


def edges(ring):
    return zip(ring, ring[1:] + ring[:1])


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in edges(ring)) / 2


def crosses_oddly(ring, p):
    odd = False
    for a, b in edges(ring):
        if (a[1] > p[1]) != (b[1] > p[1]):
            if p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]):
                odd = not odd
    return odd


def contains(polygons, p):
    """GeoShape.contains: even-odd over each polygon's rings, any polygon."""
    for rings in polygons:
        inside = False
        for ring in rings:
            inside = crosses_oddly(ring, p) != inside
        if inside:
            return True
    return False


def centroid(ring):
    ox, oy = ring[0]
    twice, cx, cy = 0.0, 0.0, 0.0
    for a, b in edges(ring):
        ax, ay, bx, by = a[0] - ox, a[1] - oy, b[0] - ox, b[1] - oy
        cross = ax * by - bx * ay
        twice += cross
        cx += (ax + bx) * cross
        cy += (ay + by) * cross
    if abs(twice) <= 1e-18:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return (ox + cx / (3 * twice), oy + cy / (3 * twice))


def widest_span_midpoint(rings, lat):
    crossings = sorted(a[0] + (lat - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                       for ring in rings for a, b in edges(ring) if (a[1] > lat) != (b[1] > lat))
    best = None
    for i in range(0, len(crossings) - 1, 2):
        width = crossings[i + 1] - crossings[i]
        if width > (best[0] if best else 0):
            best = (width, (crossings[i] + crossings[i + 1]) / 2)
    return (best[1], lat) if best else None


def representative_point(polygons):
    """GeoShape.representativePoint, the point AreaGeoImporter places a new district by."""
    largest = polygons[0]
    for rings in polygons[1:]:  # Swift's max(by:) keeps the last of equal maxima
        if abs(signed_area(rings[0])) >= abs(signed_area(largest[0])):
            largest = rings
    c = centroid(largest[0])
    if contains(polygons, c):
        return c
    lats = [p[1] for p in largest[0]]
    south, north = min(lats), max(lats)
    for fraction in [0.5, 0.45, 0.55, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]:
        point = widest_span_midpoint(largest, south + (north - south) * fraction)
        if point and contains(polygons, point):
            return point
    return c


def compare_geometry(file, what, source_geometry, extract_geometry):
    """Checks one extract geometry against its source; returns its polygons, or None."""
    original = read_shape(source_geometry)
    if isinstance(original, str):
        problem(file, what, f"the source geometry is unreadable ({original})")
        return None
    if not isinstance(extract_geometry, dict) or extract_geometry.get("type") != source_geometry["type"]:
        problem(file, what, f"geometry type differs from the source's {source_geometry['type']}")
        return None
    parts = extract_geometry.get("coordinates")
    for part in [parts] if extract_geometry["type"] == "Polygon" else (parts or []):
        for ring in part or []:
            if len(ring) < 4 or ring[0] != ring[-1]:
                problem(file, what, f"a ring is not closed or has fewer than 4 positions ({len(ring)})")
            if any(round(v, DECIMALS) != v for p in ring if isinstance(p, list) for v in p[:2]
                   if isinstance(v, (int, float)) and not isinstance(v, bool)):
                problem(file, what, f"a coordinate is not rounded to {DECIMALS} decimals")
                break
    simplified = read_shape(extract_geometry)
    if isinstance(simplified, str):
        problem(file, what, f"geometry unreadable by GeoShape ({simplified})")
        return None
    for k, rings in enumerate(simplified):
        crossing = crossing_edges(rings)
        if crossing:
            problem(file, what, f"polygon {k} is not simple: {crossing}")
    for side, a, b in zip(["west", "south", "east", "north"], bounding_box(original), bounding_box(simplified)):
        if abs(a - b) > BOX_SLACK:
            problem(file, what, f"bounding box {side} edge moved {abs(a - b):.5f}° (limit {BOX_SLACK}°)")
    return simplified


def same_json(a, b):
    """Equal as JSON text, so 127 and 127.0 or "127" differ as they do for the importer."""
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


def compare_features(file, label, source_features, extract_features, code_key):
    """Same features in the same order, identical properties and id, geometry checked."""
    shapes = {}
    if len(source_features) != len(extract_features):
        problem(file, label, f"{len(extract_features)} features, the source has {len(source_features)}")
    for i, (s, e) in enumerate(zip(source_features, extract_features)):
        props = s.get("properties") or {}
        name = props.get("omr_namn") or props.get("name")
        code = props.get(code_key, "") if code_key else ""
        what = f"{label} feature {i} ({name} {code})".replace(" )", ")")
        if not same_json(props, e.get("properties")):
            problem(file, what, f"properties differ: {e.get('properties')!r} != source {props!r}")
        if not same_json({k: v for k, v in s.items() if k not in ("properties", "geometry")},
                         {k: v for k, v in e.items() if k not in ("properties", "geometry")}):
            problem(file, what, "feature members other than properties/geometry differ")
        shapes[i] = (compare_geometry(file, what, s.get("geometry"), e.get("geometry")),
                     read_shape(s.get("geometry")))
    return shapes


def code_text(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value.strip() if isinstance(value, str) else ""


# ---------------------------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------------------------

def load_json(root, file):
    """The file's JSON object, or None (reported) when it is missing or not a JSON object."""
    try:
        value = json.loads((root / file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        problem(file, str(root), f"cannot be read as JSON: {error}")
        return None
    if not isinstance(value, dict):
        problem(file, str(root), "is not a JSON object")
        return None
    return value


def check_omraden(source):
    file, extract_file = "stockholm/omraden_med_befolkning.json", "district-areas.json"
    before = len(problems)
    src, ext = load_json(source, file), load_json(EXTRACT, extract_file)
    if src is None or ext is None:
        return {}, {}
    county = [k for k in src if "län" in k.lower()][0]
    areas = [f for f in src[county]["features"] if code_text(f["properties"].get("omr_kod")).startswith("801")]
    names = [f["properties"]["omr_namn"].strip() for f in areas]
    if list(ext) != [county] + names:
        problem(file, "top-level keys", f"{list(ext)} != the county key and the district areas {[county] + names}")
    if [k for k in ext if "län" in k.lower()] != [county]:
        problem(file, "top-level keys", "exactly one key may contain 'län' (the importer takes the first)")
    district_areas, district_areas_source = {}, {}
    if county in ext:
        if not same_json({k: v for k, v in src[county].items() if k != "features"},
                         {k: v for k, v in ext[county].items() if k != "features"}):
            problem(file, county, "FeatureCollection members differ")
        shapes = compare_features(file, county, areas, ext[county].get("features", []), "omr_kod")
        district_areas = {names[i]: shape[0] for i, shape in shapes.items() if shape[0]}
        district_areas_source = {names[i]: shape[1] for i, shape in shapes.items()}
    for name in names:
        if name in ext:
            compare_features(file, name, src[name]["features"], ext[name].get("features", []), "omr_kod")
    if len(problems) == before:
        districts = sum(len(src[n]["features"]) for n in names)
        print(f"ok  {file}: {len(names)} district areas and {districts} districts, properties identical")
    return district_areas, district_areas_source


def check_stadsdelar(source, district_areas, district_areas_source):
    file, extract_file = "stockholm/stadsdelar.geo.json", "districts.geo.json"
    before = len(problems)
    src, ext = load_json(source, file), load_json(EXTRACT, extract_file)
    if src is None or ext is None:
        return
    if not same_json({k: v for k, v in src.items() if k != "features"},
                     {k: v for k, v in ext.items() if k != "features"}):
        problem(file, "top level", "members other than features differ")
    shapes = compare_features(file, "features", src["features"], ext.get("features", []), None)
    # Where AreaGeoImporter would place each district: the first district area containing its
    # representative point (the city itself when none does). Must not change by simplifying.
    for i, (simplified, original) in shapes.items():
        if not simplified:
            continue
        name = src["features"][i]["properties"].get("name")
        was = next((a for a, s in district_areas_source.items() if contains(s, representative_point(original))), None)
        now = next((a for a, s in district_areas.items() if contains(s, representative_point(simplified))), None)
        if was != now:
            problem(file, f"feature {i} ({name})", f"would be placed in district area {now}, from the source {was}")
    if len(problems) == before:
        print(f"ok  {file}: {len(src['features'])} districts, each in the same district area as from the source")


def read_csv(path):
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = (raw[3:] if bom else raw).decode("utf-8")
    line_end = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    return raw, bom, line_end, list(csv.reader(io.StringIO(text, newline="")))


def check_election(source):
    file, extract_file = "valmyndigheten/kommun_2022.csv", "turnout-2022.csv"
    before = len(problems)
    _, _, _, srows = read_csv(source / file)
    _, _, _, erows = read_csv(EXTRACT / extract_file)
    header = srows[0]
    if erows[0] != EXTRACT_ELECTION_HEADER:
        problem(extract_file, "header", f"{erows[0]} != {EXTRACT_ELECTION_HEADER}")
    index = [header.index(c) for c in ELECTION_COLUMNS]
    wanted = [[r[i] for i in index] for r in srows[1:] if r and r[header.index("KOMMUNKOD")] == "180"]
    got = erows[1:]
    if len(got) != len(wanted):
        problem(extract_file, "rows", f"{len(got)} rows, the source has {len(wanted)} with KOMMUNKOD 180")
    for n, (w, g) in enumerate(zip(wanted, got), start=2):
        if w != g:
            problem(extract_file, f"line {n} (voting district {w[0]} {w[1]})", f"{g} != source {w}")
    if len(problems) == before:
        print(f"ok  {extract_file}: {len(got)} voting districts of KOMMUNKOD 180, values identical to {file}")


def check_scb(source):
    file, extract_file = "scb/regso_socioekonomisk_index_2022.csv", "area-types-2022.csv"
    before = len(problems)
    _, _, _, srows = read_csv(source / file)
    _, _, _, erows = read_csv(EXTRACT / extract_file)
    if erows[0] != EXTRACT_SCB_HEADER:
        problem(extract_file, "header", f"{erows[0]} != {EXTRACT_SCB_HEADER}")
    prefix = "Stockholm ("
    wanted = [[r[0][len(prefix):].rstrip(")"), r[1]] for r in srows[1:] if r and r[0].startswith(prefix)]
    if erows[1:] != wanted:
        missing = [r[0] for r in wanted if r not in erows[1:]]
        extra = [r[0] for r in erows[1:] if r not in wanted]
        problem(extract_file, "rows", f"differ from the source's Stockholm rows; missing {missing}, extra or changed {extra}")
    if len(problems) == before:
        print(f"ok  {extract_file}: {len(erows) - 1} Stockholm areas, the same types as in {file}")


def main():
    global EXTRACT  # --extract replaces the default
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(REPO / ".." / "shared" / "data"),
                        help="the full public data folder (default: ../shared/data from the repository root)")
    parser.add_argument("--extract", default=str(EXTRACT), help="the extract (default: the demo's extract folder)")
    args = parser.parse_args()
    source = Path(args.source).resolve()
    EXTRACT = Path(args.extract).resolve()
    district_areas, district_areas_source = check_omraden(source)
    check_stadsdelar(source, district_areas, district_areas_source)
    check_election(source)
    check_scb(source)
    if problems:
        for p in problems:
            print(f"FAIL {p}", file=sys.stderr)
        print(f"{len(problems)} difference(s) between the extract and {source}", file=sys.stderr)
        return 1
    print(f"The extract in {EXTRACT} agrees with {source}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
