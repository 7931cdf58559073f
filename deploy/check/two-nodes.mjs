// Two nodes behind the load balancer: shared files and signing key, per-node search index picking up
// writes made through the other node, tickets refused across nodes and working through the sticky
// load balancer, collaboration across nodes over Redis, a workspace seen from both nodes, metrics.
// Needs the `ws` package (npm install ws) and direct access to both nodes besides the load balancer:
//   docker compose -f deploy/compose.yaml -f deploy/check/compose.ports.yaml up -d
//   node deploy/check/two-nodes.mjs
// Settings (environment): VF_LB (http://localhost:8080), VF_NODE1 / VF_NODE2 (http://localhost:18401 /
// 18402), VF_MGMT1 / VF_MGMT2 (http://localhost:18411 / 18412), VF_ORIGIN (the public URL; VF_LB).
import WebSocket from 'ws';
const env = (k, d) => process.env[k] || d;
const LB = env('VF_LB', 'http://localhost:8080'), N1 = env('VF_NODE1', 'http://localhost:18401'), N2 = env('VF_NODE2', 'http://localhost:18402');
const M1 = env('VF_MGMT1', 'http://localhost:18411'), M2 = env('VF_MGMT2', 'http://localhost:18412');
const ORIGIN = env('VF_ORIGIN', LB);
const wsUrl = http => http.replace(/^http/, 'ws');
let failures = 0;
const check = (ok, what, extra = '') => { console.log((ok ? 'PASS ' : 'FAIL ') + what + (extra ? '  ' + extra : '')); if (!ok) failures++; };
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function req(base, method, path, { token, body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = 'Bearer ' + token;
  if (body !== undefined && !raw) h['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers: h, body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)) });
  const text = await res.text();
  let json; try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}
function socket(url, opts) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts);
    const frames = [];
    ws.on('message', m => frames.push(JSON.parse(m.toString())));
    ws.on('open', () => resolve({ ws, frames, ok: true }));
    ws.on('unexpected-response', (_, res) => resolve({ ok: false, status: res.statusCode }));
    ws.on('error', e => resolve({ ok: false, error: e.message }));
  });
}
async function waitFor(frames, pred, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) { const f = frames.find(pred); if (f) return f; await sleep(50); }
  return undefined;
}

const email = `smoke${Date.now()}@example.com`;
const reg = await req(LB, 'POST', '/api/auth/register', { body: { email, password: 'lovelace-analytical-engine-1843', name: 'Smoke' } });
check(reg.status === 201, 'register through the load balancer', String(reg.status));
const cookie = (reg.headers.get('set-cookie') || '').split(';')[0];
check(/^vf_node=node[12]$/.test(cookie), 'the load balancer sets the sticky cookie', cookie);
const token = reg.json.accessToken;
const proj = await req(LB, 'POST', '/api/projects', { token, body: { name: 'smoke' } });
const pid = proj.json.id;
check(proj.status === 201, 'create project through the load balancer');

// files: written on node 1, read on node 2 (shared volume; same JWT key on both)
const put = await req(N1, 'PUT', `/api/projects/${pid}/files/hello.txt`, { token, body: 'hello from node one\n', raw: true });
check(put.status === 201, 'PUT file on node 1', String(put.status));
const got = await req(N2, 'GET', `/api/projects/${pid}/files/hello.txt`, { token });
check(got.status === 200 && got.text === 'hello from node one\n', 'GET it on node 2 (shared files, shared signing key)');

// search on node 2 (its own index volume), then a file written through node 1 afterwards
const s1 = await req(N2, 'GET', `/api/projects/${pid}/search?q=node%20one`, { token });
check(s1.status === 200 && s1.json.total === 1, 'search on node 2 finds the file (index built on node 2)', s1.text.slice(0, 120));
await req(N1, 'PUT', `/api/projects/${pid}/files/later.txt`, { token, body: 'zanzibar written via node one\n', raw: true });
let s2; for (let i = 0; i < 20; i++) { s2 = await req(N2, 'GET', `/api/projects/${pid}/search?q=zanzibar`, { token }); if (s2.json?.total === 1) break; await sleep(250); }
check(s2.json?.total === 1, 'node 2 index picks up a file written through node 1 (same host: inotify)', s2.text.slice(0, 120));

// tickets: issued by node 1, refused by node 2; through the load balancer with the cookie they work
const t1 = await req(N1, 'POST', '/api/realtime/tickets', { token });
const cross = await socket(`${wsUrl(N2)}/ws/events?ticket=${t1.json.ticket}`, { origin: ORIGIN });
check(!cross.ok, 'a ticket from node 1 is refused by node 2 (why the LB is sticky)', JSON.stringify({ status: cross.status, error: cross.error }));
if (cross.ok) cross.ws.close();
let stickyOk = 0;
for (let i = 0; i < 6; i++) {
  const t = await req(LB, 'POST', '/api/realtime/tickets', { token, headers: { cookie } });
  const s = await socket(`${wsUrl(LB)}/ws/events?ticket=${t.json.ticket}`, { origin: ORIGIN, headers: { cookie } });
  if (s.ok) {
    s.ws.send(JSON.stringify({ type: 'subscribe', projectId: pid }));
    if (await waitFor(s.frames, f => f.type === 'subscribed')) stickyOk++;
    s.ws.close();
  }
}
check(stickyOk === 6, 'ticket + /ws/events through the load balancer with the cookie, 6 of 6', String(stickyOk));
let unstuck = 0;
for (let i = 0; i < 6; i++) {
  const t = await req(LB, 'POST', '/api/realtime/tickets', { token });
  const s = await socket(`${wsUrl(LB)}/ws/events?ticket=${t.json.ticket}`, { origin: ORIGIN });
  if (s.ok) { unstuck++; s.ws.close(); }
}
console.log(`INFO without the cookie (round robin): ${unstuck} of 6 upgrades succeeded`);
const badOrigin = await socket(`${wsUrl(LB)}/ws/events`, { origin: 'http://evil.example', headers: { cookie, authorization: 'Bearer ' + token } });
check(!badOrigin.ok, 'a browser upgrade from another Origin is refused', String(badOrigin.status));

