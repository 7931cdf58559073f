// Redis unresponsive: both nodes stay ready and serve, acknowledge ops and converge through the op log;
// fan-out between nodes stops and resumes when Redis answers again. Set-up as for two-nodes.mjs;
// VF_REDIS_STOP / VF_REDIS_START are shell commands (defaults pause and unpause compose's redis).
import WebSocket from 'ws';
import { execSync } from 'node:child_process';
const env = (k, d) => process.env[k] || d;
const N1 = env('VF_NODE1', 'http://localhost:18401'), N2 = env('VF_NODE2', 'http://localhost:18402');
const M1 = env('VF_MGMT1', 'http://localhost:18411'), M2 = env('VF_MGMT2', 'http://localhost:18412');
const compose = 'docker compose -f deploy/compose.yaml -f deploy/check/compose.ports.yaml';
const STOP = env('VF_REDIS_STOP', compose + ' pause redis'), START = env('VF_REDIS_START', compose + ' unpause redis');
const wsUrl = http => http.replace(/^http/, 'ws');
const sleep = ms => new Promise(r => setTimeout(r, ms));
let failures = 0;
const check = (ok, what, extra = '') => { console.log((ok ? 'PASS ' : 'FAIL ') + what + (extra ? '  ' + extra : '')); if (!ok) failures++; };
const j = async (base, method, path, token, body, raw) => {
  const h = token ? { authorization: 'Bearer ' + token } : {};
  if (body !== undefined && !raw) h['content-type'] = 'application/json';
  const r = await fetch(base + path, { method, headers: h, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  const t = await r.text(); let js; try { js = JSON.parse(t); } catch {} return { status: r.status, json: js, text: t };
};
const sock = (url, token) => new Promise(res => { const ws = new WebSocket(url, { headers: { authorization: 'Bearer ' + token } }); const frames = []; ws.on('message', m => frames.push(JSON.parse(m))); ws.on('open', () => res({ ws, frames })); ws.on('error', e => res({ error: e.message })); });
const waitFor = async (frames, pred, ms = 4000) => { const end = Date.now() + ms; while (Date.now() < end) { const f = frames.find(pred); if (f) return f; await sleep(50); } };
const reg = await j(N1, 'POST', '/api/auth/register', null, { email: `out${Date.now()}@example.com`, password: 'lovelace-analytical-engine-1843', name: 'O' });
const token = reg.json.accessToken;
const pid = (await j(N1, 'POST', '/api/projects', token, { name: 'outage' })).json.id;
await j(N1, 'PUT', `/api/projects/${pid}/files/doc.txt`, token, 'text\n', true);
const A = await sock(`${wsUrl(N1)}/ws/collab`, token), B = await sock(`${wsUrl(N2)}/ws/collab`, token);
for (const c of [A, B]) c.ws.send(JSON.stringify({ a: 'hs', id: null }));
const hsA = await waitFor(A.frames, f => f.a === 'hs'), hsB = await waitFor(B.frames, f => f.a === 'hs');
for (const c of [A, B]) c.ws.send(JSON.stringify({ a: 's', c: pid, d: 'doc.txt' }));
const v0 = (await waitFor(A.frames, f => f.a === 's')).data.v; await waitFor(B.frames, f => f.a === 's');

execSync(STOP, { stdio: 'inherit' }); // Redis stops answering
console.log('INFO Redis stopped');
await sleep(1500);
const r1 = await fetch(`${M1}/actuator/health/readiness`), r2 = await fetch(`${M2}/actuator/health/readiness`);
check(r1.status === 200 && r2.status === 200, 'both nodes stay ready with Redis unresponsive', `${r1.status} ${r2.status}`);
const get = await j(N2, 'GET', `/api/projects/${pid}/files/doc.txt`, token);
check(get.status === 200, 'node 2 serves HTTP');
A.ws.send(JSON.stringify({ a: 'op', c: pid, d: 'doc.txt', v: v0, src: hsA.id, seq: 1, op: ['1'] }));
const ack = await waitFor(A.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 1, 8000);
check(!!ack && !ack.error, 'node 1 still acknowledges ops (durable in PostgreSQL)', JSON.stringify(ack));
const seen = await waitFor(B.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 1, 2000);
console.log('INFO node 2 client saw node 1\'s op during the outage:', !!seen);
// B, behind, submits on its old version: it must still converge (transformed against node 1's op)
B.ws.send(JSON.stringify({ a: 'op', c: pid, d: 'doc.txt', v: v0, src: hsB.id, seq: 1, op: ['2'] }));
const ackB = await waitFor(B.frames, f => f.a === 'op' && f.src === hsB.id && f.seq === 1, 8000);
check(!!ackB && !ackB.error, 'node 2 acknowledges a concurrent op during the outage', JSON.stringify(ackB));
const caught = await waitFor(B.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 1, 3000);
check(!!caught, 'node 2 client got node 1\'s op by the time its own was committed (caught up from the op log)', JSON.stringify(caught));

execSync(START, { stdio: 'inherit' });
console.log('INFO Redis started');
await sleep(6000);
A.ws.send(JSON.stringify({ a: 'op', c: pid, d: 'doc.txt', v: ackB.v + 1, src: hsA.id, seq: 2, op: ['3'] }));
const seen2 = await waitFor(B.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 2, 6000);
check(!!seen2, 'fan-out resumes after Redis returns', JSON.stringify(seen2));
await sleep(2500);
const t1 = await j(N1, 'GET', `/api/projects/${pid}/files/doc.txt`, token), t2 = await j(N2, 'GET', `/api/projects/${pid}/files/doc.txt`, token);
console.log('INFO file after edits:', JSON.stringify(t1.text));
check(t1.text === t2.text && t1.text.length === 8, 'converged: all three inserts in the file', JSON.stringify(t1.text));
A.ws.close(); B.ws.close();
console.log(failures ? `${failures} FAILED` : 'all passed'); process.exit(failures ? 1 : 0);
