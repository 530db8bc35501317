#!/usr/bin/env bash
# Sets up (installs missing Debian/npm packages, builds) and runs every test: the
# C++ suites through ctest, the Python runner's unittest suite, and the full
# catalogue against real third-party peers. Exit status is non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${BUILD_DIR:-build}

# Beyond the build: Chromium renders the HTML report in a browser test, Python's
# websockets and YAML serve the CI-example and peer tests.
EXTRA_PACKAGES="chromium python3-websockets python3-yaml ${EXTRA_PACKAGES:-}" ./scripts/setup.sh
[[ -x scripts/setup-peers.sh ]] && ./scripts/setup-peers.sh

status=0
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" --timeout 1800 ${CTEST_ARGS:-} || status=1

if [[ -d runners/python ]]; then
  (cd runners/python && WSCONFORM="$root/$build_dir/runners/cli/wsconform" python3 -m unittest discover -s tests -t . -v) || status=1
fi

# Real third-party peers on 127.0.0.1 (Boost.Beast and node ws servers, the node ws
# client), gated on their committed baselines (runners/peers/README.md).
REAL_PEERS_TIMEOUT=${REAL_PEERS_TIMEOUT:-900} BUILD_DIR="$build_dir" runners/peers/ci-real-peers.sh || status=1
exit $status