// collaboration across nodes: A on node 1, B on node 2 (Bearer on the upgrade)
const A = await socket(`${wsUrl(N1)}/ws/collab`, { headers: { authorization: 'Bearer ' + token } });
const B = await socket(`${wsUrl(N2)}/ws/collab`, { headers: { authorization: 'Bearer ' + token } });
check(A.ok && B.ok, '/ws/collab on both nodes');
for (const c of [A, B]) c.ws.send(JSON.stringify({ a: 'hs', id: null }));
const hsA = await waitFor(A.frames, f => f.a === 'hs'), hsB = await waitFor(B.frames, f => f.a === 'hs');
for (const c of [A, B]) c.ws.send(JSON.stringify({ a: 's', c: pid, d: 'hello.txt' }));
const subA = await waitFor(A.frames, f => f.a === 's'), subB = await waitFor(B.frames, f => f.a === 's');
check(subA?.data && subB?.data, 'both subscribed to hello.txt', JSON.stringify(subA?.data ?? subA));
const v = subA.data.v;
A.ws.send(JSON.stringify({ a: 'op', c: pid, d: 'hello.txt', v, src: hsA.id, seq: 1, op: ['A'] }));
const ackA = await waitFor(A.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 1);
const seenB = await waitFor(B.frames, f => f.a === 'op' && f.src === hsA.id && f.seq === 1 && f.op);
check(!!ackA && !ackA.error, 'node 1 acknowledges an op', JSON.stringify(ackA));
check(!!seenB, 'node 2 client receives it (Redis fan-out)', JSON.stringify(seenB));
B.ws.send(JSON.stringify({ a: 'op', c: pid, d: 'hello.txt', v: v + 1, src: hsB.id, seq: 1, op: ['B'] }));
const seenA = await waitFor(A.frames, f => f.a === 'op' && f.src === hsB.id && f.seq === 1 && f.op);
check(!!seenA, 'and back: node 1 client receives node 2\'s op', JSON.stringify(seenA));
await sleep(2500);
const after = await req(N1, 'GET', `/api/projects/${pid}/files/hello.txt`, { token });
check(after.text === 'BAhello from node one\n', 'the file holds both edits after write-back', JSON.stringify(after.text));
A.ws.close(); B.ws.close();

// workspace: started through the load balancer, a file written inside it is read through node 2
const ws = await req(LB, 'POST', `/api/projects/${pid}/workspace/start`, { token, headers: { cookie } });
if (ws.status === 503) {
  console.log('SKIP workspace checks: no Docker engine reachable from the nodes', ws.text.slice(0, 160));
} else {
check(ws.status === 200 && ws.json.status === 'running', 'workspace starts through the load balancer', ws.text.slice(0, 160));
const ex = await req(N2, 'POST', `/api/projects/${pid}/workspace/exec`, { token, body: { command: ['sh', '-c', 'id -u; ls /workspace; echo written-in-workspace > /workspace/from-ws.txt'] } });
check(ex.status === 200 && ex.json.exitCode === 0 && ex.json.stdout.includes('hello.txt'), 'exec on node 2 sees the project files at /workspace', JSON.stringify(ex.json).slice(0, 200));
const fw = await req(N1, 'GET', `/api/projects/${pid}/files/from-ws.txt`, { token });
check(fw.text === 'written-in-workspace\n', 'a file written in the workspace is read through node 1');
const stop = await req(N1, 'POST', `/api/projects/${pid}/workspace/stop`, { token });
check(stop.status === 200, 'workspace stops through node 1');
const del = await req(N1, 'DELETE', `/api/projects/${pid}/workspace`, { token });
console.log('INFO workspace removed:', del.status);
}

// metrics on the management ports
for (const base of [M1, M2]) {
  const m = await fetch(`${base}/actuator/prometheus`).then(r => r.text());
  check(m.includes('http_server_requests_seconds_bucket') && m.includes('hikaricp_connections_active'), `${base}/actuator/prometheus has the dashboard's standard metrics`);
}
const pub = await req(LB, 'GET', '/actuator/prometheus');
check(pub.status === 404, '/actuator is not reachable through the load balancer', String(pub.status));
const direct = await req(N1, 'GET', '/actuator/prometheus');
check(direct.status === 404, "a node's public port does not serve metrics either", String(direct.status));
console.log(failures ? `${failures} FAILED` : 'all passed');
process.exit(failures ? 1 : 0);
