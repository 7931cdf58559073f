'use strict';
// Writes the benchmark inputs shared by the JS reference (bench.js) and JMH (OtBenchmark.java), one record per
// line (see OtInputs.java for the format). Seeded, so every run benchmarks the same documents and ops.
const { type } = require('ot-text-unicode');

let seed = 0x5eed;
const random = () => { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(random() * n);
const pick = (xs) => xs[int(xs.length)];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz '.split('');
const EMOJI = ['😀', '👻', '🥰', '💃', '🤖', '😭', '🚀', '🎉'];
const MIXED = [...LETTERS, 'é', 'ß', '中', ...EMOJI];

const asciiDoc = (n) => Array.from({ length: n }, () => pick(LETTERS)).join('');
// Every other code point is an emoji: "half emoji".
const halfEmojiDoc = (n) => Array.from({ length: n }, (_, i) => (i % 2 ? pick(EMOJI) : pick(LETTERS))).join('');

function edit(length) {
  const at = int(length);
  const component = random() < 0.5 ? (random() < 0.5 ? 'x' : pick(EMOJI)) : { d: 1 };
  return at === 0 ? [component] : [at, component];
}

function smallOp(length) {
  const op = [];
  let pos = 0;
  const parts = 1 + int(4);
  for (let i = 0; i < parts; i++) {
    const left = length - pos;
    const roll = int(3);
    if (roll === 0 && left > 0 && typeof op[op.length - 1] !== 'number') {
      const n = 1 + int(Math.min(left, 10));
      op.push(n);
      pos += n;
    } else if (roll === 1 && left > 0) {
      const n = 1 + int(Math.min(left, 5));
      op.push({ d: n });
      pos += n;
    } else {
      op.push(Array.from({ length: 1 + int(6) }, () => pick(MIXED)).join(''));
    }
  }
  if (typeof op[op.length - 1] === 'number') op.pop();
  return op;
}

const out = [];
for (const [name, text] of [['ascii-1k', asciiDoc(1000)], ['half-emoji-100k', halfEmojiDoc(100000)],
  ['half-emoji-1m', halfEmojiDoc(1000000)]]) {
  const length = 1000 === text.length ? 1000 : [...text].length;
  out.push(`doc\t${name}\t${JSON.stringify([text])}`);
  for (let i = 0; i < 1000; i++) out.push(`edit\t${name}\t${JSON.stringify(edit(length))}`);
}
for (let i = 0; i < 1000; i++) {
  const doc = Array.from({ length: 50 }, () => pick(MIXED)).join('');
  const a = smallOp(50);
  const b = smallOp(50);
  const c = smallOp([...type.apply(doc, a)].length);
  out.push(`pair\t${JSON.stringify(a)}\t${JSON.stringify(b)}\t${JSON.stringify(c)}`);
}
process.stdout.write(out.join('\n') + '\n');
