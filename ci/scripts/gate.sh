#!/usr/bin/env bash
# The conformance gate for a results directory: re-renders index.html, writes
# JUnit XML and compares the verdicts with a committed baseline. Use it after a
# plain run, or after merging shards (`wsconform report merge`).
#
#   gate.sh RESULTS_DIR [--baseline FILE] [--junit FILE] [--update-baseline]
#           [--pass-policy P] [--compare DIR]
#
# WSCONFORM names the binary (default: wsconform on PATH). With
# GITHUB_STEP_SUMMARY set, the gate's verdict is appended to the job summary.
# Exit codes as docs/exit-codes.md: 0 pass, 1 conformance regression, 2 usage
# or input error, 4 incomplete (selected cases without a result).
set -uo pipefail

wsconform=${WSCONFORM:-wsconform}
if [[ $# -lt 1 || $1 == -* ]]; then
  sed -n '6,7p' "$0" >&2
  exit 2
fi
results=$1
shift
if [[ ! -f $results/index.json ]]; then
  echo "gate.sh: $results/index.json not found (did the run write its results there?)" >&2
  exit 2
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$wsconform" report "$results" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  {
    echo "### WebSocket conformance gate"
    case $status in
      0) echo "**PASS** - every case passes or is accepted by the baseline." ;;
      1) echo "**FAIL** - conformance regressions:" ;;
      4) echo "**INCOMPLETE** - selected cases have no result (the peer stopped answering?):" ;;
      *) echo "**ERROR** (exit $status) - see the job log." ;;
    esac
    echo '```'
    grep -E '^(REGRESSION|FAIL |MISSING|IMPROVED|gate:)' "$out" | head -200
    echo '```'
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
