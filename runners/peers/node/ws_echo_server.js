// node `ws` as a server under test: every message goes back with its type.
// permessage-deflate is enabled so that sections 12 and 13 test it too.
'use strict';
const { WebSocketServer } = require('ws');
const { port, announce, MESSAGE_LIMIT } = require('./peer_args');

const server = new WebSocketServer({
  host: '127.0.0.1',
  port,
  perMessageDeflate: true,
  maxPayload: MESSAGE_LIMIT,
});
server.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  // ws closes the connection itself on a protocol error; the event only needs a listener.
  socket.on('error', () => {});
});
server.on('listening', () => announce(server.address().port));
