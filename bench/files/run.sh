#!/usr/bin/env bash
# Files search benchmark: the JDK's own sources (lib/src.zip, ~15k files) uploaded as
# a project through POST /archive, then a fixed set of queries through GET /search (curl) and
# through grep -rn and git grep on the same extracted tree, in the same run. Prints p50/p99 per
# tool and query, the ratios, the import time, the index build time from disk and its size.
#
#   bench/files/run.sh                 # RUNS=20 GREP_RUNS=5 PORT=18090 SRC_ZIP=$JAVA_HOME/lib/src.zip
#
# Traffic goes to 127.0.0.1 only. The server is ./vaporform with a temporary VAPORFORM_HOME.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/scripts/java-home.sh"
RUNS="${RUNS:-20}"; GREP_RUNS="${GREP_RUNS:-5}"; PORT="${PORT:-18090}"; BASE="http://127.0.0.1:$PORT"
SRC_ZIP="${SRC_ZIP:-$JAVA_HOME/lib/src.zip}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
[[ -f "$SRC_ZIP" ]] || { echo "no $SRC_ZIP: set SRC_ZIP to the JDK's lib/src.zip" >&2; exit 1; }

WORK="$(mktemp -d)"; SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export VAPORFORM_HOME="$WORK/home" SERVER_PORT=$PORT
# The JDK's sources are bigger than the defaults of a small project allow for nothing: raise what they need.
export VAPORFORM_FILES_MAX_ARCHIVE_SIZE=200MB VAPORFORM_FILES_MAX_PROJECT_SIZE=2GB

