#!/usr/bin/env bash
# Ingests tests/data/CASE with UNRES into a fresh database and dumps it into OUTDIR:
#   tests/golden/run.sh UNRES CASE OUTDIR
# documents.path is absolute; the dump shows it relative to tests/data ("seeds/000_….txt").
set -euo pipefail
unres=$(realpath "${1:?usage: run.sh UNRES CASE OUTDIR}")
case_name=${2:?usage: run.sh UNRES CASE OUTDIR}
out=$(mkdir -p "${3:?usage: run.sh UNRES CASE OUTDIR}" && realpath "$3")
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
GOLDEN_ROOT="$(cd "$here/../data" && pwd -P)/" bash "$here/dump.sh" "$tmp/golden.db" "$out"
