#!/usr/bin/env bash
# Regenerates tests/golden/<case>/<table>.tsv from tests/data/<case> with build/unres (built first).
# Review the diff of tests/golden afterwards: every change in it is a change of the output.
#   scripts/update-golden.sh [case...]      (default: seeds odsrender pdftext akn organs pdftotext/{default,layout,raw})
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build -j2 --target unres golden_dump
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  cases=(seeds odsrender pdftext akn organs pdftotext/default pdftotext/layout pdftotext/raw)
fi
for c in "${cases[@]}"; do
  bash tests/golden/run.sh build/unres build/tests/golden_dump "$c" "tests/golden/$c"
  echo "update-golden: tests/golden/$c: $(ls "tests/golden/$c" | wc -l) tables"
done
