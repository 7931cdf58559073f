#!/usr/bin/env bash
# Collaboration benchmark (issue 5): ShareDB-protocol clients against /ws/collab of a server on
# its embedded defaults (one node, fresh data directory), in one run:
#   (a) 50 clients typing into 1 document;  (b) 1,000 documents with 5 clients each, both closed
#   loop (one op in flight per client, the next sent on its ack: the server's ceiling), and (b) at a
#   typist's pace (PACE ops/s per client). Prints acked ops/s and ack latency p50/p99.
# With SHAREDB=1 the same load then runs against ShareDB 7 (in-memory database, Node) on SHAREDB_PORT.
#   bench/collab/run.sh        # WARMUP=5 MEASURE=20 PORT=18082 PACE=0.5 SHAREDB=1 SHAREDB_PORT=18083
# Traffic goes to 127.0.0.1 only; each scenario is bounded by WARMUP + MEASURE seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source scripts/java-home.sh
WARMUP="${WARMUP:-5}"; MEASURE="${MEASURE:-20}"; PORT="${PORT:-18082}"; PACE="${PACE:-0.5}"
SHAREDB="${SHAREDB:-1}"; SHAREDB_PORT="${SHAREDB_PORT:-18083}"
BASE="http://127.0.0.1:$PORT"; OUT="$ROOT/bench/out"; mkdir -p "$OUT"

HOME_DIR="$(mktemp -d)"; SERVER_PID=""; NODE_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$NODE_PID" ]] && kill "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT
# 5,000 sockets of one user and a burst of subscriptions: the per-user limits are raised for the bench.
VAPORFORM_HOME="$HOME_DIR" SERVER_PORT=$PORT VAPORFORM_COLLAB_MAX_CONNECTIONS_PER_USER=100000 \
  ./vaporform >"$OUT/collab-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf "$BASE/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@vaporform.test","password":"Collab-load-passphrase-42!","name":"Bench"}' | json "['accessToken']")
PROJECT=$(curl -sf "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"name":"collab-bench"}' | json "['id']")
load() { "$JAVA_HOME/bin/java" -Xmx2g bench/collab/CollabLoad.java "$URL" "$TOKEN" "$PROJECT" "$1" "$2" "$WARMUP" "$MEASURE" "${3:-0}"; }
scenarios() {
  echo "$1 (a) 50 clients x 1 document:    $(load 1 50)"
  echo "$1 (b) 1,000 documents x 5 clients: $(load 1000 5)"
  echo "$1 (b) 1,000 documents x 5 clients: $(load 1000 5 "$PACE")"
  echo "$1 load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

URL="ws://127.0.0.1:$PORT/ws/collab"
scenarios vaporform
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

if [[ "$SHAREDB" == 1 ]]; then
  [[ -d server/src/test/node/collab/node_modules/sharedb ]] || (cd server/src/test/node/collab && sh install.sh)
  NODE_PATH=server/src/test/node/collab/node_modules node bench/collab/sharedb-server.js "$SHAREDB_PORT" >"$OUT/collab-sharedb.log" 2>&1 &
  NODE_PID=$!
  for _ in $(seq 1 100); do grep -q listening "$OUT/collab-sharedb.log" && break; sleep 0.1; done
  URL="ws://127.0.0.1:$SHAREDB_PORT/ws/collab"; TOKEN=none; PROJECT=sharedb
  scenarios "sharedb@7"
fi
