// Drives Vaporform's /ws/collab with the real sharedb@7 client and ot-text-unicode@4.0.0.
// Usage: VAPORFORM_URL=http://localhost:PORT VAPORFORM_TOKEN=... VAPORFORM_USER=uuid VAPORFORM_PROJECT=uuid node harness.js
// Prints "ok <scenario>" per scenario and exits 0, or prints the failure and exits 1.
'use strict';
const WebSocket = require('ws');
const ShareDB = require('sharedb/lib/client');
const textUnicode = require('ot-text-unicode');

// ot-text-unicode has no transformPresence; the client needs one for presence on its docs.
const type = Object.assign({}, textUnicode.type, {
  transformPresence: (p, op) => (p == null ? null : textUnicode.type.transformSelection(p, op)),
});
ShareDB.types.register(type);
ShareDB.logger.setMethods({ info: () => {}, warn: () => {} });

const base = process.env.VAPORFORM_URL;
const token = process.env.VAPORFORM_TOKEN;
const user = process.env.VAPORFORM_USER;
const project = process.env.VAPORFORM_PROJECT;
const wsUrl = base.replace(/^http/, 'ws') + '/ws/collab';

function socket() {
  return new WebSocket(wsUrl, { headers: { Authorization: 'Bearer ' + token } });
}

function until(what, check, ms = 15000) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    (function poll() {
      Promise.resolve(check()).then((done) => {
        if (done) return resolve();
        if (Date.now() > deadline) return reject(new Error('timed out waiting for ' + what));
        setTimeout(poll, 25);
      }, reject);
    })();
  });
}

const call = (fn) => new Promise((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v))));
const idle = (doc) => !doc.hasPending();

async function fileText(path) {
  const res = await fetch(`${base}/api/projects/${project}/files/${path}`, { headers: { Authorization: 'Bearer ' + token } });
  return res.status === 200 ? res.text() : null;
}

async function main() {
  const a = new ShareDB.Connection(socket());
  const b = new ShareDB.Connection(socket());
  const path = 'harness/notes.txt';
  const docA = a.get(project, path);
  const docB = b.get(project, path);

  await call((cb) => docA.subscribe(cb));
  if (docA.type) throw new Error('the document should not exist yet');
  await call((cb) => docA.create('hello', type.uri, cb));
  await call((cb) => docB.subscribe(cb));
  if (docB.data !== 'hello' || docB.version !== 1) throw new Error('B sees ' + JSON.stringify([docB.data, docB.version]));
  console.log('ok create and subscribe');

  docA.submitOp([5, ' world']);
  docB.submitOp(['😀']);
  await until('convergence', () => idle(docA) && idle(docB) && docA.data === docB.data && docA.version === 3 && docB.version === 3);
  if (docA.data !== '😀hello world') throw new Error('converged on ' + docA.data);
  for (let i = 0; i < 20; i++) {
    docA.submitOp([1, 'a']);
    docB.submitOp(['b']);
  }
  await until('concurrent bursts', () => idle(docA) && idle(docB) && docA.data === docB.data && docA.version === docB.version);
  console.log('ok concurrent edits converge at v' + docA.version);

  const presenceB = b.getDocPresence(project, path);
  await call((cb) => presenceB.subscribe(cb));
  const presenceA = a.getDocPresence(project, path);
  await call((cb) => presenceA.subscribe(cb));
  // the server accepts presence ids that start with the sender's user id
  const local = presenceA.create(user + '.cursor-a');
  await call((cb) => local.submit([1, 3], cb));
  await until('presence at B', () => Object.values(presenceB.remotePresences).some((p) => JSON.stringify(p) === '[1,3]'));
  docB.submitOp(['>>']);
  await until('presence transformed through an op', () => Object.values(presenceB.remotePresences).some((p) => JSON.stringify(p) === '[3,5]'));
  console.log('ok presence');

  // Disconnect with an op in flight, reconnect on a new socket: the op is resent once.
  await until('quiet', () => idle(docA) && idle(docB) && docA.version === docB.version);
  const before = docA.data;
  docA.submitOp(['[offline]']);
  a.socket.terminate();
  await until('A disconnected', () => a.state === 'disconnected');
  a.bindToSocket(socket());
  await until('resent op reaches B', () => idle(docA) && docB.data === docA.data && docA.data.startsWith('[offline]'));
  if (docA.data.split('[offline]').length !== 2) throw new Error('resent op applied twice: ' + docA.data);
  if (docA.data !== '[offline]' + before) throw new Error('unexpected text ' + docA.data);
  console.log('ok disconnect with pending op and reconnect');

  const finalText = docA.data;
  await until('text on disk', async () => (await fileText(path)) === finalText);
  console.log('ok text on disk');
  a.close();
  b.close();
}

const timer = setTimeout(() => { console.error('harness timed out'); process.exit(1); }, 90000);
main().then(() => { clearTimeout(timer); console.log('HARNESS PASSED'); process.exit(0); },
  (err) => { console.error('HARNESS FAILED: ' + (err && err.stack || err)); process.exit(1); });
