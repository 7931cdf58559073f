#!/usr/bin/env bash
# Disk-change burst benchmark: BURST files written straight into a watched project's directory,
# as a workspace unpacking an archive or installing packages does. Reports how long the watcher's
# rescan took to announce them, how long until every module listener had its delivery (Spring
# Modulith publications complete), how many deliveries failed for want of a pooled connection,
# and the latency of an authenticated GET /api/projects/{id} sampled every 0.5 s meanwhile.
#
#   bench/files/burst.sh                 # BURST=6000 PORT=18091
#
# Traffic goes to 127.0.0.1 only; the run is bounded (300 s for the deliveries, 40 samples).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/scripts/java-home.sh"
BURST="${BURST:-6000}"; PORT="${PORT:-18091}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"; LOG="$OUT/burst-server.log"
source "$ROOT/bench/server.sh"
start_server "$LOG" "$WORK/home"

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
SIGNED_UP="$(curl -s "$BASE/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"burst@example.com","password":"unpacked-6000-files-at-once-1843","name":"Burst"}')"
TOKEN="$(json accessToken <<<"$SIGNED_UP")"
[[ -n "$TOKEN" ]] || { echo "sign-up failed: $SIGNED_UP" >&2; exit 1; }
PROJECT="$(curl -s "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"name":"Burst"}' | json id)"
# A write through the API makes the project watched (as an open IDE does).
curl -sf -o /dev/null -X PUT "$BASE/api/projects/$PROJECT/files/seed.txt" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: application/octet-stream' --data-binary 'seed'
PG_PORT="$(sed -n 's/.*Embedded PostgreSQL ready on port \([0-9]*\).*/\1/p' "$LOG" | head -n 1)"
sleep 1

DIR="$WORK/home/projects/$PROJECT"
for i in $(seq -f '%05g' 0 $((BURST - 1))); do printf 'made in a burst: token%sx\n' "$i" >"$DIR/burst-$i.txt"; done
echo "wrote $BURST files into the project's directory"

( for _ in $(seq 1 40); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE/api/projects/$PROJECT" -H "authorization: Bearer $TOKEN"
    sleep 0.5
  done >"$WORK/latencies.txt" ) &
SAMPLER=$!
"$JAVA_HOME/bin/java" -cp "$(ls server/target/app/lib/postgresql-*.jar | head -n 1)" bench/files/Deliveries.java \
  "$PG_PORT" "$PROJECT" "$BURST" | tee "$OUT/burst.txt"
wait "$SAMPLER"

grep -o 'Rescanned project .*' "$LOG" | sed 's/^/watcher: /' | tee -a "$OUT/burst.txt"
echo "failed deliveries (no pooled connection): $(grep -c 'Connection is not available' "$LOG" || true)" | tee -a "$OUT/burst.txt"
sort -k2 -n "$WORK/latencies.txt" | awk '{ code[$1]++; t[NR] = $2 * 1000 }
  END { printf "GET /api/projects/{id} meanwhile: %d samples, statuses", NR; for (c in code) printf " %s×%d", c, code[c];
        printf ", p50 %.0f ms, max %.0f ms\n", t[int((NR + 1) / 2)], t[NR] }' | tee -a "$OUT/burst.txt"
