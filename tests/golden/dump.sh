#!/usr/bin/env bash
# Dumps the tables of an unres database as sorted TSV files, one per table, into OUTDIR:
#   tests/golden/dump.sh DB OUTDIR
# No autoincrement ids: rows are keyed by the resolution's symbol, kinds, numbers and byte offsets
# (a paragraph by its start offset), so that the files are stable across runs. A resolution in
# another language than English is keyed "A/RES/78/11 [fr]" (one row per symbol and language). Used by
# tests/golden/check.sh (ctest) and scripts/update-golden.sh.
set -euo pipefail
db=${1:?usage: dump.sh DB OUTDIR}
out=${2:?usage: dump.sh DB OUTDIR}
sqlite=${SQLITE3:-sqlite3}
# Paths are stored absolute (links resolved): the part under GOLDEN_ROOT is dumped, so that the
# files do not depend on where the project is checked out.
root=${GOLDEN_ROOT:-}
mkdir -p "$out"

dump() {  # dump TABLE QUERY
  "$sqlite" -batch -readonly -header -separator $'\t' -nullvalue '' -cmd ".parameter set @root '$root'" \
    "$db" "$2" >"$out/$1.tsv"
}

dump documents "
SELECT replace(path, @root, '') AS path, status, format, size_bytes, content_hash
FROM documents ORDER BY path"

dump resolutions "
SELECT r.symbol, replace(d.path, @root, '') AS document, r.body, r.session, r.number, r.title, r.adopted_on, r.committee,
       r.basis_symbol, r.plenary_meeting, r.agenda_item, r.distributed_on, r.job_number,
       r.language, r.year, r.meeting, r.draft_symbol, r.start_offset, r.end_offset
FROM resolutions r JOIN documents d ON d.id = r.document_id
ORDER BY r.symbol, r.language"

dump paragraphs "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset, p.end_offset, p.kind, p.ordinal, p.number,
       parent.start_offset AS parent_start_offset, p.rule_id, p.text
FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id
LEFT JOIN paragraphs parent ON parent.id = p.parent_id
ORDER BY symbol, p.start_offset, p.end_offset"

dump action_verbs "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset AS paragraph_start_offset, a.start_offset, a.end_offset, a.is_lead, a.lemma,
       a.modifier, a.qualifier, a.rule_id, a.phrase
FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id JOIN resolutions r ON r.id = p.resolution_id
ORDER BY symbol, a.start_offset, a.end_offset, a.rule_id, a.lemma, a.phrase"

dump organization_mentions "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset AS paragraph_start_offset, m.start_offset, m.end_offset, o.name AS organization,
       m.surface, m.rule_id
FROM organization_mentions m JOIN resolutions r ON r.id = m.resolution_id
JOIN organizations o ON o.id = m.organization_id
LEFT JOIN paragraphs p ON p.id = m.paragraph_id
ORDER BY symbol, m.start_offset, m.end_offset, o.name, m.rule_id"

dump footnotes "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, f.number, f.start_offset, f.end_offset, f.rule_id, f.text
FROM footnotes f JOIN resolutions r ON r.id = f.resolution_id
ORDER BY symbol, f.start_offset, f.number"

dump footnote_refs "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset AS paragraph_start_offset, fr.start_offset, f.number AS footnote,
       f.start_offset AS footnote_start_offset, fr.rule_id
FROM footnote_refs fr JOIN paragraphs p ON p.id = fr.paragraph_id JOIN footnotes f ON f.id = fr.footnote_id
JOIN resolutions r ON r.id = p.resolution_id
ORDER BY symbol, fr.start_offset, f.start_offset"

dump citations "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset AS paragraph_start_offset, f.number AS footnote, c.start_offset, c.end_offset,
       c.kind, c.target, c.part, c.cited_date, c.rule_id, c.surface
FROM citations c JOIN resolutions r ON r.id = c.resolution_id
LEFT JOIN paragraphs p ON p.id = c.paragraph_id
LEFT JOIN footnotes f ON f.id = c.footnote_id
ORDER BY symbol, coalesce(p.start_offset, -1), coalesce(f.start_offset, -1), c.start_offset, c.end_offset,
         c.kind, c.target, c.rule_id"

dump deadlines "
SELECT (r.symbol || CASE WHEN r.language = 'en' THEN '' ELSE ' [' || r.language || ']' END) AS symbol, p.start_offset AS paragraph_start_offset, d.start_offset, d.end_offset, d.kind, d.session,
       d.due_year, d.due_date, d.requested_of, d.body, d.subject, d.rule_id
FROM deadlines d JOIN resolutions r ON r.id = d.resolution_id
LEFT JOIN paragraphs p ON p.id = d.paragraph_id
ORDER BY symbol, d.start_offset, d.end_offset, d.kind, d.rule_id"

dump quarantine "
SELECT replace(path, @root, '') AS path, stage, line, reason, excerpt FROM quarantine ORDER BY path, stage"
