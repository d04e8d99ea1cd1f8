#!/usr/bin/env python3
"""Derives the demo's bundled public data from the full public data set.

`skillnad demo` reads the full public data from the shared data folder beside the project
(`../shared/data`, described in its README.md) when it is there, and otherwise the small extract
this script derives from it into `Sources/App/Resources/Demo/extract/`, so the demo is complete on
a fresh clone. The extract has its own names and, for the tables, its own shape:

  district-areas.json   From Folkhälsokollen's areas: only the City of Stockholm's district areas
                        (codes 801xx, under the "stockholm län" key) and, under one key per
                        district area, its districts, in the structure AreaGeoImporter reads.
  districts.geo.json    The city's 117 district polygons.
  turnout-2022.csv      The 2022 municipal election: Stockholm's voting districts (KOMMUNKOD 180),
                        code, name, voters, entitled to vote.
  area-types-2022.csv   SCB's area type 2022 of the `Stockholm (…)` areas: name, type.

Polygons are simplified with Douglas–Peucker and rounded to 5 decimals (about 1 m). The
simplification is topology-preserving in the simple sense that matters here: every ring is cut
into arcs at the points where its neighbours change, and each arc is simplified once, so two areas
that share a border (a district and its neighbour, a district area and its districts) still share
exactly the same simplified border, without gaps or overlaps. Where a simplified ring would be
invalid (edges crossing, the main part collapsing), its arcs are simplified again with half the
tolerance; small islands or holes that collapse are dropped.

AreaGeoImporter places a district of stadsdelar.geo.json that it has to create in the district
area containing the district's representative point (GeoShape.representativePoint). Simplifying
keeps every such placement as it is with the source shapes: where one would change, the arcs near
the point are simplified with a lower tolerance. check.py verifies all of this against the source.

Usage (from the repository root):  python3 tools/demo-extract/derive.py [../shared/data]
Python 3 standard library only.
"""

import argparse
import csv
import io
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "Sources" / "App" / "Resources" / "Demo" / "extract"

# Douglas–Peucker tolerance in degrees (planar, as GeoJSON stores them). At Stockholm's latitude
# 0.0005° is at most about 56 m north–south and 28 m east–west: about one pixel on the app's 560 px
# map of the whole city (about 45 m per pixel), and a few pixels on a map of one district area, so
# shapes look right; 0.001° would save only about 20 KB more. See README.md next to the output.
TOLERANCE = 0.0005
DECIMALS = 5
# Below this, an arc's tolerance is not lowered any further: a ring still invalid then is invalid
# in the source (or made so by rounding) and is written as it is, with a warning.
MIN_TOLERANCE = 1e-7

COUNTY_KEY_HINT = "län"  # AreaGeoImporter takes the first top-level key whose lowercase contains "län"
DISTRICT_AREA_PREFIX = "801"  # ... and from it the features whose omr_kod starts with 801
ELECTION_COLUMNS = ["VALDISTRIKTSKOD", "VALDISTRIKTSNAMN", "ANTAL RÖSTANDE", "ANTAL RÖSTBERÄTTIGADE"]
EXTRACT_ELECTION_HEADER = ["valdistriktskod", "valdistrikt", "röstande", "röstberättigade"]
EXTRACT_SCB_HEADER = ["område", "områdestyp"]
STOCKHOLM_MUNICIPALITY = "180"
SCB_PREFIX = "Stockholm ("


# ---------------------------------------------------------------------------------------------
# Geometry: Douglas–Peucker over shared arcs
# ---------------------------------------------------------------------------------------------

def segment_distance(p, a, b):
    """Planar distance in degrees from point p to the segment a–b."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points, tolerance):
    """Douglas–Peucker on an open polyline; keeps both ends. Iterative, so no recursion limit."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = -1.0, None
        for i in range(first + 1, last):
            d = segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_at = d, i
        if worst_at is not None and worst > tolerance:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, k in zip(points, keep) if k]


def open_ring(ring):
    """A GeoJSON ring as a list of (lon, lat) tuples without the closing repeat of the first."""
    pts = [(float(p[0]), float(p[1])) for p in ring]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    # Consecutive repeats would make zero-length edges; they carry no shape.
    return [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]


def edge_key(a, b):
    return (a, b) if a <= b else (b, a)


