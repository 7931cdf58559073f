# Sourced by the bench scripts: a ./vaporform server on 127.0.0.1:$PORT for the run, cleaned up at
# exit. Set PORT and OUT before sourcing. Gives BASE, WORK (a scratch directory removed at exit),
# start_server LOG DATA-DIR (sets SERVER_PID, and READY_MS: milliseconds from launch to readiness)
# and stop_server. The exit trap keeps the script's own status (the killed server's 143 is not the
# run's).
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"; SERVER_PID=""
bench_cleanup() {
  local status=$?
  if [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; then wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap bench_cleanup EXIT
if curl -sf "$BASE/actuator/health/liveness" >/dev/null; then echo "port $PORT is already in use" >&2; exit 1; fi

# Build and prepare the start-up caches outside any measured start (bounded by timeout in any case).
VAPORFORM_PREPARE_ONLY=true timeout 900 ./vaporform

start_server() { # start_server LOG DATA-DIR
  local start; start=$(date +%s%N)
  VAPORFORM_HOME="$2" SERVER_PORT=$PORT ./vaporform >"$1" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 2400); do # two minutes at most
    if curl -sf "$BASE/actuator/health/readiness" >/dev/null; then READY_MS=$(( ($(date +%s%N) - start) / 1000000 )); return; fi
    sleep 0.05
  done
  echo "server did not become ready; see $1" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
