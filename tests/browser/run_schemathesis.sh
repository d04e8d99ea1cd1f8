#!/usr/bin/env bash
# API fuzzing: schemathesis against /api/v1/openapi.json on a running server with the demo
# data. The gate: no server error, no response that contradicts the document.
#   SKILLNAD_BIN=path/to/skillnad bash tests/browser/run_schemathesis.sh
set -euo pipefail
BIN=${SKILLNAD_BIN:?SKILLNAD_BIN must name the skillnad binary}
PY=${PYTHON:-python3}
MAX_EXAMPLES=${MAX_EXAMPLES:-60}
WORK=$(mktemp -d)
"$BIN" demo --db "$WORK/fuzz.sqlite" </dev/null >/dev/null
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --db "$WORK/fuzz.sqlite" --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
SCHEMATHESIS=${SCHEMATHESIS:-schemathesis}
"$SCHEMATHESIS" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --workers 2 \
  --seed 20261121 \
  --suppress-health-check all
