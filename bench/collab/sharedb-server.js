// The reference for bench/collab: a ShareDB 7 server with its default in-memory database (no
// durability: ops are acknowledged without touching a disk), text-unicode registered, on a
// WebSocket at ws://127.0.0.1:PORT/ws/collab. Single-threaded, as Node is.
//   NODE_PATH=server/src/test/node/collab/node_modules node bench/collab/sharedb-server.js PORT
const http = require('http');
const { Duplex } = require('stream');
const { WebSocketServer } = require('ws');
const ShareDB = require('sharedb');
ShareDB.types.register(require('ot-text-unicode').type);

const backend = new ShareDB();
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
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('sharedb listening'));
