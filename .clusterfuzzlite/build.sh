#!/bin/bash -eu
# Builds the wsconform fuzz targets the OSS-Fuzz way and installs them in $OUT.
#
# Inputs (exported by OSS-Fuzz / ClusterFuzzLite, or by hand for a local run, see
# fuzz/tools/test_build_sh.sh): SRC, OUT, WORK, CC, CXX, CFLAGS, CXXFLAGS and
# LIB_FUZZING_ENGINE. CFLAGS/CXXFLAGS carry the sanitizer and coverage flags for
# every object; fuzz/CMakeLists.txt links each harness with $LIB_FUZZING_ENGINE.
#
# For each target it installs: the binary, <target>_seed_corpus.zip (the
# committed seeds and regression inputs), <target>.dict and <target>.options.
root=${WSC_ROOT:-$SRC/wsconform}
build=$WORK/build-wsconform

# CMAKE_BUILD_TYPE=None: no -O2/-g of our own on top of the flags given to us.
cmake -S "$root" -B "$build" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_BUILD_TYPE=None \
  -DWSC_FUZZ=ON -DWSC_BUILD_TESTS=OFF -DWSC_BUILD_BENCH=OFF -DWSC_BUILD_RUNNERS=OFF
cmake --build "$build" -j"$(nproc)" --target fuzz_all

make_zip() {  # make_zip <zip> <dir>...: the files of the dirs, flat
  local zip=$1; shift
  rm -f "$zip"
  if command -v zip >/dev/null; then
    for d in "$@"; do
      if [ -d "$d" ]; then find "$d" -type f | sort | zip -q -j "$zip" -@; fi
    done
  else
    python3 - "$zip" "$@" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d in sys.argv[2:]:
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                z.write(os.path.join(d, name), os.path.basename(d) + "_" + name)
PY
  fi
  return 0
}

installed=0
for src in "$root"/fuzz/*.cc; do
  t=$(basename "$src" .cc)
  [ -x "$build/fuzz/$t" ] || continue  # e.g. differential_beast without Boost 1.74
  cp "$build/fuzz/$t" "$OUT/"
  cp "$root/fuzz/$t.dict" "$root/fuzz/$t.options" "$OUT/"
  make_zip "$OUT/${t}_seed_corpus.zip" "$root/fuzz/corpus/$t" "$root/fuzz/regressions/$t"
  installed=$((installed + 1))
done
echo "build.sh: installed $installed fuzz targets in $OUT"
[ "$installed" -gt 0 ]
