#!/usr/bin/env bash
# Runs .clusterfuzzlite/build.sh the way OSS-Fuzz does, by hand: a temporary SRC
# (with the repository at $SRC/wsconform), OUT and WORK, clang, ASan plus
# fuzzer-no-link in CFLAGS/CXXFLAGS and -fsanitize=fuzzer as LIB_FUZZING_ENGINE.
# Then checks that $OUT holds, for every harness fuzz/<target>.cc, the binary,
# <target>_seed_corpus.zip, <target>.dict and <target>.options, and that each
# binary starts from its seed corpus and runs a few hundred more inputs.
#
#   fuzz/tools/test_build_sh.sh [repo-root]    (ctest: fuzz_oss_build_sh)
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wsc-build-sh.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" "$tmp/out" "$tmp/work"
ln -s "$root" "$tmp/src/wsconform"

export SRC=$tmp/src OUT=$tmp/out WORK=$tmp/work
export CC=clang CXX=clang++
export CFLAGS="-fsanitize=address,fuzzer-no-link -g -O1"
export CXXFLAGS="-fsanitize=address,fuzzer-no-link -g -O1"
export LIB_FUZZING_ENGINE=-fsanitize=fuzzer
if ! "$root/.clusterfuzzlite/build.sh" >"$tmp/build.log" 2>&1; then
  tail -40 "$tmp/build.log"
  echo "FAIL: build.sh failed" >&2
  exit 1
fi

status=0
for src in "$root"/fuzz/*.cc; do
  t=$(basename "$src" .cc)
  for f in "$t" "${t}_seed_corpus.zip" "$t.dict" "$t.options"; do
    if [ ! -s "$OUT/$f" ]; then echo "FAIL: \$OUT/$f missing"; status=1; fi
  done
  if [ -x "$OUT/$t" ]; then
    # From a copy of the committed seeds (the regression inputs, also in the zip,
    # are the replay tests' business: a known, unfixed bug must not fail this one).
    mkdir -p "$tmp/corpus"
    cp -r "$root/fuzz/corpus/$t" "$tmp/corpus/$t"
    if ! (cd "$OUT" && ./"$t" -runs=500 -seed=1 "$tmp/corpus/$t" >"$tmp/$t.log" 2>&1); then
      echo "FAIL: $t does not run:"; tail -5 "$tmp/$t.log"; status=1
    fi
    n=$(python3 -c 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))' "$OUT/${t}_seed_corpus.zip")
    echo "ok: $t ($n seeds)"
  fi
done
exit $status
