#!/usr/bin/env python3
"""Independent reference for Sources/SkillnadCore/Disparity.swift (ojämlikhetsmått).

DisparityTests runs this script and compares every measure with the Swift result to 1e-9
relative. It is written from the formulas in the WHO Health Equity Assessment Toolkit (HEAT)
technical notes, not from the Swift code: numpy does the sums, the weighted regression is a
least-squares solve (numpy.linalg.lstsq) instead of the closed form, the trend uses
numpy.polyfit, and the voter-turnout file is read with Python's csv module.

Reads one JSON request on stdin:
  {"disparity": [case, ...], "trend": [{"name": str, "values": [number|null, ...]}, ...]}
where a case is either
  {"name": str, "direction": "higherIsBetter"|"lowerIsBetter",
   "values": [number, ...], "weights": [number|null, ...]|null, "rankBy": [number|null, ...]|null}
or, for real data,
  {"name": str, "direction": ..., "turnoutCSV": path, "kommunkod": "180"}
(turnout per voting district = 100 * ANTAL RÖSTANDE / ANTAL RÖSTBERÄTTIGADE, weight = ANTAL
RÖSTBERÄTTIGADE, districts with no eligible voters skipped).

Writes {"disparity": {name: result}, "trend": {name: result}} on stdout, null where a measure is
undefined. Exits 3 with a message on stderr when numpy is missing.
"""
import csv
import json
import math
import sys

try:
    import numpy as np
except ImportError:
    sys.stderr.write("disparity_reference.py needs numpy: install it (pip install numpy or apt-get install python3-numpy)\n")
    sys.exit(3)


def turnout_case(path, kommunkod):
    values, weights, ids = [], [], []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["KOMMUNKOD"].strip() != kommunkod:
                continue
            eligible = float(row["ANTAL RÖSTBERÄTTIGADE"])
            voters = float(row["ANTAL RÖSTANDE"])
            if eligible <= 0:
                continue
            ids.append(row["VALDISTRIKTSKOD"])
            values.append(100.0 * voters / eligible)
            weights.append(eligible)
    return ids, values, weights


def m(value, weighted):
    if value is None or not math.isfinite(value):
        return None
    return {"value": float(value), "weighted": bool(weighted)}


def disparity(values, weights, rank_by, direction):
    y_all = np.array([np.nan if v is None else v for v in values], dtype=float)
    keep = np.isfinite(y_all)
    y = y_all[keep]
    n = y.size
    w = None
    if weights is not None:
        w_all = np.array([np.nan if v is None else v for v in weights], dtype=float)[keep]
        if n > 0 and np.all(np.isfinite(w_all)) and np.all(w_all > 0):
            w = w_all
    weighted = w is not None
    p = w / w.sum() if weighted else np.full(n, 1.0 / max(n, 1))
    higher = direction == "higherIsBetter"
    out = {"areaCount": int(n), "weighted": weighted}
    names = ["mean", "difference", "ratio", "betweenGroupVariance", "betweenGroupStandardDeviation",
             "coefficientOfVariation", "meanDifferenceFromMeanWeighted", "meanDifferenceFromMeanUnweighted",
             "indexOfDisparity", "indexOfDisparityWeighted", "theilIndex", "meanLogDeviation",
             "slopeIndexOfInequality", "relativeIndexOfInequality"]
    for k in names:
        out[k] = None
    out["best"] = out["worst"] = out["ranking"] = None
    if n == 0:
        return out
    # best / worst: first occurrence in input order (argmax/argmin return the first)
    best = int(np.argmax(y)) if higher else int(np.argmin(y))
    worst = int(np.argmin(y)) if higher else int(np.argmax(y))
    out["best"] = float(y[best])
    out["worst"] = float(y[worst])
    mu = float(np.dot(p, y))
    out["mean"] = m(mu, weighted)
    if n < 2:
        return out
    hi, lo = float(y.max()), float(y.min())
    out["difference"] = m(abs(y[best] - y[worst]), False)
    out["ratio"] = m(hi / lo, False) if lo > 0 else None
    dev = y - mu
    bgv = float(np.sum(p * dev ** 2))
    out["betweenGroupVariance"] = m(bgv, weighted)
    out["betweenGroupStandardDeviation"] = m(math.sqrt(bgv), weighted)
    mdmw = float(np.sum(p * np.abs(dev)))
    mdmu = float(np.mean(np.abs(dev)))
    out["meanDifferenceFromMeanWeighted"] = m(mdmw, weighted)
    out["meanDifferenceFromMeanUnweighted"] = m(mdmu, weighted)
    if mu > 0:
        out["coefficientOfVariation"] = m(math.sqrt(bgv) / mu * 100, weighted)
        out["indexOfDisparity"] = m(100.0 / n * np.sum(np.abs(dev)) / mu, weighted)
        out["indexOfDisparityWeighted"] = m(100.0 * np.sum(p * np.abs(dev)) / mu, weighted)
    if np.all(y > 0):
        r = y / mu
        out["theilIndex"] = m(float(np.sum(p * r * np.log(r))), weighted)
        out["meanLogDeviation"] = m(float(np.sum(p * -np.log(r))), weighted)

    # SII / RII: rank worst-off first, ridit = midpoint of cumulative population share
    ranks = None
    if rank_by is not None:
        rk = np.array([np.nan if v is None else v for v in rank_by], dtype=float)[keep]
        if np.all(np.isfinite(rk)):
            ranks, out["ranking"] = rk, "rankingVariable"
        elif np.all(~np.isfinite(rk)):
            ranks = None
        else:
            return out  # partial ranking: undefined
    if ranks is None:
        ranks, out["ranking"] = (y if higher else -y), "indicator"
    levels, group = np.unique(ranks, return_inverse=True)  # sorted ascending = worst-off first
    share = np.bincount(group, weights=p, minlength=levels.size)
    upper = np.cumsum(share)
    ridit_of_level = upper - share / 2.0
    x = ridit_of_level[group]
    if np.unique(x).size < 2:
        return out
    sw = np.sqrt(p)
    design = np.column_stack([np.ones(n), x]) * sw[:, None]
    (a, b), *_ = np.linalg.lstsq(design, y * sw, rcond=None)
    out["slopeIndexOfInequality"] = m(float((a + b) - a), weighted)
    if a > 0 and a + b > 0:
        out["relativeIndexOfInequality"] = m(float((a + b) / a), weighted)
    return out


def trend(values):
    t = np.array([i for i, v in enumerate(values) if v is not None and math.isfinite(v)], dtype=float)
    v = np.array([v for v in values if v is not None and math.isfinite(v)], dtype=float)
    if v.size < 2:
        return {"slope": None, "meanLevel": float(v[0]) if v.size else None}
    slope = float(np.polyfit(t, v, 1)[0])
    return {"slope": slope, "meanLevel": float(v.mean())}


def main():
    request = json.load(sys.stdin)
    result = {"disparity": {}, "trend": {}}
    for case in request.get("disparity", []):
        if "turnoutCSV" in case:
            ids, values, weights = turnout_case(case["turnoutCSV"], case["kommunkod"])
            res = disparity(values, weights, None, case["direction"])
            res["lowest"] = min(values)
            res["highest"] = max(values)
        else:
            res = disparity(case["values"], case.get("weights"), case.get("rankBy"), case["direction"])
        result["disparity"][case["name"]] = res
    for case in request.get("trend", []):
        result["trend"][case["name"]] = trend(case["values"])
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
