#!/usr/bin/env bash
# Foundation benchmark: cold and warm start of the server on the embedded defaults,
# then authenticated GET /api/projects/{id} against GET /actuator/health/liveness, interleaved
# in one run with wrk: throughput, p50, p99 and their ratios.
#
#   bench/http/run.sh                 # DURATION=10s ROUNDS=3 CONNECTIONS=32 THREADS=2 PORT=18080 STARTS=5
#
# Start times vary by a second or more from one launch to the next on a small shared machine, so
# STARTS cold starts (each on an empty data directory) and STARTS warm starts (on kept data) are
# timed, alternating, and their median and range reported.
#
# Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only; every run is bounded by
# DURATION x ROUNDS x 2.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-10s}"; ROUNDS="${ROUNDS:-3}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"; STARTS="${STARTS:-5}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source "$ROOT/bench/server.sh"
HOME_DIR="$WORK"; LOG="$OUT/http-server.log"

COLD=(); WARM=()
start_server "$LOG" "$HOME_DIR/data"; stop_server # the kept data the warm starts use
for i in $(seq 1 "$STARTS"); do
  start_server "$LOG" "$HOME_DIR/cold-$i"; COLD+=("$READY_MS"); stop_server; rm -rf "$HOME_DIR/cold-$i"
  start_server "$LOG" "$HOME_DIR/data"; WARM+=("$READY_MS"); stop_server
done
echo "cold starts (ms): ${COLD[*]}; warm starts (ms): ${WARM[*]}" | tee "$OUT/http-starts.txt"
start_server "$LOG" "$HOME_DIR/data"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf "$BASE/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"measured-quietly-on-two-cores-2026","name":"Bench"}' | json "['accessToken']")
PROJECT=$(curl -sf "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"name":"bench"}' | json "['id']")

# wrk --latency prints "50%  1.23ms" … "99%  4.56ms"; normalise to milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.3f", v}'; }
run_wrk() { # label url [header] -> "rps p50 p99 errors"
  local log="$OUT/http-wrk-$1.log"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${3:+-H "$3"} "$2" >"$log"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' "$log" | to_ms)
  errors=$(awk '/Non-2xx/ {print $NF}' "$log"); errors=${errors:-0}
  echo "$rps $p50 $p99 $errors"
}

# Warm both paths up, then interleave so both see the same machine state.
wrk -t1 -c4 -d3s "$BASE/actuator/health/liveness" >/dev/null
wrk -t1 -c4 -d3s -H "Authorization: Bearer $TOKEN" "$BASE/api/projects/$PROJECT" >/dev/null
printf "%-9s %-8s %10s %9s %9s %7s\n" round path req/s p50_ms p99_ms non2xx | tee "$OUT/http-results.txt"
for round in $(seq 1 "$ROUNDS"); do
  read -r l_rps l_p50 l_p99 l_err <<<"$(run_wrk "liveness-$round" "$BASE/actuator/health/liveness")"
  read -r p_rps p_p50 p_p99 p_err <<<"$(run_wrk "project-$round" "$BASE/api/projects/$PROJECT" "Authorization: Bearer $TOKEN")"
  printf "%-9s %-8s %10s %9s %9s %7s\n" "$round" liveness "$l_rps" "$l_p50" "$l_p99" "$l_err" | tee -a "$OUT/http-results.txt"
  printf "%-9s %-8s %10s %9s %9s %7s\n" "$round" project "$p_rps" "$p_p50" "$p_p99" "$p_err" | tee -a "$OUT/http-results.txt"
done

python3 - "$OUT/http-results.txt" "${COLD[*]}" "${WARM[*]}" <<'PY'
import sys, statistics
def starts(arg):
    ms = sorted(int(v) for v in arg.split())
    return f"median {statistics.median(ms) / 1000:.2f} s (range {ms[0] / 1000:.2f}–{ms[-1] / 1000:.2f} s, {len(ms)} starts)"
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:]]
def med(path, col): return statistics.median(float(r[col]) for r in rows if r[1] == path)
live = [med("liveness", c) for c in (2, 3, 4)]
proj = [med("project", c) for c in (2, 3, 4)]
print(f"\ncold start to readiness: {starts(sys.argv[2])}\nwarm start to readiness: {starts(sys.argv[3])}")
print("| endpoint | req/s | p50 ms | p99 ms |\n|---|---|---|---|")
print(f"| GET /actuator/health/liveness | {live[0]:.0f} | {live[1]:.2f} | {live[2]:.2f} |")
print(f"| GET /api/projects/{{id}} (Bearer JWT) | {proj[0]:.0f} | {proj[1]:.2f} | {proj[2]:.2f} |")
print(f"| ratio project / liveness | {proj[0]/live[0]:.2f}x | {proj[1]/live[1]:.2f}x | {proj[2]/live[2]:.2f}x |")
PY
