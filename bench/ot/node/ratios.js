'use strict';
// Prints the OT engine results as a Markdown table: JMH scores (JSON from -rf json), the JS reference's
// ops/s (bench.js), their ratio against the goals, then memory per document for both.
const fs = require('fs');

const [jmhFile, jsFile, javaMemFile, jsMemFile] = process.argv.slice(2);
const jmh = Object.fromEntries(JSON.parse(fs.readFileSync(jmhFile, 'utf8'))
  .map((r) => [r.benchmark.split('.').pop(), r.primaryMetric]));
const js = JSON.parse(fs.readFileSync(jsFile, 'utf8'));
const GOALS = { transform: 3, compose: 3, applyHalfEmoji100k: 100 };
const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

const rows = ['| benchmark | ours (JMH, ops/s ± 99.9% CI) | reference (Node, ops/s) | ratio | goal |', '|---|---|---|---|---|'];
for (const [name, m] of Object.entries(jmh)) {
  const ratio = m.score / js[name];
  const goal = GOALS[name] ? `≥ ${GOALS[name]}× ${ratio >= GOALS[name] ? 'met' : 'NOT met'}` : '';
  rows.push(`| ${name} | ${fmt(m.score)} ± ${fmt(m.scoreError)} | ${fmt(js[name])} | ${ratio.toFixed(1)}× | ${goal} |`);
}

const tsv = (f) => Object.fromEntries(fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => l.split('\t')));
const javaMem = tsv(javaMemFile);
const jsMem = tsv(jsMemFile);
rows.push('', '| document | ours (bytes) | reference (bytes) | ours / reference |', '|---|---|---|---|');
for (const [name, bytes] of Object.entries(javaMem)) {
  const theirs = jsMem[name];
  const ratio = theirs ? (Number(bytes) / Number(theirs)).toFixed(2) : '';
  rows.push(`| ${name} | ${Number(bytes).toLocaleString('en-US')} | ${theirs ? Number(theirs).toLocaleString('en-US') : 'not measured'} | ${ratio} |`);
}
console.log(rows.join('\n'));
