#!/usr/bin/env bash
# Fuzzes one libFuzzer target under AddressSanitizer and UndefinedBehaviorSanitizer:
#   scripts/fuzz.sh TARGET SECONDS [more libFuzzer flags]
# TARGET: parse  bytes -> unres::parse (every format: detect, read, split, segment, extract), default rules
#         pdf    bytes -> unres::pdf::read (the PDF reader) -> unres::parse of its text
#         rules  bytes -> one rule file (the first byte chooses which) -> load_rules, run_examples
#         akn    bytes -> unres::akn::read_akn (AKN4UN XML)
#         records  bytes -> unres::read_records (the UN's published records, JSON lines), default rules
# Builds with clang into build-fuzz/ (-DUNRES_FUZZ=ON), then runs with -rss_limit_mb=512 -timeout=1 (pdf, parse: 3)
# -max_total_time=SECONDS. Starting corpus: parse: tests/data/** and ../shared/corpus/** when
# present, without their PDFs; pdf: tests/data/pdf and ../shared/corpus/pdf-dev, akn: tests/data/akn and ../shared/corpus/akn-*,
# records: tests/data/records and ../shared/corpus/extract-dev, when present; rules: mappings/*.yaml, each behind the byte that selects its file. New inputs are kept in
# build-fuzz/corpus-TARGET/ (reused by the next run), crashes go to build-fuzz/artifacts-TARGET/,
# the log to build-fuzz/fuzz-TARGET.log. Exit status: libFuzzer's (0: no finding).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target=${1:?usage: scripts/fuzz.sh parse|pdf|akn|records|rules SECONDS [libFuzzer flags]}
seconds=${2:?usage: scripts/fuzz.sh parse|pdf|akn|records|rules SECONDS [libFuzzer flags]}
shift 2
case $target in
  parse | pdf | akn | records | rules) ;;
  *) echo "fuzz.sh: unknown target '$target' (use parse, pdf, akn, records or rules)" >&2; exit 2 ;;
esac

cxx=${UNRES_FUZZ_CXX:-}
if [[ -z $cxx ]]; then
  for c in clang++-14 clang++; do
    if command -v "$c" >/dev/null; then cxx=$c; break; fi
  done
fi
[[ -n $cxx ]] || { echo "fuzz.sh: clang++ not found (scripts/setup.sh installs clang-14)" >&2; exit 2; }

dir=build-fuzz
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" -DUNRES_FUZZ=ON \
      -DUNRES_BUILD_TESTS=OFF >/dev/null
cmake --build "$dir" -j2 --target "fuzz_$target"

# A PDF input may take poppler longer than a text file takes the parser: parse reaches the PDF
# reader too (every format), and a real 9-page resolution PDF, mutated, took poppler's text_list
# over 1 s under the sanitizers' instrumentation (the reader's own budget is 20 s a file).
timeout=1
[[ $target == pdf || $target == parse ]] && timeout=3
corpus=$dir/corpus-$target
artifacts=$dir/artifacts-$target
mkdir -p "$corpus" "$artifacts"
seeds=()
if [[ $target == parse ]]; then
  # Text, XML and records seeds. PDFs are the pdf target's: mutated PDFs here only repeat its work,
  # slowly (poppler under the sanitizers), and their 7 MB grew the in-memory corpus past the
  # 512 MB limit in a 10-minute run. A mutation that starts with %PDF- still reaches the PDF reader.
  for d in tests/data/*; do [[ -d $d && $d != tests/data/pdf ]] && seeds+=("$d"); done
  for d in ../shared/corpus/*; do [[ -d $d && $d != */pdf-dev ]] && seeds+=("$d"); done
elif [[ $target == pdf ]]; then
  seeds+=(tests/data/pdf)
  [[ -d ../shared/corpus/pdf-dev ]] && seeds+=(../shared/corpus/pdf-dev)
elif [[ $target == akn ]]; then
  seeds+=(tests/data/akn)
  for d in ../shared/corpus/akn-*; do [[ -d $d ]] && seeds+=("$d"); done
elif [[ $target == records ]]; then
  seeds+=(tests/data/records)
  [[ -d ../shared/corpus/extract-dev ]] && seeds+=(../shared/corpus/extract-dev)
else
  # The first byte of an input chooses the file it replaces (its index in rule_file_names()) and,
  # plus 7, that the others are the default rules rather than small ones (fuzz_rules.cpp).
  seeds+=("$dir/seeds-rules")
  rm -rf "$dir/seeds-rules" && mkdir -p "$dir/seeds-rules"
  i=0
  # The base files in rule_file_names() order (etl/core/rules/loader.cpp); b % 7 picks one.
  for name in structure vocabulary phrases organizations citations deadlines member_states; do
    for byte in "$i" "$((i + 7))"; do
      { printf "\\x$(printf %02x "$byte")"; cat "mappings/$name.yaml"; } >"$dir/seeds-rules/$byte-$name.yaml"
    done
    i=$((i + 1))
  done
fi

# malloc_context_size=0: the stacks of allocations made in RE2 and yaml-cpp (built without frame
# pointers) unwind to garbage, each one new, and ASan's stack depot grew about 1 MB a minute toward
# the 512 MB limit. Replay a finding with the default ASAN_OPTIONS to see where memory was allocated.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:quarantine_size_mb=64:malloc_context_size=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "fuzz.sh: $target for ${seconds}s; corpus $corpus ${seeds[*]}; log $dir/fuzz-$target.log"
rc=0
"$dir/fuzz_$target" -rss_limit_mb=512 -timeout="$timeout" -max_total_time="$seconds" -print_final_stats=1 \
  -dict="tests/fuzz/$target.dict" -artifact_prefix="$artifacts/" "$@" "$corpus" "${seeds[@]}" \
  >"$dir/fuzz-$target.log" 2>&1 || rc=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|^Done' "$dir/fuzz-$target.log" || true
if [[ $rc -ne 0 ]]; then
  echo "fuzz.sh: $target found a problem (exit $rc); see $dir/fuzz-$target.log and $artifacts/" >&2
  tail -n 40 "$dir/fuzz-$target.log" >&2
fi
exit "$rc"
