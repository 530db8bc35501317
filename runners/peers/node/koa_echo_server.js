// koa with koa-websocket (which runs `ws` underneath, permessage-deflate off)
// as a server under test: a websocket middleware that echoes every message.
'use strict';
const Koa = require('koa');
const websockify = require('koa-websocket');
const { port, announce, MESSAGE_LIMIT } = require('./peer_args');

const app = websockify(new Koa(), { perMessageDeflate: false, maxPayload: MESSAGE_LIMIT });
app.ws.use((ctx) => {
  ctx.websocket.on('message', (data, isBinary) => ctx.websocket.send(data, { binary: isBinary }));
  ctx.websocket.on('error', () => {});
});
const httpServer = app.listen(port, '127.0.0.1', () => announce(httpServer.address().port));