class ArcSimplifier:
    """Simplifies a set of rings so that borders shared by several rings stay shared.

    A vertex is an arc end ("fixed") when the rings using the edge before it differ from those
    using the edge after it, or when more rings touch the vertex than use those edges (a
    neighbour touching in one point). Between two fixed vertices the stretch is one arc, the
    same sequence of points in every ring that uses it, so simplifying each arc once (cached under
    a direction-independent key) gives every ring the same result for it. A ring without fixed
    vertices (an island of its own, or one shared whole by two rings) is cut at its smallest
    vertex and at the vertex farthest from it, both independent of where the ring happens to start.
    """

    def __init__(self, rings, tolerance):
        self.tolerance = tolerance
        self.arc_tolerance = {}  # arc key -> tolerance, where lowered (an invalid ring, a misplaced district)
        self.cache = {}
        self.edge_users = {}
        self.vertex_users = {}
        for n, ring in enumerate(rings):
            for i, p in enumerate(ring):
                q = ring[(i + 1) % len(ring)]
                self.edge_users.setdefault(edge_key(p, q), set()).add(n)
                self.vertex_users.setdefault(p, set()).add(n)

    def arcs(self, ring):
        """The ring cut into arcs: lists of points, each arc's last point the next one's first."""
        n = len(ring)
        fixed = []
        for i, p in enumerate(ring):
            before = self.edge_users[edge_key(ring[i - 1], p)]
            after = self.edge_users[edge_key(p, ring[(i + 1) % n])]
            if before != after or self.vertex_users[p] != before:
                fixed.append(i)
        if not fixed:
            start = ring.index(min(ring))
            far = max(range(n), key=lambda i: (math.dist(ring[start], ring[i]), ring[i]))
            fixed = sorted({start, far})
        arcs = []
        for k, i in enumerate(fixed):
            j = fixed[(k + 1) % len(fixed)]
            if j > i:
                arcs.append(ring[i:j + 1])
            else:  # wraps past the ring's start (or the only fixed vertex: the whole ring)
                arcs.append(ring[i:] + ring[:j + 1])
        return arcs

    @staticmethod
    def arc_key(arc):
        return tuple(arc) if tuple(arc) <= tuple(reversed(arc)) else tuple(reversed(arc))

    def simplify_arc(self, arc):
        key = self.arc_key(arc)
        tolerance = self.arc_tolerance.get(key, self.tolerance)
        cached = self.cache.get(key)
        if cached is None or cached[0] != tolerance:
            cached = (tolerance, douglas_peucker(list(key), tolerance))
            self.cache[key] = cached
        result = cached[1]
        return result if list(key) == arc else list(reversed(result))

    def simplify_ring(self, ring):
        """The simplified ring, rounded, open (no closing point), consecutive repeats removed."""
        out = []
        for arc in self.arcs(ring):
            out.extend(self.simplify_arc(arc)[:-1])  # each arc's end is the next arc's start
        rounded = [(round(x, DECIMALS), round(y, DECIMALS)) for x, y in out]
        rounded = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        while len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        return rounded

    def lower_tolerance(self, ring):
        """Halves the tolerance of every arc of `ring` (and so of its neighbours' copies); False
        when every arc is already at MIN_TOLERANCE, so lowering it further cannot help."""
        lowered = False
        for arc in self.arcs(ring):
            key = self.arc_key(arc)
            tolerance = self.arc_tolerance.get(key, self.tolerance)
            if tolerance > MIN_TOLERANCE:
                self.arc_tolerance[key] = tolerance / 2
                lowered = True
        return lowered

    def lower_tolerance_near(self, ring, point, radius):
        """Halves the tolerance of the arcs of `ring` that pass within `radius` of `point`."""
        lowered = False
        for arc in self.arcs(ring):
            if any(segment_distance(point, a, b) <= radius for a, b in zip(arc, arc[1:])):
                key = self.arc_key(arc)
                tolerance = self.arc_tolerance.get(key, self.tolerance)
                if tolerance > MIN_TOLERANCE:
                    self.arc_tolerance[key] = tolerance / 2
                    lowered = True
        return lowered


# Where AreaGeoImporter places a district of stadsdelar.geo.json that it creates: in the first
# district area containing GeoShape.representativePoint of the district's shape. The functions
# below follow SkillnadCore/Geo/GeoShape.swift, so that simplifying can keep every placement.

def ring_edges(ring):
    return zip(ring, ring[1:] + ring[:1])


def shape_contains(polygons, p):
    """GeoShape.contains: even-odd rule over each polygon's rings; inside any polygon."""
    for rings in polygons:
        inside = False
        for ring in rings:
            for a, b in ring_edges(ring):
                if (a[1] > p[1]) != (b[1] > p[1]) and p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]):
                    inside = not inside
        if inside:
            return True
    return False


