-- unres schema, version 1 (PRAGMA user_version). The tables and columns of
-- ../shared/design/schema-contract.md are the public surface: add, never rename or drop.
-- A column added to an existing table is also listed in add_new_columns (store/database.cpp),
-- which adds it to databases made before it.
-- Offsets are byte offsets into the source file as read: [start_offset, end_offset).
-- Foreign keys are declared for readers and tools (ON DELETE CASCADE works for a connection that
-- enables them); the unres writer deletes children itself and runs without the per-row checks.
-- A CHECK with IN over three or more constants costs SQLite a temporary b-tree per inserted row,
-- so such checks are written as OR-ed comparisons.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  size_bytes   INTEGER NOT NULL,
  format       TEXT,
  status       TEXT NOT NULL CHECK (status IN ('loaded', 'rejected')),
  encoding     TEXT,              -- 'utf-8', or 'windows-1252' when the file was decoded from it
  mtime_ns     INTEGER,           -- modification time seen when loaded: unchanged files are not re-read
  rules_hash   TEXT,
  loaded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  normalized   TEXT,              -- what was undone to read the file: 'bom', 'crlf', 'cr', 'ls' (comma-separated); NULL: nothing
  missing_since TEXT              -- first run that did not find the file under its inputs; NULL while it is there
);

-- The source text of a document that is not plain text (a PDF, an XML file): the readable text its
-- reader rendered, which every row's offsets of that document point into. A text file has no row
-- here: its rows' offsets point into the file itself.
CREATE TABLE IF NOT EXISTS document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text        TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS resolutions (
  id              INTEGER PRIMARY KEY,
  symbol          TEXT NOT NULL,
  body            TEXT,
  session         INTEGER,
  number          INTEGER,
  title           TEXT,
  adopted_on      TEXT,
  committee       TEXT,
  basis_symbol    TEXT,
  plenary_meeting INTEGER,
  agenda_item     TEXT,
  distributed_on  TEXT,
  job_number      TEXT,
  language        TEXT NOT NULL DEFAULT 'en',  -- ISO 639-1: en fr es ar zh ru
  year            INTEGER,        -- Security Council and ECOSOC: the year in the symbol
  meeting         INTEGER,        -- the meeting that adopted it (SC, HRC; GA and ECOSOC: the plenary meeting)
  draft_symbol    TEXT,           -- the draft it was adopted on (S/2023/30, A/C.3/78/L.13)
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset    INTEGER NOT NULL,
  end_offset      INTEGER NOT NULL,
  draft_source    TEXT,           -- 'document' (the source states draft_symbol), 'records' (the published record), NULL
  -- Fact columns (a profile's `facts` rules, docs/rules.md): 1 when a rule matched the resolution's
  -- body (the rows of resolution_facts say where), 0 when its organ's profile has rules for the
  -- column and none matched, NULL when it has none (the organ does not say it that way).
  chapter_vii     INTEGER CHECK (chapter_vii IN (0, 1)),  -- Security Council: "Acting under Chapter VII of the Charter"
  -- The vote counts as published in the resolution's record (the records file loaded last; NULL
  -- without one), set at the end of each run. votes_non_voting: the organ's membership on the
  -- adoption date (its profile's `members`) less the votes cast, in a recorded vote.
  votes_yes       INTEGER,
  votes_no        INTEGER,
  votes_abstain   INTEGER,
  votes_non_voting INTEGER,
  -- One row per symbol and language (a database made before languages had UNIQUE(symbol): the
  -- writer rebuilds the table when it opens one, store/database.cpp).
  UNIQUE (symbol, language)
);
CREATE INDEX IF NOT EXISTS resolutions_document ON resolutions(document_id);
CREATE INDEX IF NOT EXISTS resolutions_session ON resolutions(session, number);

-- Every source file of a resolution (its XML, its PDF, a text of it): one row per resolution a
-- document holds, whether or not its rows are the ones in resolutions (the chosen source: the one
-- of highest precedence, XML > PDF > text; docs/operations.md). Keyed by symbol and language as the
-- published records, so that a source may be loaded before or after the chosen one. The values
-- are what this source says, for the view source_disagreements.
CREATE TABLE IF NOT EXISTS resolution_sources (
  id                    INTEGER PRIMARY KEY,
  document_id           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol                TEXT NOT NULL,
  language              TEXT NOT NULL,
  title                 TEXT,              -- as in resolutions: what this source states
  adopted_on            TEXT,
  distributed_on        TEXT,
  committee             TEXT,
  plenary_meeting       INTEGER,
  agenda_item           TEXT,
  draft_symbol          TEXT,
  job_number            TEXT,
  preambular_paragraphs INTEGER NOT NULL,  -- top-level paragraphs of each kind
  operative_paragraphs  INTEGER NOT NULL,
  footnotes             INTEGER NOT NULL,
  chapter_vii           INTEGER,           -- fact columns, as in resolutions: what this source's text establishes
  UNIQUE (symbol, language, document_id)
);
CREATE INDEX IF NOT EXISTS resolution_sources_document ON resolution_sources(document_id);

CREATE TABLE IF NOT EXISTS paragraphs (
  id            INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind = 'preambular' OR kind = 'operative' OR kind = 'annex'),
  ordinal       INTEGER NOT NULL,
  number        TEXT,
  parent_id     INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
  text          TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  page          INTEGER            -- the page of a PDF source where the paragraph starts
);
CREATE INDEX IF NOT EXISTS paragraphs_resolution ON paragraphs(resolution_id, kind, ordinal);
-- Partial: seven paragraphs in ten have no parent. A lookup "parent_id = ?" (children, ON DELETE
-- CASCADE) uses it; the index is half the size and half the time to build.
CREATE INDEX IF NOT EXISTS paragraphs_parent ON paragraphs(parent_id) WHERE parent_id IS NOT NULL;

