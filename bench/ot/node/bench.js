'use strict';
// The JS reference on the same inputs and in the same shape as OtBenchmark.java: each benchmark cycles through
// its 1000 inputs; a warm-up period, then three measured periods; prints ops/s per benchmark as JSON.
// Usage: node bench.js <inputs file> [benchmark name]   (all benchmarks when no name is given)
const { type } = require('ot-text-unicode');
const load = require('./inputs');

const WARMUP_MS = Number(process.env.WARMUP_MS || 2000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 3000);
const ROUNDS = 3;

// Reads the clock every `batch` calls so clock reads do not dominate sub-microsecond operations.
function period(fn, count, batch, ms) {
  const end = process.hrtime.bigint() + BigInt(ms) * 1000000n;
  const start = process.hrtime.bigint();
  let done = 0;
  let now = start;
  while (now < end) {
    for (let j = 0; j < batch; j++) fn((done + j) % count);
    done += batch;
    now = process.hrtime.bigint();
  }
  return done / (Number(now - start) / 1e9);
}

function measure(fn, count, batch) {
  period(fn, count, batch, WARMUP_MS);
  let sum = 0;
  for (let r = 0; r < ROUNDS; r++) sum += period(fn, count, batch, MEASURE_MS);
  return sum / ROUNDS;
}

const { docs, pairs } = load(process.argv[2]);
let sink = 0;
const keep = (x) => { sink ^= x.length; };
const applyBench = (doc) => (i) => keep(type.apply(doc.text, doc.edits[i]));
// JSON strings of a and b, as a server would receive them.
const wire = pairs.map(([a, b]) => [JSON.stringify(a), JSON.stringify(b)]);

const BENCHMARKS = {
  transform: () => measure((i) => keep(type.transform(pairs[i][0], pairs[i][1], 'left')), pairs.length, 256),
  compose: () => measure((i) => keep(type.compose(pairs[i][0], pairs[i][2])), pairs.length, 256),
  transformFromJsonToJson: () => measure((i) => keep(JSON.stringify(
    type.transform(JSON.parse(wire[i][0]), JSON.parse(wire[i][1]), 'left'))), pairs.length, 256),
  applyAscii1k: () => measure(applyBench(docs['ascii-1k']), 1000, 16),
  applyHalfEmoji100k: () => measure(applyBench(docs['half-emoji-100k']), 1000, 1),
  applyHalfEmoji1m: () => measure(applyBench(docs['half-emoji-1m']), 1000, 1),
};
const names = process.argv[3] ? [process.argv[3]] : Object.keys(BENCHMARKS);
const results = Object.fromEntries(names.map((name) => [name, BENCHMARKS[name]()]));
if (sink === -1) console.error('unreachable'); // keeps results observable
console.log(JSON.stringify(results));
