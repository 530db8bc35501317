// faye-websocket as a server under test: echoes every message (a string comes
// back as text, a Buffer as binary).
'use strict';
const http = require('http');
const WebSocket = require('faye-websocket');
const { port, announce, MESSAGE_LIMIT } = require('./peer_args');

const httpServer = http.createServer((request, response) => {
  response.writeHead(404);
  response.end();
});
httpServer.on('upgrade', (request, socket, body) => {
  if (!WebSocket.isWebSocket(request)) {
    socket.destroy();
    return;
  }
  const ws = new WebSocket(request, socket, body, [], { maxLength: MESSAGE_LIMIT });
  ws.on('message', (event) => ws.send(event.data));
});
httpServer.listen(port, '127.0.0.1', () => announce(httpServer.address().port));
