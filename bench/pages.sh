#!/usr/bin/env bash
# Page throughput against /healthz, measured in the same run: wrk at 64 connections against a
# release build on the demo data. Prints, per route, the median over ROUNDS of requests per
# second and p99 latency, and the ratio of each page's median to /healthz's.
#   bash bench/pages.sh            (ROUNDS=3 DURATION=10s CONNECTIONS=64 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUTES=${ROUTES:-"/healthz /reports/stad-i-samverkan /measures/stad-i-samverkan-4-1-1"}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product skillnad >/dev/null
BIN=$(swift build -c release --show-bin-path)/skillnad
WORK=$(mktemp -d)
DB="$WORK/bench.sqlite"
"$BIN" demo --db "$DB" </dev/null >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --env production --db "$DB" --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
for r in $ROUTES; do curl -sf "http://127.0.0.1:$PORT$r" >/dev/null || { echo "route $r fails"; exit 1; }; done

declare -A RPS P99 ERR
for round in $(seq 1 "$ROUNDS"); do
  for r in $ROUTES; do
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$r")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    RPS[$r]="${RPS[$r]:-} $rps"; P99[$r]="${P99[$r]:-} $p99"; ERR[$r]="${ERR[$r]:-}$errs"
  done
done

python3 - "$ROUTES" <<PY
import sys, statistics
routes = sys.argv[1].split()
rps = {$(for r in $ROUTES; do printf '"%s": "%s", ' "$r" "${RPS[$r]}"; done)}
p99 = {$(for r in $ROUTES; do printf '"%s": "%s", ' "$r" "${P99[$r]}"; done)}
err = {$(for r in $ROUTES; do printf '"%s": "%s", ' "$r" "${ERR[$r]}"; done)}
def ms(s):
    s = s.strip()
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if s.endswith(unit): return float(s[:-len(unit)]) * f
    return float(s)
base = statistics.median(float(x) for x in rps[routes[0]].split())
print(f"wrk -c$CONNECTIONS -t$THREADS -d$DURATION, $ROUNDS rounds, medians (release build, demo data, SQLite)")
print(f"{'route':45} {'req/s':>10} {'p99 ms':>8} {'ratio':>7}  errors")
for r in routes:
    m = statistics.median(float(x) for x in rps[r].split())
    p = statistics.median(ms(x) for x in p99[r].split())
    print(f"{r:45} {m:10.0f} {p:8.2f} {m/base:7.2f}  {err[r].strip() or 'none'}")
PY
