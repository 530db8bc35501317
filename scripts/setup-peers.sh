#!/usr/bin/env bash
# Installs the third-party WebSocket peers that runners/peers/matrix.toml tests:
# Debian's python3-websockets (and libboost-dev for the Beast echo server, which
# the CMake build compiles), and the npm packages pinned by
# runners/peers/node/package-lock.json into runners/peers/node/node_modules.
# Idempotent: does nothing when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
/usr/bin/python3 -c 'import websockets' 2>/dev/null || missing+=(python3-websockets)
dpkg -s libboost-dev >/dev/null 2>&1 || missing+=(libboost-dev)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  echo "setup-peers: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_dir=runners/peers/node
stamp=$node_dir/node_modules/.package-lock.json
if [[ ! -f $stamp || $node_dir/package-lock.json -nt $stamp ]]; then
  echo "setup-peers: npm ci in $node_dir"
  # No install scripts: the packages' native add-ons are optional (they ship
  # prebuilt binaries or fall back to JavaScript).
  (cd "$node_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
