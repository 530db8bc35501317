#!/usr/bin/env bash
# fuzz/mutants/run refuses, before building anything, mutants it cannot apply as
# written: a search text that is not in its file exactly once (the codec moved
# on and the mutant needs a refresh), an unknown harness, a header file. And
# every committed mutant still applies to the tree (--list checks that).
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
run="$root/fuzz/mutants/run"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mutant() {  # mutant <name> <file> <harness> <search>
  cat >"$tmp/d/$1.mutant" <<M
file: $2
family: test
rule: test
harnesses: $3
<<<<<<< search
$4
=======
changed
>>>>>>> replace
M
}
expect() {  # expect <status> <text in stderr>
  set +e
  "$run" --list --dir "$tmp/d" --build "$tmp/build" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  set -e
  [ "$rc" = "$1" ] || fail "exit status $rc, expected $1: $(cat "$tmp/err")"
  grep -q "$2" "$tmp/err" || fail "no '$2' in: $(cat "$tmp/err")"
}

mkdir -p "$tmp/d"
mutant gone codec/src/frame_parser.cpp frame_parse "this text is in no codec file"
expect 2 "mutant gone no longer applies: its search text occurs 0 times"
rm "$tmp/d"/*
mutant twice codec/src/frame_parser.cpp frame_parse "return error::none;"
expect 2 "mutant twice no longer applies: its search text occurs"
rm "$tmp/d"/*
mutant harness codec/src/frame_parser.cpp no_such_harness "h.length >> 63"
expect 2 "unknown harness no_such_harness"
rm "$tmp/d"/*
mutant header codec/include/wsc/frame.hpp frame_parse "struct frame_header"
expect 2 "file must be a codec/src/\*.cpp file"

"$run" --list --build "$tmp/build" >"$tmp/out" || fail "a committed mutant no longer applies: $(tail -1 "$tmp/out")"
n=$(ls "$root"/fuzz/mutants/*.mutant | wc -l)
grep -q "^$n mutants, each applies" "$tmp/out" || fail "--list did not check all $n mutants"
echo "ok: $n mutants apply; broken mutants are refused"
