#!/usr/bin/env bash
# CI against real third-party implementations, all on 127.0.0.1 and started
# here: the Boost.Beast echo server and node `ws` as servers under test
# (`wsconform client`), node `ws` as the client under test (`wsconform server`),
# sections 0–10 (ci-matrix.toml). Asserts the committed baselines in
# runners/peers/baselines/. Bounded: the whole run is stopped after
# $REAL_PEERS_TIMEOUT seconds (default 1800), and wsconform-matrix stops every
# peer by its process group on any exit.
#
# Exit: 0 as the baselines say, 1 regression, 2 setup or usage error,
# 3 a peer did not start or crashed, 124/130 timed out or interrupted.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build_dir=${BUILD_DIR:-build}
outdir=${OUTDIR:-$root/reports-out/real-peers}
export WSC_BUILD_DIR="$root/$build_dir"

./scripts/setup-peers.sh
cmake --build "$build_dir" -j"$(nproc)" --target wsconform wsc_beast_echo

for peer in beast node-ws node-ws-client; do
  if [[ ! -f runners/peers/baselines/$peer.json ]]; then
    echo "ci-real-peers: runners/peers/baselines/$peer.json is missing; create it with" >&2
    echo "  runners/python/wsconform-matrix run runners/peers/ci-matrix.toml --update-baselines" >&2
    echo "and give every entry its reason (ci/README.md)." >&2
    exit 2
  fi
done

rm -rf "$outdir"
start=$(date +%s)
status=0
timeout --kill-after=30 "${REAL_PEERS_TIMEOUT:-1800}" \
  runners/python/wsconform-matrix run runners/peers/ci-matrix.toml --outdir "$outdir" \
  --wsconform "$root/$build_dir/runners/cli/wsconform" || status=$?
echo "ci-real-peers: $(( $(date +%s) - start )) s, exit $status; report in $outdir/report"
exit $status
