'use strict';
// Reads the shared benchmark inputs (format in bench/src/main/java/dev/vaporform/bench/ot/OtInputs.java).
const fs = require('fs');
const { type } = require('ot-text-unicode');

module.exports = function load(file) {
  const docs = {};
  const pairs = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f[0] === 'doc') docs[f[1]] = { text: type.apply('', JSON.parse(f[2])), edits: [] };
    else if (f[0] === 'edit') docs[f[1]].edits.push(JSON.parse(f[2]));
    else if (f[0] === 'pair') pairs.push(f.slice(1).map((j) => JSON.parse(j)));
  }
  return { docs, pairs };
};
