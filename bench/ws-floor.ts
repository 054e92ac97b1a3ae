// The fan-out bench's floor: a bare node:http + ws server that sends a POSTed body to every
// connected socket, then answers. Prints its URL on stdout. Its clients (bench/fanout.ts,
// floorBroadcast) JSON.parse every message, as flowshare's subscribers in the bench do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const sockets = new Set<WebSocket>();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const start = performance.now();
    for (const socket of sockets) socket.send(body);
    // The server's own time to hand the message to every socket (the bench prints it).
    res.end(String(performance.now() - start));
  });
});
new WebSocketServer({ server }).on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
