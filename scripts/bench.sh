#!/usr/bin/env bash
# Benchmark: scripts/bench.sh [N] (default 20000). Builds Release, generates a deterministic corpus
# of N resolutions (scripts/gen-corpus.py), and measures whole processes, median of 5 runs after a
# warm-up: ingest into a fresh database, the floor (cat every input byte + copy the rows that run
# produced into an empty database with the same tables and indexes), SQLite alone (the same rows, the
# FTS5 index and the indexes written by the sqlite3 shell with no parsing: what one writer cannot go
# below), a no-op re-run, and one run at 4xN. PDFs: unres ingesting the PDFs of BENCH_PDF (default: the
# 30 official PDFs of ../shared/corpus/pdf-dev, as they are, no copies) into a fresh database against
# `pdftotext` over the same files two at a time (xargs -P2), and the ingest's peak RSS; skipped when
# the folder or pdftotext (poppler-utils) is missing. XML: BENCH_XML_N (default 2000) AKN4UN files made
# from the real ones of BENCH_XML (default: the folders ../shared/corpus/akn-* of the four organs'
# originals), and apart from those of BENCH_XML_TRANSLATIONS (default: ../shared/corpus/akn-lang-*,
# the translations, whose Chinese also fills the trigram index), each copy renumbered
# so that it is a resolution of its own, into a fresh database: files per second (median), and the
# peak RSS at N and once at 4xN. BENCH_ONLY=xml or pdf runs that measure alone; BENCH_ONLY=pdf also
# measures the peak RSS of one ingest of N PDFs for each N of BENCH_PDF_RSS (default 100,300,1000: the
# PDFs of BENCH_PDF under distinct names as hard links; each is read, parsed and written, its
# resolution moving to it from the link before). The copies are kept under the work folder for the
# next run, each folder with the list of the sources it was made from (FOLDER.sources): made again
# when BENCH_XML or BENCH_PDF names other files, or when one of them changed.
# Prints a table and writes bench/results.json.
# Needs python3 and the sqlite3 shell.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target unres >/dev/null
mkdir -p bench
# The originals of the four organs (issue 15's measure) and the translations (akn-lang-*), apart.
xml=() xml_translations=()
if [[ -n ${BENCH_XML+set} ]]; then read -ra xml <<<"$BENCH_XML"
else for d in ../shared/corpus/akn-*; do [[ -d $d && $d != *akn-lang* ]] && xml+=("$d"); done
fi
if [[ -n ${BENCH_XML_TRANSLATIONS+set} ]]; then read -ra xml_translations <<<"$BENCH_XML_TRANSLATIONS"
else for d in ../shared/corpus/akn-lang-*; do [[ -d $d ]] && xml_translations+=("$d"); done
fi
exec python3 scripts/bench.py --unres build/unres --n "$n" --work "${BENCH_DIR:-${TMPDIR:-/tmp}/unres-bench}" --out bench/results.json \
  --pdf "${BENCH_PDF-../shared/corpus/pdf-dev}" --xml "${xml[@]}" --xml-translations "${xml_translations[@]}" --xml-n "${BENCH_XML_N:-2000}" --only "${BENCH_ONLY:-all}" \
  --pdf-rss "${BENCH_PDF_RSS:-100,300,1000}"
