#!/usr/bin/env bash
# The main job on its embedded default: set up and build, start the reference echo
# server (our codec) on 127.0.0.1, run the whole catalogue against it with
# `wsconform client`, stop the server, and print where the HTML report is.
#
#   ./scripts/main.sh                 # every case: the handshake section (0.x) and the 517 Autobahn-compatible ones
#   CASES='1.*,2.*' ./scripts/main.sh # a selection, Autobahn pattern syntax
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${BUILD_DIR:-build}
outdir=${OUTDIR:-$root/reports-out/main}

CMAKE_ARGS="-DWSC_BUILD_BENCH=OFF ${CMAKE_ARGS:-}" ./scripts/setup.sh
wsconform="$root/$build_dir/runners/cli/wsconform"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The echo server speaks wsc.echo and admits one Origin, so the handshake cases
# that need such a setup run too (declared to the client with --capability).
"$wsconform" echo-server --port "$port" --subprotocol wsc.echo --allow-origin https://allowed.example > "$root/$build_dir/echo-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

rm -rf "$outdir"
status=0
"$wsconform" client "ws://127.0.0.1:$port/" --agent wsconform-echo-server --outdir "$outdir" \
  --capability origin-policy,subprotocol:wsc.echo \
  --cases "${CASES:-0.*,*}" --jobs "${JOBS:-2}" --junit "$outdir/junit.xml" || status=$?

echo
echo "HTML report: $outdir/index.html"
exit $status