def representative_point(polygons):
    """GeoShape.representativePoint: the largest polygon's centroid if inside the shape, else the
    middle of the widest horizontal stretch across that polygon at a few latitudes."""
    largest = polygons[0]
    for rings in polygons[1:]:  # Swift's max(by:) keeps the last of equal maxima
        if abs(signed_area(rings[0])) >= abs(signed_area(largest[0])):
            largest = rings
    outer = largest[0]
    (ox, oy), twice, cx, cy = outer[0], 0.0, 0.0, 0.0
    for a, b in ring_edges(outer):
        ax, ay, bx, by = a[0] - ox, a[1] - oy, b[0] - ox, b[1] - oy
        cross = ax * by - bx * ay
        twice, cx, cy = twice + cross, cx + (ax + bx) * cross, cy + (ay + by) * cross
    if abs(twice) <= 1e-18:
        centroid = (sum(p[0] for p in outer) / len(outer), sum(p[1] for p in outer) / len(outer))
    else:
        centroid = (ox + cx / (3 * twice), oy + cy / (3 * twice))
    if shape_contains(polygons, centroid):
        return centroid
    south, north = min(p[1] for p in outer), max(p[1] for p in outer)
    for fraction in [0.5, 0.45, 0.55, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]:
        lat = south + (north - south) * fraction
        xs = sorted(a[0] + (lat - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                    for ring in largest for a, b in ring_edges(ring) if (a[1] > lat) != (b[1] > lat))
        spans = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
        spans = [s for s in spans if s[0] > 0]
        if spans:
            point = (max(spans, key=lambda s: s[0])[1], lat)  # the first of equal widths, as in Swift
            if shape_contains(polygons, point):
                return point
    return centroid


def placement(district_areas, point):
    """The index of the first district area containing `point`, or None (the city itself)."""
    return next((i for i, shape in enumerate(district_areas) if shape_contains(shape, point)), None)


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1])) / 2


def segments_cross(p1, p2, p3, p4):
    """Whether the closed segments p1–p2 and p3–p4 have a point in common."""
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    def on(a, b, c):  # c on segment a–b, given the three are collinear
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (o1 == 0 and on(p1, p2, p3)) or (o2 == 0 and on(p1, p2, p4)) or \
        (o3 == 0 and on(p3, p4, p1)) or (o4 == 0 and on(p3, p4, p2))


def polygon_is_simple(rings):
    """No two edges of the polygon's rings meet, except neighbouring edges of one ring at their
    shared vertex. Quadratic, which is fine for the few hundred edges of a simplified polygon."""
    edges = []
    for r, ring in enumerate(rings):
        n = len(ring)
        edges.extend((r, i, n, ring[i], ring[(i + 1) % n]) for i in range(n))
    for x in range(len(edges)):
        r1, i1, n1, a, b = edges[x]
        for y in range(x + 1, len(edges)):
            r2, i2, n2, c, d = edges[y]
            if r1 == r2 and ((i2 - i1) % n1 in (1, n1 - 1)):
                continue  # neighbours along the ring share a vertex by construction
            if segments_cross(a, b, c, d):
                return False
    return True


def polygons_of(geometry):
    """A Polygon's or MultiPolygon's polygons, each a list of open rings."""
    if geometry["type"] == "Polygon":
        parts = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        raise SystemExit(f"unexpected geometry type {geometry['type']}")
    return [[open_ring(r) for r in part] for part in parts]


