#!/usr/bin/env python3
"""Writes the README's example files from the demo's own extract of the 2022 election
(Sources/App/Resources/Demo/extract/turnout-2022.csv, Valmyndigheten's figures for Stockholm's
voting districts): the same numbers as a PC-Axis file and as JSON-stat 2.0.

    python3 docs/examples/make-examples.py
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "Sources", "App", "Resources", "Demo", "extract", "turnout-2022.csv")

with open(SOURCE, encoding="utf-8") as f:
    rows = []
    seen = {}
    # The early votes not allocated to a district come as several rows of one code: one here.
    for row in csv.DictReader(f):
        if row["valdistriktskod"] in seen:
            first = seen[row["valdistriktskod"]]
            for key in ("röstande", "röstberättigade"):
                first[key] = str(int(first[key]) + int(row[key]))
        else:
            seen[row["valdistriktskod"]] = row
            rows.append(row)
codes = [r["valdistriktskod"] for r in rows]
names = [r["valdistrikt"] for r in rows]


def quoted(values):
    return ",".join('"' + v.replace('"', "'") + '"' for v in values)


# PC-Axis: voting districts in the stub, contents in the heading; ISO-8859-1 as SCB writes it.
lines = [
    'CHARSET="ANSI";',
    'CODEPAGE="iso-8859-1";',
    'LANGUAGE="sv";',
    'MATRIX="VAL2022";',
    'SUBJECT-CODE="ME";',
    'SUBJECT-AREA="Demokrati";',
    'TITLE="Röstande och röstberättigade i kommunvalet efter valdistrikt";',
    'CONTENTS="Röstande och röstberättigade";',
    'UNITS="antal";',
    'STUB="valdistrikt";',
    'HEADING="tabellinnehåll","år";',
    'CONTVARIABLE="tabellinnehåll";',
    f'VALUES("valdistrikt")={quoted(names)};',
    f'CODES("valdistrikt")={quoted(codes)};',
    'VALUES("tabellinnehåll")="Röstande","Röstberättigade";',
    'VALUES("år")="2022";',
    'TIMEVAL("år")=TLIST(A1),"2022";',
    'SOURCE="Valmyndigheten";',
    "DATA=",
]
lines += [f'{r["röstande"]} {r["röstberättigade"]}' for r in rows]
lines[-1] += ";"
with open(os.path.join(HERE, "valdeltagande-2022.px"), "w", encoding="iso-8859-1", newline="\r\n") as f:
    f.write("\n".join(lines) + "\n")

# JSON-stat 2.0 as the PxWeb API answers: ContentsCode is the metric, Tid the time.
values = []
for r in rows:
    values += [int(r["röstande"]), int(r["röstberättigade"])]
dataset = {
    "class": "dataset", "version": "2.0", "label": "Röstande och röstberättigade i kommunvalet",
    "source": "Valmyndigheten",
    "id": ["Region", "ContentsCode", "Tid"], "size": [len(rows), 2, 1],
    "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
    "dimension": {
        "Region": {"label": "valdistrikt", "category": {
            "index": {c: i for i, c in enumerate(codes)}, "label": dict(zip(codes, names))}},
        "ContentsCode": {"label": "tabellinnehåll", "category": {
            "index": ["ME01", "ME02"], "label": {"ME01": "Röstande", "ME02": "Röstberättigade"}}},
        "Tid": {"label": "år", "category": {"index": ["2022"]}},
    },
    "value": values,
}
with open(os.path.join(HERE, "valdeltagande-2022.json"), "w", encoding="utf-8") as f:
    json.dump(dataset, f, ensure_ascii=False)
