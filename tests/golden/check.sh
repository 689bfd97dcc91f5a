#!/usr/bin/env bash
# ctest (label golden): re-does the dump of tests/data/CASE and compares it with tests/golden/CASE.
#   tests/golden/check.sh UNRES GOLDEN_DUMP CASE
# On a difference that is intended, run scripts/update-golden.sh and review the diff of tests/golden.
set -euo pipefail
unres=${1:?usage: check.sh UNRES GOLDEN_DUMP CASE}
dump=${2:?usage: check.sh UNRES GOLDEN_DUMP CASE}
case_name=${3:?usage: check.sh UNRES GOLDEN_DUMP CASE}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unres-golden-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

bash "$here/run.sh" "$unres" "$dump" "$case_name" "$tmp/$case_name"
if [[ ! -d "$here/$case_name" ]]; then
  echo "no golden files in tests/golden/$case_name: run scripts/update-golden.sh" >&2
  exit 1
fi
if diff -u -r "$here/$case_name" "$tmp/$case_name" >"$tmp/diff"; then
  echo "golden $case_name: $(ls "$tmp/$case_name" | wc -l) tables identical"
else
  head -n 400 "$tmp/diff"
  echo "golden $case_name: differs from tests/golden/$case_name (scripts/update-golden.sh refreshes it)" >&2
  exit 1
fi