def simplify_collection(features, tolerance, constraint=None):
    """Replaces each feature's geometry by its simplified one (in place); returns the positions
    before and after, the rings dropped, and the arcs that needed a lower tolerance.

    A hole, or a part of a MultiPolygon other than the feature's largest, that collapses (fewer
    than 3 distinct points, or no area left) is dropped. A ring that would be invalid otherwise
    (the largest part collapsing, or edges crossing) gets its arcs simplified again with half the
    tolerance, for every ring sharing them, until all rings are valid.

    `constraint`, given the simplified shapes (per feature, a list of polygons of open rings),
    returns the (feature index, point) pairs that came out wrong: the arcs of that feature near
    the point (all its arcs when the point is None) are then simplified with half the tolerance.
    """
    shapes = [polygons_of(f["geometry"]) for f in features]
    all_rings = [ring for polys in shapes for poly in polys for ring in poly]
    simplifier = ArcSimplifier(all_rings, tolerance)
    accepted = set()  # (feature, part) left as they are: lowering the tolerance did not help
    while True:
        results, retry = [], []
        for n, polys in enumerate(shapes):
            largest = max(range(len(polys)), key=lambda k: abs(signed_area(polys[k][0])))
            kept = []
            for k, poly in enumerate(polys):
                outer = simplifier.simplify_ring(poly[0])
                if len(outer) < 3 or signed_area(outer) == 0:
                    if k == largest:
                        if (n, k) in accepted:
                            name = json.dumps(features[n].get("properties"), ensure_ascii=False)
                            raise SystemExit(f"{name}: its largest polygon has no area even unsimplified")
                        retry.append((n, k, poly[:1]))
                    continue  # a small island thinner than the tolerance: dropped
                rings = [outer]
                for hole in poly[1:]:
                    h = simplifier.simplify_ring(hole)
                    if len(h) >= 3 and signed_area(h) != 0:
                        rings.append(h)
                if (n, k) in accepted or polygon_is_simple(rings):
                    kept.append(rings)
                else:
                    retry.append((n, k, poly))
            results.append(kept)
        if not retry:
            wrong = constraint(results) if constraint else []
            radius = 4 * tolerance  # a simplified edge lies within the tolerance of its source
            lowered = [simplifier.lower_tolerance_near(ring, point, radius) if point else
                       simplifier.lower_tolerance(ring) for n, point in wrong for poly in shapes[n] for ring in poly]
            if not any(lowered):
                for n, point in wrong:
                    name = json.dumps(features[n].get("properties"), ensure_ascii=False)
                    print(f"warning: {name}: still differs near {point} at the finest tolerance")
                break
            continue
        for n, k, rings in retry:
            if not any([simplifier.lower_tolerance(ring) for ring in rings]):
                name = json.dumps(features[n].get("properties"), ensure_ascii=False)
                print(f"warning: {name} part {k}: invalid even at the finest tolerance; kept as it is")
                accepted.add((n, k))
    before = after = dropped = 0
    for f, polys, kept in zip(features, shapes, results):
        before += sum(len(r) + 1 for p in polys for r in p)
        after += sum(len(r) + 1 for p in kept for r in p)
        dropped += sum(len(p) for p in polys) - sum(len(p) for p in kept)
        coords = [[[list(p) for p in ring + ring[:1]] for ring in poly] for poly in kept]
        geometry = dict(f["geometry"])
        geometry["coordinates"] = coords[0] if geometry["type"] == "Polygon" else coords
        f["geometry"] = geometry
    lowered = len(simplifier.arc_tolerance)
    return before, after, dropped, lowered


# ---------------------------------------------------------------------------------------------
# The four files
# ---------------------------------------------------------------------------------------------

def code_text(value):
    """omr_kod as AreaGeoImporter reads it: an integral number as integer text, a string trimmed."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value.strip() if isinstance(value, str) else ""


def write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")


def read_omraden(source):
    """Folkhälsokollen: the "stockholm län" collection cut down to the city's district areas, and
    each district area's own key (its districts); the county's other municipalities, and their
    keys, are not read by AreaGeoImporter and are dropped. Returns the cut-down object."""
    top = json.loads((source / "stockholm" / "omraden_med_befolkning.json").read_text(encoding="utf-8"))
    county_keys = [k for k in top if COUNTY_KEY_HINT in k.lower()]
    if len(county_keys) != 1:
        raise SystemExit(f"expected one county key containing '{COUNTY_KEY_HINT}', found {county_keys}")
    county_key = county_keys[0]
    county = dict(top[county_key])
    county["features"] = [f for f in top[county_key]["features"]
                          if code_text(f["properties"].get("omr_kod")).startswith(DISTRICT_AREA_PREFIX)]
    out = {county_key: county}
    for f in county["features"]:
        name = f["properties"]["omr_namn"].strip()  # AreaGeoImporter looks up top[name], trimmed
        if name not in top:
            raise SystemExit(f"district area {name!r} has no key of its own in the source")
        out[name] = dict(top[name])
        out[name]["features"] = list(top[name]["features"])
    return out


def derive_stadsdelar(source, tolerance, district_areas):
    """The city's district polygons: all features, properties as they are, shapes simplified so
    that each one's representative point stays in the same (source) district area. Returns the
    stats and the simplified shapes' representative points."""
    top = json.loads((source / "stockholm" / "stadsdelar.geo.json").read_text(encoding="utf-8"))
    features = [dict(f) for f in top["features"]]
    placed = [placement(district_areas, representative_point(polygons_of(f["geometry"]))) for f in features]

    def moved(shapes):
        return [(n, None) for n, shape in enumerate(shapes)
                if placement(district_areas, representative_point(shape)) != placed[n]]

    stats = simplify_collection(features, tolerance, moved)
    out = dict(top)
    out["features"] = features
    write_json(OUT / "districts.geo.json", out)
    return stats, [representative_point(polygons_of(f["geometry"])) for f in features]