start_server() {
  ./vaporform >"$OUT/files-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && return; sleep 0.1; done
  echo "server did not become ready; see $OUT/files-server.log" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_server
REGISTERED=$(curl -s "$BASE/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"files-bench@vaporform.dev","password":"Quartz-lantern-harbor-7-grep!","name":"Bench"}')
TOKEN=$(echo "$REGISTERED" | json "['accessToken']") || { echo "register failed: $REGISTERED" >&2; exit 1; }
PROJECT=$(curl -sf "$BASE/api/projects" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"name":"jdk-sources"}' | json "['id']")
AUTH="authorization: Bearer $TOKEN"

T0=$(now_ms)
FILES=$(curl -sf "$BASE/api/projects/$PROJECT/archive" -H "$AUTH" -H 'content-type: application/zip' \
  --data-binary "@$SRC_ZIP" | json "['files']")
T1=$(now_ms)
curl -sf "$BASE/api/projects/$PROJECT/search?q=warmup" -H "$AUTH" -o "$WORK/warm.json"
IMPORT_MS=$((T1 - T0)); READY_MS=$(( $(now_ms) - T0 ))

# Index build from disk alone: restart without the index, time the first search (which rebuilds it).
stop_server
rm -rf "$VAPORFORM_HOME/index/$PROJECT"
start_server
T0=$(now_ms)
curl -sf "$BASE/api/projects/$PROJECT/search?q=warmup" -H "$AUTH" -o "$WORK/warm.json"
BUILD_MS=$(( $(now_ms) - T0 ))
sleep 6 # the index commits every 5 s; measure it on disk after that
INDEX_BYTES=$(du -sb "$VAPORFORM_HOME/index/$PROJECT" | cut -f1)
TREE_BYTES=$(du -sb "$VAPORFORM_HOME/projects/$PROJECT" | cut -f1)

TREE="$WORK/tree"; mkdir -p "$TREE"; (cd "$TREE" && unzip -q "$SRC_ZIP")
HAVE_GIT=0
if command -v git >/dev/null; then
  HAVE_GIT=1
  (cd "$TREE" && git init -q && git add -A && git -c user.email=b@b -c user.name=b commit -qm tree)
fi

# name | query string for the API | grep options and pattern
QUERIES=(
  "selective identifier|q=ConcurrentSkipListMap|-i -F ConcurrentSkipListMap"
  "rare identifier|q=MethodHandleNatives.linkCallSite|-i -F MethodHandleNatives.linkCallSite"
  "case-sensitive|q=ArrayDeque&caseSensitive=true|-F ArrayDeque"
  "regex|q=new%5Cs%2BConcurrentHashMap%3C&regex=true|-i -E new[[:space:]]+ConcurrentHashMap<"
  "common word (limit 100)|q=synchronized|-i -F synchronized"
  "common word (limit 1000)|q=synchronized&limit=1000|-i -F synchronized"
)

percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; print a[i]}'; }
time_api() { # query -> one line of milliseconds per run; last hits count in $WORK/api.count
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o "$WORK/api.json" -w '%{time_total}\n' "$BASE/api/projects/$PROJECT/search?$1" -H "$AUTH" \
      | awk '{printf "%.2f\n", $1*1000}'
  done
  python3 -c "import json; d=json.load(open('$WORK/api.json')); print(len(d['hits']), d['truncated'])" >"$WORK/api.count"
}
time_cmd() { # dir command... -> milliseconds per run; output lines in $WORK/cmd.count
  local dir=$1; shift
  for _ in $(seq 1 "$GREP_RUNS"); do
    local s=$(date +%s%N)
    (cd "$dir" && "$@" >"$WORK/cmd.out" || true)
    echo $(( ($(date +%s%N) - s) / 1000 )) | awk '{printf "%.2f\n", $1/1000}'
  done
  wc -l <"$WORK/cmd.out" >"$WORK/cmd.count"
}

# Floors: an authenticated API call that searches nothing, and a search with no candidate at all.
for _ in $(seq 1 "$RUNS"); do curl -s -o "$WORK/p.json" -w '%{time_total}\n' "$BASE/api/projects/$PROJECT" -H "$AUTH"; done \
  | awk '{printf "%.2f\n", $1*1000}' >"$WORK/floor.ms"
time_api "q=zqxjkvbwpf" >"$WORK/nomatch.ms"

REPORT="$OUT/files-results.md"
{
  echo "Floors: GET /api/projects/{id} p50 $(percentile 50 <"$WORK/floor.ms") ms; a search matching no file p50 $(percentile 50 <"$WORK/nomatch.ms") ms."
  echo
  echo "| query | API p50 ms | API p99 ms | API hits | grep -rn p50 ms | grep p99 ms | grep lines | × grep (p50) | git grep p50 ms | × git grep (p50) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$REPORT"
for entry in "${QUERIES[@]}"; do
  IFS='|' read -r name api grepargs <<<"$entry"
  read -r -a gargs <<<"$grepargs"
  time_api "$api" >"$WORK/api.ms"; api_hits=$(cat "$WORK/api.count")
  time_cmd "$TREE" grep -rn --exclude-dir=.git "${gargs[@]}" . >"$WORK/grep.ms"; grep_lines=$(cat "$WORK/cmd.count")
  gg50="n/a"; ggx="n/a"
  if [[ $HAVE_GIT == 1 ]]; then
    time_cmd "$TREE" git grep -n "${gargs[@]}" >"$WORK/gitgrep.ms"; gg50=$(percentile 50 <"$WORK/gitgrep.ms")
  fi
  a50=$(percentile 50 <"$WORK/api.ms"); a99=$(percentile 99 <"$WORK/api.ms")
  g50=$(percentile 50 <"$WORK/grep.ms"); g99=$(percentile 99 <"$WORK/grep.ms")
  gx=$(awk -v g="$g50" -v a="$a50" 'BEGIN {printf "%.1f", g/a}')
  [[ $gg50 != "n/a" ]] && ggx=$(awk -v g="$gg50" -v a="$a50" 'BEGIN {printf "%.1f", g/a}')
  echo "| $name | $a50 | $a99 | $api_hits | $g50 | $g99 | $grep_lines | $gx | $gg50 | $ggx |" >>"$REPORT"
done
{
  echo
  echo "- files imported: $FILES ($(( TREE_BYTES / 1048576 )) MiB on disk); import request (upload, checks, extraction, versions, index): ${IMPORT_MS} ms; searchable after ${READY_MS} ms"
  echo "- index build from disk alone (restart without the index, first search): ${BUILD_MS} ms"
  echo "- index size on disk: $(( INDEX_BYTES / 1048576 )) MiB ($(awk -v i="$INDEX_BYTES" -v t="$TREE_BYTES" 'BEGIN {printf "%.0f", 100*i/t}') % of the tree)"
  echo "- runs: API $RUNS per query (curl, one connection at a time), grep and git grep $GREP_RUNS each; page cache warm for all"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r); $(date -u +%Y-%m-%d)"
  echo "- tools: $(grep --version | head -1); $(git --version 2>/dev/null || echo 'no git'); JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
} >>"$REPORT"
cat "$REPORT"
