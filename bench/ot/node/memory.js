'use strict';
// Memory per document for the JS reference, whose document is a plain JS string: heap growth after full GCs
// from holding many fresh copies, divided by the copy count. Run with --expose-gc. Prints name<TAB>bytes.
const { type } = require('ot-text-unicode');
const load = require('./inputs');

// Enough copies that GC noise (a few KB) is small next to the total.
const copiesFor = (text) => Math.max(40, Math.floor(4000000 / text.length));
const used = () => { for (let i = 0; i < 3; i++) global.gc(); return process.memoryUsage().heapUsed; };
// A fresh, flat copy on the V8 heap (concatenation would only make a rope pointing at the original, and
// Buffer#toString can make an external string that heapUsed does not count).
const copy = (s) => JSON.parse(JSON.stringify(s));

function bytesPer(copies, make) {
  const keep = [];
  const before = used();
  for (let i = 0; i < copies; i++) keep.push(make());
  const after = used();
  if (keep.length !== copies) throw Error('unreachable');
  return Math.round((after - before) / copies);
}

// Applies the edits one after another; an edit made for the base document that no longer fits is skipped.
function edited(text, edits) {
  let doc = text;
  let length = [...text].length;
  for (const e of edits) {
    const span = e.reduce((n, c) => n + (typeof c === 'number' ? c : typeof c === 'object' ? 1 : 0), 0);
    if (span > length) continue;
    doc = type.apply(doc, e);
    length += typeof e[e.length - 1] === 'string' ? 1 : -1;
  }
  return doc;
}

const { docs } = load(process.argv[2]);
for (const [name, doc] of Object.entries(docs)) {
  const copies = copiesFor(doc.text);
  console.log(`${name}\t${bytesPer(copies, () => copy(doc.text))}`);
  // Replaying 1000 edits on a 1M-code-point string takes the reference minutes per copy; skipped there.
  if (name !== 'half-emoji-1m') console.log(`${name}+1000edits\t${bytesPer(copies, () => edited(copy(doc.text), doc.edits))}`);
}
