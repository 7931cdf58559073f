// The reference for bench/collab: a ShareDB 7 server with text-unicode registered, on a WebSocket at
// ws://127.0.0.1:PORT/ws/collab. Single-threaded, as Node is. Two set-ups:
//   memory:   ShareDB's default in-memory database (no durability: ops are acknowledged without
//             touching a disk) -- the peer's speed ceiling;
//   postgres: sharedb-postgres on the PostgreSQL at DATABASE (postgres://user@host:port/db), whose
//             tables are created here from the package's structure.sql (its documented schema) --
//             the durable peer: an op is acknowledged after its INSERT committed.
//   (cd bench/collab && npm ci) && node bench/collab/sharedb-server.js PORT memory|postgres [DATABASE]
const fs = require('fs');
const http = require('http');
const { Duplex } = require('stream');
const { WebSocketServer } = require('ws');
const ShareDB = require('sharedb');
ShareDB.types.register(require('ot-text-unicode').type);

async function database(mode, url) {
  if (mode === 'memory') return undefined;
  if (mode !== 'postgres' || !url) throw new Error('usage: sharedb-server.js PORT memory|postgres [DATABASE]');
  const pg = require('pg');
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  const settings = await admin.query(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')");
  console.log('postgres', settings.rows.map((r) => `${r.name}=${r.setting}`).join(' '));
  await admin.end();
  const schema = new pg.Client({ connectionString: url });
  await schema.connect();
  await schema.query(fs.readFileSync(require.resolve('sharedb-postgres/structure.sql'), 'utf8'));
  await schema.end();
  // As many connections as our server's pool (vaporform.database.max-pool-size, 20).
  return require('sharedb-postgres')({ connectionString: url, max: Number(process.env.POOL_SIZE || 20) });
}

async function main() {
  const [port, mode = 'memory', url] = process.argv.slice(2);
  const backend = new ShareDB({ db: await database(mode, url) });
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/ws/collab' });
  wss.on('connection', (ws) => {
    // What @teamwork/websocket-json-stream does: JSON frames in and out of an object-mode stream.
    const stream = new Duplex({
      objectMode: true,
      read() {},
      write(message, encoding, done) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
        done();
      },
    });
    ws.on('message', (data) => stream.push(JSON.parse(data)));
    ws.on('close', () => { stream.push(null); stream.end(); stream.emit('close'); });
    stream.on('error', () => ws.close());
    backend.listen(stream);
  });
  server.listen(Number(port), '127.0.0.1', () => console.log(`sharedb (${mode}) listening`));
}

main().catch((error) => { console.error(error); process.exit(1); });
