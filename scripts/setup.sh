#!/usr/bin/env bash
# Installs the Debian packages wsconform builds with (only those missing), then
# configures and builds into ${BUILD_DIR:-build}. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ clang make pkg-config libboost-dev libboost-system-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev libssl-dev python3
          libclang-rt-14-dev llvm zip ${EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