def derive_omraden(out, tolerance, points):
    """Simplifies and writes the cut-down Folkhälsokollen object. Every kept feature is simplified
    together, so district areas and their districts keep sharing borders; each district area must
    contain exactly the same of `points` (the districts' representative points) as in the source."""
    county = next(iter(out.values()))["features"]
    features = [dict(f) for collection in out.values() for f in collection["features"]]
    sources = [polygons_of(f["geometry"]) for f in county]
    inside = [[shape_contains(shape, p) for p in points] for shape in sources]

    def changed(shapes):  # the district areas come first in `features`
        return [(n, p) for n in range(len(county)) for k, p in enumerate(points)
                if shape_contains(shapes[n], p) != inside[n][k]]

    stats = simplify_collection(features, tolerance, changed)
    simplified = iter(features)
    for collection in out.values():
        collection["features"] = [next(simplified) for _ in collection["features"]]
    write_json(OUT / "district-areas.json", out)
    return stats


def read_csv_text(path):
    """(text without BOM, whether there was a BOM, the line end of the first line)."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
    first = text.split("\n", 1)[0]
    return text, bom, "\r\n" if first.endswith("\r") else "\n"


def write_csv(path, header, rows, bom, line_end):
    """Comma-separated like the sources: quotes only where a field needs them, `""` inside."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return len(rows)


def derive_election(source):
    """Valmyndigheten: Stockholm's voting districts (KOMMUNKOD 180) in a table of our own, the
    code, name, voters and those entitled to vote, values as written."""
    text, _, _ = read_csv_text(source / "valmyndigheten" / "kommun_2022.csv")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    index = [header.index(c) for c in ELECTION_COLUMNS]
    rows = [[row[i] for i in index] for row in reader
            if row and row[header.index("KOMMUNKOD")] == STOCKHOLM_MUNICIPALITY]
    return write_csv(OUT / "turnout-2022.csv", EXTRACT_ELECTION_HEADER, rows, False, "\n")


def derive_scb(source):
    """SCB: the area type of each `Stockholm (…)` area, as the area's name and its type."""
    text, _, _ = read_csv_text(source / "scb" / "regso_socioekonomisk_index_2022.csv")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    rows = [[row[0][len(SCB_PREFIX):].rstrip(")"), row[1]] for row in reader
            if row and row[0].startswith(SCB_PREFIX)]
    return write_csv(OUT / "area-types-2022.csv", EXTRACT_SCB_HEADER, rows, False, "\n")


def main():
    global OUT  # --out replaces the default
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(REPO / ".." / "shared" / "data"),
                        help="the full public data folder (default: ../shared/data from the repository root)")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE,
                        help=f"Douglas–Peucker tolerance in degrees (default {TOLERANCE})")
    parser.add_argument("--out", default=str(OUT), help="where to write (default: the demo's extract folder)")
    args = parser.parse_args()
    OUT = Path(args.out).resolve()
    source = Path(args.source).resolve()
    if not (source / "stockholm" / "omraden_med_befolkning.json").exists():
        raise SystemExit(f"no public data at {source} (expected stockholm/omraden_med_befolkning.json there)")

    # The districts of stadsdelar.geo.json first, placed in the source's district areas; then the
    # district areas, simplified so that they still contain the same districts' points.
    omraden = read_omraden(source)
    district_areas = [polygons_of(f["geometry"]) for f in next(iter(omraden.values()))["features"]]
    stadsdelar, points = derive_stadsdelar(source, args.tolerance, district_areas)
    for name, stats in [("district-areas.json", derive_omraden(omraden, args.tolerance, points)),
                        ("districts.geo.json", stadsdelar)]:
        before, after, dropped, lowered = stats
        print(f"{name}: {before} -> {after} positions, {dropped} collapsed rings dropped,"
              f" {lowered} arcs with a lower tolerance (to keep rings valid and districts placed)")
    print(f"turnout-2022.csv: {derive_election(source)} voting districts of KOMMUNKOD {STOCKHOLM_MUNICIPALITY}")
    print(f"area-types-2022.csv: {derive_scb(source)} areas `{SCB_PREFIX}…)`")

    total = 0
    for path in sorted(p for p in OUT.rglob("*") if p.is_file()):
        size = path.stat().st_size
        total += size
        print(f"{size / 1024:8.1f} KB  {path.relative_to(REPO) if REPO in path.parents else path}")
    print(f"{total / 1024:8.1f} KB  in all (tolerance {args.tolerance}°, {DECIMALS} decimals)")


if __name__ == "__main__":
    sys.exit(main())
