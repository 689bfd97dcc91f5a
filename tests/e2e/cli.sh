#!/usr/bin/env bash
# End-to-end checks of the unres binary, one case per ctest test:
#   tests/e2e/cli.sh CASE PATH/TO/unres
# Cases: version, usage, bad_rules, ingest_seeds, bad_input, newer_schema, records, evaluate, pdf_ingest.
# Needs the sqlite3 shell (SQLITE3, default: sqlite3) and python3 for `evaluate`.
set -euo pipefail

case_name=${1:?usage: cli.sh CASE UNRES}
unres=${2:?usage: cli.sh CASE UNRES}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${UNRES_TEST_DATA:-$here/../data}
sqlite=${SQLITE3:-sqlite3}
python=${PYTHON3:-python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unres-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect_eq WHAT GOT WANT
expect_eq() { if [[ "$2" != "$3" ]]; then fail "$1: got '$2', want '$3'"; else echo "ok: $1 = $3"; fi; }
# expect_rc WANT COMMAND...: runs COMMAND (stdout+stderr to $tmp/out) and checks its exit code.
expect_rc() {
  local want=$1 rc=0
  shift
  "$@" >"$tmp/out" 2>&1 || rc=$?
  if [[ $rc -ne $want ]]; then
    fail "exit $rc (want $want): $*"
    sed 's/^/  | /' "$tmp/out" >&2
  else
    echo "ok: exit $want: $*"
  fi
}
expect_output() {  # expect_output FIXED-STRING: in the output of the last expect_rc
  if grep -qF -- "$1" "$tmp/out"; then echo "ok: output has '$1'"; else fail "output lacks '$1'"; sed 's/^/  | /' "$tmp/out" >&2; fi
}
q() { "$sqlite" -batch -noheader "$1" "$2"; }

case $case_name in
  version)
    expect_rc 0 "$unres" --version
    if grep -qE '^unres [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"; then echo "ok: $(cat "$tmp/out")"; else fail "version output: $(cat "$tmp/out")"; fi
    ;;

  usage)
    expect_rc 2 "$unres"
    expect_output "unres: which command? ingest, rules, quarantine, search"
    expect_rc 2 "$unres" quarantine
    expect_output "unres quarantine: which command? list"
    expect_rc 2 "$unres" frobnicate
    expect_output "'frobnicate' is not a command of unres"
    # A mistyped subcommand is named, with the nearest one (issue 17).
    expect_rc 2 "$unres" serch word
    expect_output "did you mean 'unres search'?"
    expect_rc 2 "$unres" quarantine lst
    expect_output "did you mean 'unres quarantine list'?"
    expect_rc 2 "$unres" rules chek
    expect_output "did you mean 'unres rules check'?"
    expect_rc 2 "$unres" ingest
    expect_rc 0 "$unres" --help
    expect_output "ingest"
    ;;

  bad_rules)
    # A copy of the default rules with one mistake: `rules check --rules` exits 2 naming file:line:col.
    mkdir "$tmp/rules"
    cp mappings/*.yaml "$tmp/rules/"
    expect_rc 0 "$unres" rules check --rules "$tmp/rules"
    expect_output "rules ok:"
    printf 'kinds: [report]\nrules:\n  - id: broken\n    kind: memo\n    pattern: "(?P<session>x"\n' >"$tmp/rules/deadlines.yaml"
    expect_rc 2 "$unres" rules check --rules "$tmp/rules"
    expect_output "$tmp/rules/deadlines.yaml:4:11: rule 'broken': unknown kind 'memo' (use report)"
    expect_output "$tmp/rules/deadlines.yaml:5:14: rule 'broken': pattern 'pattern' does not compile: missing ): (?P<session>x"
    # The same rules make ingest fail before anything is written.
    expect_rc 2 "$unres" ingest --db "$tmp/x.db" --rules "$tmp/rules" "$data/seeds"
    [[ ! -e "$tmp/x.db" ]] && echo "ok: no database written" || fail "a database was written with bad rules"
    rm "$tmp/rules/phrases.yaml"
    expect_rc 2 "$unres" rules check --rules "$tmp/rules"
    expect_output "$tmp/rules/phrases.yaml:1:1: cannot read rule file"
    ;;

  ingest_seeds)
    expect_rc 0 "$unres" ingest --db "$tmp/seeds.db" -v "$data/seeds"
    expect_output "5 file(s) seen, 5 loaded"
    expect_output " 0 quarantined"
    expect_eq "resolutions" "$(q "$tmp/seeds.db" 'SELECT count(*) FROM resolutions')" 5
    expect_eq "documents loaded" "$(q "$tmp/seeds.db" "SELECT count(*) FROM documents WHERE status = 'loaded'")" 5
    expect_eq "quarantine" "$(q "$tmp/seeds.db" 'SELECT count(*) FROM quarantine')" 0
    expect_eq "user_version" "$(q "$tmp/seeds.db" 'PRAGMA user_version')" 1
    expect_eq "foreign keys" "$(q "$tmp/seeds.db" 'PRAGMA foreign_key_check' | wc -l)" 0
    expect_eq "symbols" "$(q "$tmp/seeds.db" 'SELECT group_concat(symbol, " ") FROM (SELECT symbol FROM resolutions ORDER BY symbol)')" \
      "A/RES/65/124 A/RES/67/15 A/RES/68/230 A/RES/68/272 A/RES/69/12"
    before=$(q "$tmp/seeds.db" 'SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM citations), (SELECT count(*) FROM action_verbs)')
    # A second run skips the unchanged files: same rows, one more run.
    expect_rc 0 "$unres" ingest --db "$tmp/seeds.db" "$data/seeds"
    expect_eq "rows after a second run" "$(q "$tmp/seeds.db" 'SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM citations), (SELECT count(*) FROM action_verbs)')" "$before"
    # Forced, the files are parsed and loaded again, replacing their rows: still no duplicates.
    expect_rc 0 "$unres" ingest --db "$tmp/seeds.db" --force "$data/seeds"
    expect_output "5 file(s) seen, 5 loaded"
    expect_eq "rows after a forced run" "$(q "$tmp/seeds.db" 'SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM citations), (SELECT count(*) FROM action_verbs)')" "$before"
    expect_eq "runs" "$(q "$tmp/seeds.db" "SELECT group_concat(status || ':' || files_loaded, ' ') FROM ingest_runs")" "completed:5 completed:0 completed:5"
    # A single file works as well as a directory.
    expect_rc 0 "$unres" ingest --db "$tmp/one.db" "$data/seeds/003_854e03e7025bed56.txt"
    expect_eq "one file" "$(q "$tmp/one.db" 'SELECT symbol FROM resolutions')" "A/RES/65/124"
    ;;

  bad_input)
    # An empty file, a binary file, text with no resolution, and a second copy of a resolution
    # (its symbol is loaded from another file): quarantined (exit 1); the good files still load,
    # including one that comes after the conflicting copy.
    mkdir "$tmp/in"
    : >"$tmp/in/empty.txt"
    printf 'PK\003\004\000\000binary\000data' >"$tmp/in/binary.txt"
    printf 'Minutes of the meeting.\nNothing was resolved.\n' >"$tmp/in/memo.txt"
    printf '[DU1]\nA plain ODS export with no resolution in it.\n' >"$tmp/in/ods-memo.txt"
    cp "$data/seeds/000_6ebaee88ab77a99b.txt" "$data/seeds/003_854e03e7025bed56.txt" "$tmp/in/"
    cp "$data/seeds/000_6ebaee88ab77a99b.txt" "$tmp/in/001-copy.txt"
    expect_rc 1 "$unres" ingest --db "$tmp/bad.db" "$tmp/in"
    expect_output "7 file(s) seen, 2 loaded"
    expect_output " 5 quarantined"
    expect_eq "loaded" "$(q "$tmp/bad.db" "SELECT group_concat(symbol, ' ') FROM (SELECT symbol FROM resolutions ORDER BY symbol)")" "A/RES/65/124 A/RES/68/272"
    expect_eq "paragraphs of the good files" "$(q "$tmp/bad.db" "SELECT count(*) > 20 FROM paragraphs")" 1
    expect_eq "documents" "$(q "$tmp/bad.db" "SELECT status, count(*) FROM documents GROUP BY status ORDER BY status" | tr '\n' ' ')" "loaded|2 rejected|5 "
    stages=$(q "$tmp/bad.db" "SELECT replace(path, '$tmp/in/', '') || ' ' || stage FROM quarantine ORDER BY path" | tr '\n' ',')
    expect_eq "quarantine" "$stages" "001-copy.txt load,binary.txt normalize,empty.txt read,memo.txt normalize,ods-memo.txt split,"
    expect_eq "empty file" "$(q "$tmp/bad.db" "SELECT reason FROM quarantine WHERE path LIKE '%/empty.txt'")" "empty file"
    expect_eq "conflicting copy" "$(q "$tmp/bad.db" "SELECT reason FROM quarantine WHERE path LIKE '%/001-copy.txt'")" \
      "conflicting symbol: A/RES/68/272 is already loaded from $tmp/in/000_6ebaee88ab77a99b.txt, another text file of it (a resolution has one source of each kind: XML, PDF, text)"
    expect_eq "run status" "$(q "$tmp/bad.db" "SELECT status || ' ' || files_quarantined FROM ingest_runs")" "completed_with_quarantine 5"
    # Reasons say what is wrong with the file, not which rule of which rule file failed (issue 17).
    expect_eq "reasons in plain words" \
      "$(q "$tmp/bad.db" "SELECT count(*) FROM quarantine WHERE reason LIKE '%mappings/%' OR reason LIKE '%.yaml%' OR reason LIKE '%document.%'")" 0
    expect_rc 0 "$unres" quarantine list --db "$tmp/bad.db"
    expect_output "$tmp/in/binary.txt:1	normalize	binary file (NUL byte at offset 4)"
    expect_output "no known layout: the first 4096 bytes look neither like an ODS text export nor like text extracted from a resolution PDF"
    # A header line, then one line per file quarantined now.
    expect_eq "quarantine list header" "$(head -n 1 "$tmp/out")" "file	stage	reason	run	recorded_at	excerpt"
    expect_eq "quarantine list lines" "$(grep -c "^$tmp/in/" "$tmp/out")" 5
    # Without the bad files, a run exits 0; the files fixed or gone leave the list, --all keeps them.
    rm "$tmp/in/empty.txt" "$tmp/in/binary.txt" "$tmp/in/memo.txt" "$tmp/in/ods-memo.txt"
    printf 'now a fixed file\n' >"$tmp/in/empty.txt"
    cp "$data/seeds/002_29bf1aa341619b85.txt" "$tmp/in/001-copy.txt"
    expect_rc 1 "$unres" ingest --db "$tmp/bad.db" "$tmp/in"
    expect_rc 0 "$unres" quarantine list --db "$tmp/bad.db"
    expect_eq "quarantined now" "$(grep "^$tmp/in/" "$tmp/out" | cut -f1,2 | tr '\n' ,)" "$tmp/in/empty.txt:1	normalize,"
    expect_rc 0 "$unres" quarantine list --db "$tmp/bad.db" --all
    expect_output "$tmp/in/001-copy.txt	load	conflicting symbol"
    expect_output "	loaded	"
    rm "$tmp/in/empty.txt"
    expect_rc 0 "$unres" ingest --db "$tmp/bad.db" "$tmp/in"
    expect_eq "resolutions after the fix" "$(q "$tmp/bad.db" 'SELECT count(*) FROM resolutions')" 3
    expect_rc 0 "$unres" quarantine list --db "$tmp/bad.db"
    expect_output "no file is quarantined"
    # The live progress line is erased before a log line, not run together with it on the terminal.
    # The progress line is redrawn every 0.2 s: copies of one resolution (each after the first a
    # quarantined conflict, so a log line) until a run lasts long enough to draw it mid-run.
    mkdir "$tmp/copies"
    copies=0 drawn=0
    for target in 600 1500 4000; do
      for i in $(seq $((copies + 1)) "$target"); do cp "$data/seeds/000_6ebaee88ab77a99b.txt" "$tmp/copies/c$i.txt"; done
      copies=$target
      rm -f "$tmp/copies.db"*
      "$unres" ingest --db "$tmp/copies.db" --progress always "$tmp/copies" 2>"$tmp/progress" || true
      if grep -q $'ETA [0-9]*s\r\033\[Kunres: quarantined' "$tmp/progress"; then drawn=1; break; fi
    done
    expect_eq "log lines after a progress line start on a clean line" "$(grep -c 'ETA [0-9]*sunres' "$tmp/progress")" 0
    if [[ $drawn == 1 ]]; then echo "ok: progress erased before a log line ($copies files)"
    else fail "no progress line was drawn before a log line in $copies files"; cat -v "$tmp/progress" | head -5 >&2; fi
    ;;

  newer_schema)
    "$sqlite" "$tmp/new.db" 'PRAGMA user_version = 99;'
    expect_rc 3 "$unres" ingest --db "$tmp/new.db" "$data/seeds"
    expect_output "database schema version 99 is newer"
    expect_eq "untouched" "$(q "$tmp/new.db" "SELECT count(*) FROM sqlite_master")" 0
    mkdir "$tmp/dir.db"
    expect_rc 3 "$unres" ingest --db "$tmp/dir.db" "$data/seeds"
    ;;

  records)
    # The UN's published records beside the texts, records first: the votes view joins them by symbol.
    expect_rc 0 "$unres" ingest --db "$tmp/r.db" "$data/records"
    expect_eq "records files" "$(q "$tmp/r.db" "SELECT count(*) FROM documents WHERE format = 'records'")" 24
    expect_eq "votes before the texts" "$(q "$tmp/r.db" 'SELECT count(*) FROM votes')" 0
    expect_rc 0 "$unres" ingest --db "$tmp/r.db" "$data/pdftext"
    expect_eq "votes of A/RES/78/11" \
      "$(q "$tmp/r.db" "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM votes v JOIN resolutions r ON r.id = v.resolution_id WHERE r.symbol = 'A/RES/78/11' GROUP BY vote ORDER BY vote)")" \
      "62 8 91"
    # A bad line and an unknown name: warnings on stderr and in the report; the file loads (exit 0).
    mkdir "$tmp/rec"
    printf '%s\n' '{"symbol": "A/RES/78/11", "MS_in_favour": ["Atlantis", "FRANCE"], "sponsors": ["Atlantis"]}' \
      '{"symbol": "A/RES/78/12", oops' >"$tmp/rec/late.json"
    expect_rc 0 "$unres" ingest --db "$tmp/r.db" --report "$tmp/report.json" "$tmp/rec"
    expect_output "$tmp/rec/late.json: line 2: not JSON"
    expect_output "$tmp/rec/late.json: line 1: A/RES/78/11: 'Atlantis' is not a State known to mappings/member_states.yaml"
    expect_output "$tmp/rec/late.json: 1 record(s) also in $(cd "$data" && pwd)/records/ga-78.json (A/RES/78/11): this file's, loaded last, are used"
    expect_eq "Atlantis named once" "$(grep -c "'Atlantis'" "$tmp/out")" 1
    expect_eq "report: unknown names" \
      "$("$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print([u["name"] for u in r["unknown_member_states"]], len(r["warnings"]), r["records_loaded"])' "$tmp/report.json")" \
      "['Atlantis'] 3 1"
    # The file loaded last counts: A/RES/78/11 now has late.json's two votes.
    expect_eq "votes from the file loaded last" "$(q "$tmp/r.db" "SELECT count(*) FROM votes WHERE symbol = 'A/RES/78/11'")" 2
    ;;

  evaluate)
    # The gold file's required checks must all pass on the seeds (evaluate.py exits 1 otherwise).
    expect_rc 0 "$unres" ingest --db "$tmp/seeds.db" "$data/seeds"
    expect_rc 0 "$python" "$data/gold/evaluate.py" "$tmp/seeds.db" "$data/gold/seeds.json"
    tail -n 1 "$tmp/out"
    if grep -qE '^required ([0-9]+)/\1 ' "$tmp/out"; then echo "ok: every required check passes"; else fail "required checks missed"; fi
    ;;

  pdf_ingest)
    # A folder of official PDFs and bad PDFs of ten kinds (tests/e2e/make_bad_pdfs.py): the good
    # ones load, each bad one is quarantined with its plain reason, the run exits 1, in bounded time.
    mkdir "$tmp/in"
    "$python" "$here/make_bad_pdfs.py" "$tmp/in" "$data/pdf/A_RES_78_11.pdf"
    cp "$data/pdf/A_RES_78_11.pdf" "$data/pdf/A_RES_79_33.pdf" "$tmp/in/"
    cp "$data/pdf/A_RES_78_11.pdf" "$tmp/in/copy-of-78-11.pdf"  # a second copy of a resolution
    started=$(date +%s)
    expect_rc 1 "$unres" ingest --db "$tmp/pdf.db" "$tmp/in"
    elapsed=$(($(date +%s) - started))
    [[ $elapsed -le 60 ]] && echo "ok: ${elapsed} s for 12 files" || fail "ingest took ${elapsed} s"
    expect_output "12 file(s) seen, 2 loaded"
    expect_output " 10 quarantined"
    expect_eq "loaded" "$(q "$tmp/pdf.db" "SELECT group_concat(symbol || ':' || d.format, ' ') FROM (SELECT symbol, document_id FROM resolutions ORDER BY symbol) JOIN documents d ON d.id = document_id")" \
      "A/RES/78/11:pdf A/RES/79/33:pdf"
    reason() { q "$tmp/pdf.db" "SELECT stage || ': ' || reason FROM quarantine WHERE path = '$tmp/in/$1'"; }
    expect_eq "truncated" "$(reason truncated.pdf)" "read: truncated PDF: no %%EOF at the end (an interrupted download?)"
    expect_eq "damaged" "$(reason damaged.pdf)" "read: damaged PDF: its structure cannot be read (no usable cross-reference table or trailer)"
    expect_eq "encrypted" "$(reason encrypted.pdf)" "read: encrypted PDF: it needs a password to be read"
    expect_eq "scanned" "$(reason scanned.pdf)" "read: image-only PDF: no text layer; OCR is not supported"
    expect_eq "no pages" "$(reason no-pages.pdf)" "read: PDF has no pages (its page tree is empty or does not add up)"
    expect_eq "too many pages" "$(reason too-many-pages.pdf)" "read: PDF has 1001 pages, more than the limit of 1000 (no resolution is that long)"
    expect_eq "empty" "$(reason empty.pdf)" "read: empty file"
    expect_eq "an image named .pdf" "$(reason image-named.pdf)" "normalize: binary file (NUL byte at offset 8)"
    expect_eq "a report" "$(reason report.pdf)" \
      "normalize: in the PDF's text: no known layout: the first 4096 bytes look neither like an ODS text export nor like text extracted from a resolution PDF"
    expect_eq "a second copy" "$(reason copy-of-78-11.pdf)" "load: conflicting symbol: A/RES/78/11 is already loaded from $tmp/in/A_RES_78_11.pdf, another PDF file of it (a resolution has one source of each kind: XML, PDF, text)"
    # The page of each paragraph; the reader's text stored, and explain cuts every row out of it.
    expect_eq "pages" "$(q "$tmp/pdf.db" "SELECT page FROM paragraphs WHERE text LIKE 'Having considered%' OR text LIKE 'Expressing grave concern%' ORDER BY id" | tr '\n' ' ')" "1 2 "
    expect_eq "every paragraph has a page" "$(q "$tmp/pdf.db" "SELECT count(*) FROM paragraphs WHERE page IS NULL")" 0
    expect_rc 0 "$unres" explain --db "$tmp/pdf.db" A/RES/78/11
    expect_output "A/RES/78/11	$tmp/in/A_RES_78_11.pdf	pdf	bytes [0, "
    expect_output "    | Expressing grave concern over the halt in the peace process on the Syrian track,"
    expect_output "pdf.mark.size+link	footnote 1	["  # the mark found by size and rise, and linked to its footnote
    if grep -q "no source text" "$tmp/out"; then fail "explain found no source text"; else echo "ok: explain cuts from the source text"; fi
    expect_rc 0 "$unres" explain --db "$tmp/pdf.db" A/RES/78/11 --paragraph 1
    expect_output "    | 1. Declares that Israel has failed so far to comply with Security Council"
    ;;

  *)
    echo "unknown case: $case_name" >&2
    exit 2
    ;;
esac

if [[ $failures -gt 0 ]]; then
  echo "$case_name: $failures check(s) failed" >&2
  exit 1
fi
echo "$case_name: all checks passed"
