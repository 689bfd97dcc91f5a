#!/usr/bin/env bash
# Installs the build and test dependencies (Debian 12) and builds build/unres (Release).
# Idempotent: apt is skipped when every package is installed already. With CI set, warnings are errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(
  build-essential cmake pkg-config
  libsqlitecpp-dev libsqlite3-dev libre2-dev libyaml-cpp-dev libcli11-dev libfmt-dev libxxhash-dev
  libpugixml-dev
  libgtest-dev libgmock-dev nlohmann-json3-dev
  sqlite3 python3 chromium
  libpoppler-cpp-dev libpoppler-private-dev
  clang-14 libclang-rt-14-dev e2fsprogs
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ $status == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
else
  echo "setup: all ${#packages[@]} packages are installed"
fi

configure=(-S . -B build -DCMAKE_BUILD_TYPE=Release)
if [[ -n ${CI:-} ]]; then
  configure+=(-DUNRES_WERROR=ON)
fi
cmake "${configure[@]}"
cmake --build build -j2
test -x build/unres
echo "setup: built build/unres ($(build/unres --version))"
