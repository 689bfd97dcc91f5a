#!/usr/bin/env bash
# Ingests tests/data/CASE with UNRES into a fresh database and dumps it into OUTDIR with
# GOLDEN_DUMP (tests/golden/dump.cpp: every table of the registry, one sorted TSV file each):
#   tests/golden/run.sh UNRES GOLDEN_DUMP CASE OUTDIR
# documents.path is absolute; the dump shows it relative to tests/data ("seeds/000_….txt").
set -euo pipefail
usage="usage: run.sh UNRES GOLDEN_DUMP CASE OUTDIR"
unres=$(realpath "${1:?$usage}")
dump=$(realpath "${2:?$usage}")
case_name=${3:?$usage}
out=$(mkdir -p "${4:?$usage}" && realpath "$4")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unres-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

rc=0
(cd "$here/../data" && "$unres" ingest --db "$tmp/golden.db" "$case_name") 2>"$tmp/log" || rc=$?
if [[ $rc -gt 1 ]]; then  # 1 (some file quarantined) is recorded in the quarantine dump
  cat "$tmp/log" >&2
  echo "run.sh: unres ingest exited $rc" >&2
  exit "$rc"
fi
rm -f "$out"/*.tsv
"$dump" "$tmp/golden.db" "$out" "$(cd "$here/../data" && pwd -P)/"
