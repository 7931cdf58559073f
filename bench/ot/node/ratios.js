'use strict';
// Prints the OT engine results as a Markdown table: JMH scores (ot-jmh-<name>.json, JMH's -rf json), the JS
// reference's ops/s (ot-js-<name>.json from bench.js), their ratio against the goals, the load average
// around each pair (ot-load-<name>.txt), then memory per document for both.
// Usage: node ratios.js <out dir>
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const files = (prefix) => fs.readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f));
const jmh = Object.fromEntries(files('ot-jmh-').flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
  .map((r) => [r.benchmark.split('.').pop(), r.primaryMetric]));
const js = Object.assign({}, ...files('ot-js-').map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))));
const load = (name) => {
  const f = path.join(dir, `ot-load-${name}.txt`);
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').join(' → ') : '';
};
const GOALS = { transform: 3, compose: 3, applyHalfEmoji100k: 100 };
const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

const rows = ['| benchmark | ours (JMH, ops/s ± 99.9% CI) | reference (Node, ops/s) | ratio | goal | 1-min load avg before → after |',
  '|---|---|---|---|---|---|'];
for (const [name, m] of Object.entries(jmh)) {
  const ratio = m.score / js[name];
  const goal = GOALS[name] ? `≥ ${GOALS[name]}× ${ratio >= GOALS[name] ? 'met' : 'NOT met'}` : '';
  rows.push(`| ${name} | ${fmt(m.score)} ± ${fmt(m.scoreError)} | ${fmt(js[name])} | ${ratio.toFixed(1)}× | ${goal} | ${load(name)} |`);
}

const tsv = (f) => Object.fromEntries(fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => l.split('\t')));
const javaMem = tsv(path.join(dir, 'ot-mem-java.tsv'));
const jsMem = tsv(path.join(dir, 'ot-mem-js.tsv'));
rows.push('', '| document | ours (bytes) | reference (bytes) | ours / reference |', '|---|---|---|---|');
for (const [name, bytes] of Object.entries(javaMem)) {
  const theirs = jsMem[name];
  const ratio = theirs ? (Number(bytes) / Number(theirs)).toFixed(2) : '';
  rows.push(`| ${name} | ${Number(bytes).toLocaleString('en-US')} | ${theirs ? Number(theirs).toLocaleString('en-US') : 'not measured'} | ${ratio} |`);
}
console.log(rows.join('\n'));
