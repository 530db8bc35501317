#!/usr/bin/env bash
# Runs ci/scripts/gate.sh for real against results written by the report tool
# (WSCONFORM=path of a binary whose `report` subcommand is wsconform's).
#   gate_script_test.sh REPORT_TOOL
source "$(dirname "$0")/lib.sh"
tool=${1:?usage: gate_script_test.sh REPORT_TOOL}
export WSCONFORM=$tool
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tool" synthetic "$tmp/run" >/dev/null
run_gate() { "$scripts/gate.sh" "$@" >"$tmp/out" 2>&1; echo $?; }

[[ $(run_gate) == 2 ]] && pass "no arguments: exit 2" || fail "no arguments did not exit 2"
[[ $(run_gate "$tmp/nothing") == 2 ]] && pass "no index.json: exit 2" || fail "missing results did not exit 2"
[[ $(run_gate "$tmp/run") == 1 ]] && pass "failures without a baseline: exit 1" || fail "no-baseline gate did not exit 1"
[[ $(run_gate "$tmp/run" --baseline "$tmp/absent.json") == 2 ]] && pass "missing baseline: exit 2" || fail "missing baseline did not exit 2"

code=$(run_gate "$tmp/run" --baseline "$tmp/baseline.json" --update-baseline)
[[ $code == 0 && -s $tmp/baseline.json ]] && pass "--update-baseline writes the baseline" || fail "--update-baseline (exit $code)"
grep -q '"reason": "TODO: explain"' "$tmp/baseline.json" && pass "new entries say TODO: explain" || fail "no TODO reasons"

export GITHUB_STEP_SUMMARY=$tmp/summary.md
code=$(run_gate "$tmp/run" --baseline "$tmp/baseline.json" --junit "$tmp/junit.xml")
[[ $code == 0 ]] && pass "results equal to the baseline: exit 0" || { fail "gate on its own baseline exited $code"; cat "$tmp/out"; }
[[ -s $tmp/run/index.html && -s $tmp/junit.xml ]] && pass "HTML and JUnit written" || fail "HTML or JUnit missing"
grep -q '\*\*PASS\*\*' "$tmp/summary.md" && pass "job summary says PASS" || fail "no PASS in the job summary"

# A case the baseline does not accept.
python3 - "$tmp/baseline.json" <<'PY'
import json, sys
path = sys.argv[1]
b = json.load(open(path))
agent = sorted(b["agents"])[0]
first = next(iter(b["agents"][agent]))
del b["agents"][agent][first]
json.dump(b, open(path, "w"), indent=2)
print(agent, first, file=open(path + ".removed", "w"))
PY
read -r agent_and_case <"$tmp/baseline.json.removed"
code=$(run_gate "$tmp/run" --baseline "$tmp/baseline.json")
[[ $code == 1 ]] && pass "a case missing from the baseline: exit 1" || fail "regression exited $code"
grep -q "^REGRESSION ${agent_and_case}" "$tmp/out" && pass "the regression is named: ${agent_and_case}" ||
  { fail "regression line missing"; cat "$tmp/out"; }
grep -q '\*\*FAIL\*\*' "$tmp/summary.md" && pass "job summary says FAIL" || fail "no FAIL in the job summary"

# Shards merged, then gated.
for i in 1 2; do
  mkdir -p "$tmp/s$i"
done
"$tool" synthetic "$tmp/s1" --agents A >/dev/null
"$tool" synthetic "$tmp/s2" --agents B >/dev/null
"$tool" report merge "$tmp/s1" "$tmp/s2" -o "$tmp/merged" >/dev/null && pass "merge without --baseline exits 0" || fail "merge failed"
code=$(run_gate "$tmp/merged" --pass-policy strict --baseline "$tmp/m.json" --update-baseline)
[[ $code == 0 ]] && grep -q '"A"' "$tmp/m.json" && grep -q '"B"' "$tmp/m.json" && pass "merged agents both in the baseline" ||
  fail "merged baseline (exit $code)"
finish