-- Where a resolution's text establishes a fact (a profile's `facts` rule matched): the paragraph,
-- the words and the rule that set a fact column of resolutions (`fact`, e.g. chapter_vii) to 1.
-- paragraph_id is NULL when the words stand in a heading line between paragraphs.
CREATE TABLE IF NOT EXISTS resolution_facts (
  id            INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  paragraph_id  INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
  fact          TEXT NOT NULL,     -- the resolutions column it sets
  surface       TEXT NOT NULL,     -- the words that establish it, as printed
  rule_id       TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS resolution_facts_resolution ON resolution_facts(resolution_id);
CREATE INDEX IF NOT EXISTS resolution_facts_paragraph ON resolution_facts(paragraph_id) WHERE paragraph_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS action_verbs (
  id           INTEGER PRIMARY KEY,
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  phrase       TEXT NOT NULL,
  lemma        TEXT NOT NULL,
  action       TEXT NOT NULL,     -- language-neutral: the English lemma ("request" for "Prie")
  -- Where `action` comes from: 'lexicon' (the phrase's own language's lexicon; for English the
  -- lemma) or 'english' (the lead phrase of the aligned paragraph of the English resolution).
  action_source TEXT NOT NULL DEFAULT 'lexicon',
  modifier     TEXT,
  qualifier    TEXT,
  is_lead      INTEGER NOT NULL CHECK (is_lead IN (0, 1)),
  rule_id      TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS action_verbs_paragraph ON action_verbs(paragraph_id);
CREATE INDEX IF NOT EXISTS action_verbs_lemma ON action_verbs(lemma);
-- The translations' phrases that took the English action (few, and none in an English-only
-- database): the end of every run looks for those whose English is gone (align_actions), which
-- scanned every phrase (0.47 s of a no-op re-run over 20,000 resolutions).
CREATE INDEX IF NOT EXISTS action_verbs_english ON action_verbs(paragraph_id) WHERE action_source = 'english';

CREATE TABLE IF NOT EXISTS organizations (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  acronym  TEXT,
  category TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS organization_mentions (
  id              INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  resolution_id   INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  paragraph_id    INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
  surface         TEXT NOT NULL,
  rule_id         TEXT NOT NULL,
  start_offset    INTEGER NOT NULL,
  end_offset      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS organization_mentions_resolution ON organization_mentions(resolution_id);
CREATE INDEX IF NOT EXISTS organization_mentions_organization ON organization_mentions(organization_id);
CREATE INDEX IF NOT EXISTS organization_mentions_paragraph ON organization_mentions(paragraph_id);

CREATE TABLE IF NOT EXISTS footnotes (
  id            INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  number        INTEGER NOT NULL,
  text          TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS footnotes_resolution ON footnotes(resolution_id);

CREATE TABLE IF NOT EXISTS footnote_refs (
  id           INTEGER PRIMARY KEY,
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  footnote_id  INTEGER NOT NULL REFERENCES footnotes(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  rule_id      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS footnote_refs_paragraph ON footnote_refs(paragraph_id);
CREATE INDEX IF NOT EXISTS footnote_refs_footnote ON footnote_refs(footnote_id);

CREATE TABLE IF NOT EXISTS citations (
  id            INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  paragraph_id  INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
  footnote_id   INTEGER REFERENCES footnotes(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  target        TEXT NOT NULL,
  cited_date    TEXT,
  surface       TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  part          TEXT              -- 'B' on the second row of a reference to a part ('A/RES/57/270 B'); count part IS NULL
);
CREATE INDEX IF NOT EXISTS citations_resolution ON citations(resolution_id);
CREATE INDEX IF NOT EXISTS citations_target ON citations(target);
CREATE INDEX IF NOT EXISTS citations_paragraph ON citations(paragraph_id);
-- Partial, as paragraphs_parent: three citations in four stand in a paragraph, not a footnote.
CREATE INDEX IF NOT EXISTS citations_footnote ON citations(footnote_id) WHERE footnote_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS deadlines (
  id            INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  paragraph_id  INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  session       INTEGER,
  due_year      INTEGER,
  due_date      TEXT,
  requested_of  TEXT,
  body          TEXT,
  subject       TEXT,
  rule_id       TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deadlines_resolution ON deadlines(resolution_id);
CREATE INDEX IF NOT EXISTS deadlines_session ON deadlines(session);
CREATE INDEX IF NOT EXISTS deadlines_paragraph ON deadlines(paragraph_id);

-- The UN's published records of resolutions (records files: the data_extract JSON lines). Their rows
-- belong to the file they were read from (document_id) and name the resolution by symbol, not by
-- resolutions.id: a record may be loaded before its resolution, after it, or without it. The views
-- votes and sponsors (sql/views.sql) join them to resolutions by symbol. A symbol whose record is in
-- two loaded files has rows from both; the views read those of the file loaded last (v_records).
CREATE TABLE IF NOT EXISTS records (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol         TEXT NOT NULL,
  body           TEXT,
  year           INTEGER,
  adopted_on     TEXT,
  meeting        INTEGER,
  meeting_record TEXT,
  draft_symbol   TEXT,
  adoption_type  TEXT,
  votes_yes      INTEGER,
  votes_no       INTEGER,
  votes_abstain  INTEGER,
  line           INTEGER NOT NULL,
  UNIQUE (symbol, document_id)   -- the reader keeps one record per symbol and file
);
CREATE INDEX IF NOT EXISTS records_document ON records(document_id);

CREATE TABLE IF NOT EXISTS record_votes (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol       TEXT NOT NULL,
  member_state TEXT NOT NULL,
  iso3         TEXT,
  vote         TEXT NOT NULL CHECK (vote = 'yes' OR vote = 'no' OR vote = 'abstain' OR vote = 'non_voting')
);
CREATE INDEX IF NOT EXISTS record_votes_symbol ON record_votes(symbol, document_id);
CREATE INDEX IF NOT EXISTS record_votes_state ON record_votes(iso3);
CREATE INDEX IF NOT EXISTS record_votes_document ON record_votes(document_id);

CREATE TABLE IF NOT EXISTS record_sponsors (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol       TEXT NOT NULL,
  member_state TEXT NOT NULL,
  iso3         TEXT,
  kind         TEXT NOT NULL CHECK (kind IN ('sponsor', 'additional')),
  on_behalf_of TEXT
);
CREATE INDEX IF NOT EXISTS record_sponsors_symbol ON record_sponsors(symbol, document_id);
CREATE INDEX IF NOT EXISTS record_sponsors_state ON record_sponsors(iso3);
CREATE INDEX IF NOT EXISTS record_sponsors_document ON record_sponsors(document_id);

CREATE TABLE IF NOT EXISTS record_subjects (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol      TEXT NOT NULL,
  term        TEXT NOT NULL,
  source      TEXT
);
CREATE INDEX IF NOT EXISTS record_subjects_symbol ON record_subjects(symbol, document_id);
CREATE INDEX IF NOT EXISTS record_subjects_document ON record_subjects(document_id);

CREATE TABLE IF NOT EXISTS record_sdgs (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  symbol      TEXT NOT NULL,
  sdg         INTEGER NOT NULL CHECK (sdg BETWEEN 1 AND 17)
);
CREATE INDEX IF NOT EXISTS record_sdgs_symbol ON record_sdgs(symbol, document_id);
CREATE INDEX IF NOT EXISTS record_sdgs_document ON record_sdgs(document_id);

CREATE TABLE IF NOT EXISTS ingest_runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('running', 'completed', 'completed_with_quarantine', 'interrupted', 'failed')),
  files_seen        INTEGER NOT NULL DEFAULT 0,
  files_loaded      INTEGER NOT NULL DEFAULT 0,
  files_skipped     INTEGER NOT NULL DEFAULT 0,
  files_quarantined INTEGER NOT NULL DEFAULT 0,
  resolutions       INTEGER NOT NULL DEFAULT 0,
  row_counts        TEXT,          -- JSON object: rows per table when the run ended
  rules_hash        TEXT NOT NULL,
  tool_version      TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS quarantine (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER REFERENCES ingest_runs(id),
  path        TEXT NOT NULL,
  stage       TEXT NOT NULL,
  line        INTEGER,
  reason      TEXT NOT NULL,
  excerpt     TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS quarantine_path ON quarantine(path);
