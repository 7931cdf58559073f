'use strict';
// Reference oracle for the Java differential tests: reads one JSON case per line on stdin and writes one
// result line per case on stdout, computed by the pinned ot-text-unicode@4.0.0.
//
// A differential case {doc, a, b, c, side, cursor, anchor, raw} answers with tab-separated JSON values in the
// order of FIELDS below (JSON.stringify never emits a raw tab, so the tab is a safe separator).
// A probe {probe: fn, args: [...]} answers {"ok": result} or {"error": message}: the leniency tests use it to
// show what the reference accepts.
const readline = require('readline');
const { type } = require('ot-text-unicode');

// The reference mutates some inputs (normalize merges into its input's objects), so every call gets a copy.
const copy = (v) => (v === undefined ? v : structuredClone(v));
const other = (side) => (side === 'left' ? 'right' : 'left');

const FIELDS = [
  (k) => type.apply(k.doc, copy(k.a)),
  (k) => type.apply(k.doc, copy(k.b)),
  (k) => type.transform(copy(k.a), copy(k.b), k.side),
  (k) => type.transform(copy(k.b), copy(k.a), other(k.side)),
  (k) => type.compose(copy(k.a), copy(k.c)),
  (k) => type.apply(type.apply(k.doc, copy(k.a)), copy(k.c)),
  (k) => type.transformPosition(k.cursor, copy(k.a)),
  (k) => type.transformSelection([k.anchor, k.cursor], copy(k.b)),
  (k) => type.normalize(copy(k.raw)),
  (k) => type.makeInvertible(copy(k.a), k.doc),
  (k) => type.invertWithDoc(copy(k.b), k.doc),
  (k) => type.stripInvertible(copy(k.a)),
  (k) => type.isInvertible(copy(k.b)),
];

function attempt(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return JSON.stringify({ error: String(e && e.message) });
  }
}

function probe(p) {
  try {
    const result = type[p.probe](...p.args.map(copy));
    return JSON.stringify({ ok: result === undefined ? null : result });
  } catch (e) {
    return JSON.stringify({ error: String(e && e.message) });
  }
}

function answer(line) {
  const k = JSON.parse(line);
  if (k.probe) return probe(k);
  return FIELDS.map((f) => attempt(() => f(k))).join('\t');
}

let pending = [];
const flush = () => {
  if (pending.length) process.stdout.write(pending.join('\n') + '\n');
  pending = [];
};
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.length === 0) return;
  pending.push(answer(line));
  if (pending.length >= 512) flush();
});
rl.on('close', flush);
