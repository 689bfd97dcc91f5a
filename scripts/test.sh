#!/usr/bin/env bash
# Builds and runs every test:  scripts/test.sh [ctest arguments, e.g. -L unit or -R golden]
# UNRES_SANITIZE=address,undefined scripts/test.sh builds a Debug build with those sanitizers into
# build-asan/ instead of the Release build in build/. With CI set, warnings are errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n ${UNRES_SANITIZE:-} ]]; then
  dir=build-asan
  configure=(-S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug "-DUNRES_SANITIZE=$UNRES_SANITIZE")
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
else
  dir=build
  configure=(-S . -B "$dir" -DCMAKE_BUILD_TYPE=Release)
fi
if [[ -n ${CI:-} ]]; then
  configure+=(-DUNRES_WERROR=ON)
fi
configure+=(-DUNRES_BUILD_TESTS=ON)

cmake "${configure[@]}"
cmake --build "$dir" -j2
ctest --test-dir "$dir" --output-on-failure -j2 "$@"
