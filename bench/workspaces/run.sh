#!/usr/bin/env bash
# Workspace benchmark, in one run on one Docker engine:
#  1. `docker run -d` of the test image with the same hardening flags the server uses, against
#     POST /api/projects/{id}/workspace/start of a fresh project (a new container each time);
#  2. terminal keystroke-to-echo round trip over /ws/terminal on loopback.
#   bench/workspaces/run.sh            # RUNS=10 KEYSTROKES=1000 PORT=18081 IMAGE=vaporform/workspace-test:latest
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source scripts/java-home.sh
RUNS="${RUNS:-10}"; KEYSTROKES="${KEYSTROKES:-1000}"; PORT="${PORT:-18081}"; IMAGE="${IMAGE:-vaporform/workspace-test:latest}"
BASE="http://127.0.0.1:$PORT"; OUT="$ROOT/bench/out"; mkdir -p "$OUT"
docker image inspect "$IMAGE" >/dev/null 2>&1 || scripts/build-test-image.sh "$IMAGE" >/dev/null

HOME_DIR="$(mktemp -d)"; SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  docker ps -aq --filter label=vaporform.bench=1 | xargs -r docker rm -f >/dev/null
  docker ps -aq --filter label=dev.vaporform.managed=true | xargs -r docker rm -f >/dev/null
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT
VAPORFORM_HOME="$HOME_DIR" SERVER_PORT=$PORT VAPORFORM_CONTAINERS_DEFAULT_IMAGE="$IMAGE" \
  VAPORFORM_CONTAINERS_MAX_RUNNING_PER_USER=1000 ./vaporform >"$OUT/workspaces-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf "$BASE/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"measured-quietly-on-two-cores-2026","name":"Bench"}' | json "['accessToken']")
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
new_project() { curl -sf "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"name":"b"}' | json "['id']"; }

# Warm both paths once (image layers, client connections, JIT).
docker run -d --label vaporform.bench=1 "$IMAGE" sleep 1 >/dev/null
P=$(new_project); curl -sf -X POST "$BASE/api/projects/$P/workspace/start" -H "authorization: Bearer $TOKEN" >/dev/null

: >"$OUT/workspaces-start.txt"
for i in $(seq 1 "$RUNS"); do
  DIR="$HOME_DIR/raw-$i"; mkdir -p "$DIR"
  t=$(date +%s%N)
  docker run -d --label vaporform.bench=1 --init --network none --cap-drop ALL \
    --cap-add CHOWN --cap-add DAC_OVERRIDE --cap-add FOWNER --cap-add SETGID --cap-add SETUID \
    --security-opt no-new-privileges:true --pids-limit 512 --memory 2g --memory-swap 2g --cpus 1 \
    -v "$DIR:/workspace" -w /workspace "$IMAGE" /bin/sh -c "trap 'exit 0' TERM; while sleep 1000; do :; done" >/dev/null
  RAW=$(ms "$t")
  P=$(new_project)
  t=$(date +%s%N)
  curl -sf -X POST "$BASE/api/projects/$P/workspace/start" -H "authorization: Bearer $TOKEN" >/dev/null
  API=$(ms "$t")
  echo "$RAW $API" | tee -a "$OUT/workspaces-start.txt"
done

TICKET=$(curl -sf -X POST "$BASE/api/realtime/tickets" -H "authorization: Bearer $TOKEN" | json "['ticket']")
ECHO=$("$JAVA_HOME/bin/java" bench/workspaces/TerminalEcho.java \
  "ws://127.0.0.1:$PORT/ws/terminal?project=$P&session=$(cat /proc/sys/kernel/random/uuid)&ticket=$TICKET" "$KEYSTROKES")

python3 - "$OUT/workspaces-start.txt" "$ECHO" <<'PY'
import sys, statistics
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
raw = sorted(r[0] for r in rows); api = sorted(r[1] for r in rows)
p = lambda xs, q: xs[min(len(xs) - 1, int(len(xs) * q))]
print("| start of a workspace (n=%d) | p50 ms | p90 ms |\n|---|---|---|" % len(rows))
print(f"| docker run -d (same flags) | {statistics.median(raw):.0f} | {p(raw, .9)} |")
print(f"| POST /workspace/start (new container) | {statistics.median(api):.0f} | {p(api, .9)} |")
print(f"| ratio API / docker run | {statistics.median(api) / statistics.median(raw):.2f}x | |")
print("\nterminal keystroke-to-echo over /ws/terminal:", sys.argv[2])
PY
