// WebSocket-Node (npm `websocket`) as a server under test: echoes every message.
'use strict';
const http = require('http');
const { server: WebSocketServer } = require('websocket');
const { port, announce, MESSAGE_LIMIT } = require('./peer_args');

const httpServer = http.createServer((request, response) => {
  response.writeHead(404);
  response.end();
});
const server = new WebSocketServer({
  httpServer,
  autoAcceptConnections: false,
  maxReceivedFrameSize: MESSAGE_LIMIT,
  maxReceivedMessageSize: MESSAGE_LIMIT,
});
server.on('request', (request) => {
  const connection = request.accept(null, request.origin);
  connection.on('message', (message) => {
    if (message.type === 'utf8') connection.sendUTF(message.utf8Data);
    else connection.sendBytes(message.binaryData);
  });
  connection.on('error', () => {});
});
httpServer.listen(port, '127.0.0.1', () => announce(httpServer.address().port));
