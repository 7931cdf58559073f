#!/usr/bin/env bash
# Soak test: two Vaporform nodes on one PostgreSQL (node a's embedded one) and one Redis
# (the redis-server binary embedded-redis ships), sharing keys, projects and blobs like the
# deploy/ set-ups; a shared project with a running workspace; then bench/soak/Soak.java runs
# USERS simulated users for DURATION seconds against both nodes, sampling heap and open file
# descriptors every SAMPLE seconds. Prints the table for bench/RESULTS.md.
#   bench/soak/run.sh        # DURATION=600 USERS=20 SAMPLE=30 THINK=1000 PORT_A=18101 PORT_B=18102
# With floods: abusive tenants flood the nodes beside the normal users in alternate phases of
# DURATION seconds each, and the tables compare the normal users with floods and without:
#   FLOODS=on DURATION=120 bench/soak/run.sh   # PHASES=off,on,off,on WARMUP=30 GAP=15
#   FLOODS=search,import ...                   # only some floods (login, register, search, import)
#   FLOODS=on PHASES=off,search,off,import ... # a phase named after a flood runs that flood alone
# (flood sizes: see Soak.java's Floods). Each node's actuator listens on a management port of its
# own, MGMT_PORT_A and MGMT_PORT_B (PORT_A + 10, PORT_B + 10) on 127.0.0.1, scraped there for the samples.
# Loopback only; bounded by DURATION per phase (plus start-up, gaps and a 30 s wind-down).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source scripts/java-home.sh
DURATION="${DURATION:-600}"; USERS="${USERS:-20}"; SAMPLE="${SAMPLE:-30}"; THINK="${THINK:-1000}"
PORT_A="${PORT_A:-18101}"; PORT_B="${PORT_B:-18102}"; REDIS_PORT="${REDIS_PORT:-18179}"
MGMT_PORT_A="${MGMT_PORT_A:-$((PORT_A + 10))}"; MGMT_PORT_B="${MGMT_PORT_B:-$((PORT_B + 10))}"
# the image workspaces get; the slim test image where the full one was never built
if [[ -z "${WORKSPACE_IMAGE:-}" ]]; then
  WORKSPACE_IMAGE=vaporform/workspace:bookworm
  docker image inspect "$WORKSPACE_IMAGE" >/dev/null 2>&1 || WORKSPACE_IMAGE=vaporform/workspace-test:latest
fi
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
WORK="$(mktemp -d)"; PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  docker ps -aq --filter label=dev.vaporform.project="${PROJECT:-none}" | xargs -r docker rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# the same jar ./vaporform runs; BUILD=0 reuses the one built last
[[ "${BUILD:-1}" == 0 ]] || ./mvnw -q -B -pl server -am package -DskipTests >/dev/null
REDIS_JAR="$(ls ~/.m2/repository/com/github/codemonstur/embedded-redis/*/embedded-redis-*.jar | tail -1)"
(cd "$WORK" && unzip -qo "$REDIS_JAR" redis-server-6.2.6-v5-linux-amd64 && chmod +x redis-server-6.2.6-v5-linux-amd64)
"$WORK/redis-server-6.2.6-v5-linux-amd64" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$OUT/soak-redis.log" 2>&1 &
PIDS+=($!)

mkdir -p "$WORK/a" "$WORK/b" "$WORK/shared"/{keys,projects,blobs}
for d in keys projects blobs; do ln -s "$WORK/shared/$d" "$WORK/a/$d"; ln -s "$WORK/shared/$d" "$WORK/b/$d"; done
ready() { for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return 0; sleep 0.2; done; echo "node on $1 not ready" >&2; exit 1; }
# a node that runs out of heap leaves a dump (bench/out/java_pid*.hprof) to find what held it
JAVA_RUN=("$JAVA_HOME/bin/java" -Xmx1g -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$OUT" -jar server/target/vaporform.jar)
export MANAGEMENT_SERVER_ADDRESS=127.0.0.1 VAPORFORM_CONTAINERS_DEFAULT_IMAGE="$WORKSPACE_IMAGE"
VAPORFORM_HOME="$WORK/a" SERVER_PORT=$PORT_A MANAGEMENT_SERVER_PORT=$MGMT_PORT_A REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
  "${JAVA_RUN[@]}" >"$OUT/soak-node-a.log" 2>&1 &
PIDS+=($!); NODE_A=$!; ready "$MGMT_PORT_A"
PG_PORT="$(grep -o 'Embedded PostgreSQL ready on port [0-9]*' "$OUT/soak-node-a.log" | grep -o '[0-9]*$')"
VAPORFORM_HOME="$WORK/b" SERVER_PORT=$PORT_B MANAGEMENT_SERVER_PORT=$MGMT_PORT_B REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USERNAME=postgres DATABASE_PASSWORD=postgres \
  "${JAVA_RUN[@]}" >"$OUT/soak-node-b.log" 2>&1 &
PIDS+=($!); NODE_B=$!; ready "$MGMT_PORT_B"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
A="http://127.0.0.1:$PORT_A"
ADMIN=$(curl -sf "$A/api/auth/register" -H 'content-type: application/json' -H 'x-forwarded-for: 198.51.100.251' \
  -d '{"email":"soak-admin@vaporform.test","password":"Qv7!orbit-Lantern-5531-mesa","name":"Admin"}' | json "['accessToken']")
PROJECT=$(curl -sf "$A/api/projects" -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' -d '{"name":"soak"}' | json "['id']")
curl -sf -X PUT "$A/api/projects/$PROJECT/files/README.md" -H "authorization: Bearer $ADMIN" -H 'content-type: text/plain' \
  --data-binary $'# Soak\nThe soak test project: words to search for, soak soak.\n' >/dev/null
curl -sf -X POST "$A/api/projects/$PROJECT/workspace/start" -H "authorization: Bearer $ADMIN" >/dev/null \
  || echo "workspace did not start: exec actions will count as errors" >&2

# HISTOGRAM_EVERY=N: each node's live-heap histogram every N seconds (a full GC each, so it perturbs
# the figures: for finding what grows, not for the numbers), appended to bench/out/soak-growth-{a,b}.txt
if [[ -n "${HISTOGRAM_EVERY:-}" ]]; then
  rm -f "$OUT"/soak-growth-{a,b}.txt
  (while sleep "$HISTOGRAM_EVERY"; do
    for node in a b; do
      pid=NODE_${node^^}
      { echo "== $(date -u +%T)"; timeout 60 "$JAVA_HOME/bin/jcmd" "${!pid}" GC.class_histogram 2>/dev/null | sed -n 1,40p; } >>"$OUT/soak-growth-$node.txt"
    done
  done) &
  PIDS+=($!)
fi
echo "Soak: $USERS users, ${DURATION}s per phase, FLOODS=${FLOODS:-off} PHASES=${PHASES:-default}, two nodes ($PORT_A, $PORT_B), workspace image $WORKSPACE_IMAGE, $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Xmx512m bench/soak/Soak.java "$DURATION" "$USERS" "$SAMPLE" "$THINK" "$PROJECT" "$ADMIN" \
  "$A,http://127.0.0.1:$MGMT_PORT_A" "http://127.0.0.1:$PORT_B,http://127.0.0.1:$MGMT_PORT_B"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# what fills each node's heap at the end (a full GC each, taken after the measurement)
for node in a b; do
  pid=NODE_${node^^}
  "$JAVA_HOME/bin/jcmd" "${!pid}" GC.class_histogram 2>/dev/null | head -30 >"$OUT/soak-histogram-$node.txt" || true
done
echo "heap histograms: $OUT/soak-histogram-{a,b}.txt"
