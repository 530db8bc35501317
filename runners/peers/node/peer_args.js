// Shared by the node peers: the port to listen on (--port N, default 9001; 0
// picks a free one) and the line the matrix runner waits for.
'use strict';

function portFromArgs(argv) {
  const i = argv.indexOf('--port');
  const port = i >= 0 ? Number(argv[i + 1]) : 9001;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bad --port ${argv[i + 1]}`);
    process.exit(2);
  }
  return port;
}

function announce(port) {
  console.log(`listening on 127.0.0.1:${port}`);
}

// Autobahn's §9 sends messages of up to 16 MiB: allow more than that.
const MESSAGE_LIMIT = 64 * 1024 * 1024;

module.exports = { port: portFromArgs(process.argv.slice(2)), announce, MESSAGE_LIMIT };
