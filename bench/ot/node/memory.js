'use strict';
// Memory per document for the JS reference, whose document is a plain JS string: heap growth after full GCs
// from holding many fresh copies, divided by the copy count. Run with --expose-gc. Prints name<TAB>bytes.
const { type } = require('ot-text-unicode');
const load = require('./inputs');

const COPIES = 40;
const used = () => { for (let i = 0; i < 3; i++) global.gc(); return process.memoryUsage().heapUsed; };
// A fresh, flat copy (plain concatenation would only make a rope pointing at the original).
const copy = (s) => Buffer.from(s, 'utf16le').toString('utf16le');

function bytesPer(make) {
  const keep = [];
  const before = used();
  for (let i = 0; i < COPIES; i++) keep.push(make());
  const after = used();
  if (keep.length !== COPIES) throw Error('unreachable');
  return Math.round((after - before) / COPIES);
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
  console.log(`${name}\t${bytesPer(() => copy(doc.text))}`);
  if (name !== 'half-emoji-1m') console.log(`${name}+1000edits\t${bytesPer(() => edited(copy(doc.text), doc.edits))}`);
}
