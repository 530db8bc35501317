// node `ws` as a client under test, driven by Autobahn's fuzzing-server URL
// protocol: /getCaseCount, then /runCase?case=N&agent=A for N = 1..count
// (echoing every message until the server closes), then /updateReports.
//
//   node ws_fuzzing_client.js ws://127.0.0.1:9001 AGENT
'use strict';
const WebSocket = require('ws');
const { MESSAGE_LIMIT } = require('./peer_args');

const [base, agent = 'node-ws-client'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!base) {
  console.error('usage: node ws_fuzzing_client.js URL [AGENT]');
  process.exit(2);
}
const root = base.replace(/\/+$/, '');
const agentParam = encodeURIComponent(agent);

// Opens one connection and resolves once it is closed; `onMessage` sees each message.
function session(path, onMessage) {
  return new Promise((resolve) => {
    const ws = new WebSocket(root + path, { perMessageDeflate: true, maxPayload: MESSAGE_LIMIT });
    ws.on('message', (data, isBinary) => onMessage(ws, data, isBinary));
    ws.on('error', () => {});  // always followed by 'close'
    ws.on('close', resolve);
  });
}

async function main() {
  let count = NaN;
  await session('/getCaseCount', (ws, data) => { count = Number(data.toString()); });
  if (!Number.isInteger(count)) {
    console.error('getCaseCount gave no number');
    process.exit(1);
  }
  for (let n = 1; n <= count; n++) {
    await session(`/runCase?case=${n}&agent=${agentParam}`, (ws, data, isBinary) => {
      ws.send(data, { binary: isBinary });
    });
  }
  await session(`/updateReports?agent=${agentParam}`, () => {});
  console.log(`ran ${count} cases`);
}

main();
