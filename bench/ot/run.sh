#!/usr/bin/env bash
# Benchmarks the OT engine against the JS reference (ot-text-unicode@4.0.0) on the same inputs and prints
# the ratios as Markdown (also saved to bench/out/ot-results.md). Each benchmark runs on both sides back to
# back (reference, then JMH), so background load on a shared machine drifts as little as possible between
# the two numbers of a ratio; the 1-minute load average around each pair is reported with it.
#
#   bench/ot/run.sh                 # short JMH run: -f1 -wi 8 -w 2s -i 5 -r 2s (about 8 minutes in all)
#   JMH_ARGS="-f3 -wi 5 -i 10" bench/ot/run.sh
#
# Needs JDK 21+ (JAVA_HOME), node and npm. Builds bench/ with Maven under the shared build lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/bench/out
NODE_DIR=$ROOT/bench/ot/node
JMH_ARGS=${JMH_ARGS:-"-f1 -wi 8 -w 2s -i 5 -r 2s"}
mkdir -p "$OUT"

echo "== installing the reference (npm ci)" >&2
(cd "$NODE_DIR" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)

echo "== writing shared inputs" >&2
node "$NODE_DIR/make-inputs.js" > "$OUT/ot-inputs.tsv"

echo "== building benchmarks.jar" >&2
flock /tmp/vaporform-maven.lock ./mvnw -q -pl ot,bench -am -DskipTests install

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -f "$OUT"/ot-jmh-*.json "$OUT"/ot-js-*.json "$OUT"/ot-load-*.txt
for b in transform compose transformFromJsonToJson applyAscii1k applyHalfEmoji100k applyHalfEmoji1m; do
  cut -d' ' -f1 /proc/loadavg > "$OUT/ot-load-$b.txt"
  echo "== $b: JS reference" >&2
  node "$NODE_DIR/bench.js" "$OUT/ot-inputs.tsv" "$b" > "$OUT/ot-js-$b.json"
  echo "== $b: JMH ($JMH_ARGS)" >&2
  "$JAVA" -jar bench/target/benchmarks.jar "dev.vaporform.bench.ot.OtBenchmark.$b\$" \
    $JMH_ARGS -jvmArgs "-Dot.bench.inputs=$OUT/ot-inputs.tsv" -rf json -rff "$OUT/ot-jmh-$b.json" >&2
  cut -d' ' -f1 /proc/loadavg >> "$OUT/ot-load-$b.txt"
done

echo "== memory per document" >&2
"$JAVA" -Xmx4g -Dot.bench.inputs="$OUT/ot-inputs.tsv" -cp bench/target/benchmarks.jar dev.vaporform.bench.ot.OtMemory > "$OUT/ot-mem-java.tsv"
node --expose-gc --max-old-space-size=4096 "$NODE_DIR/memory.js" "$OUT/ot-inputs.tsv" > "$OUT/ot-mem-js.tsv"

node "$NODE_DIR/ratios.js" "$OUT" | tee "$OUT/ot-results.md"
