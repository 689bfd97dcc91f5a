-- unres analyst surface: views, the full-text index over paragraph text, and the documentation of
-- every table and view. Executed after sql/schema.sql each time a database is opened, so it must be
-- idempotent: views are dropped and re-created (an updated definition replaces the old one), the FTS
-- index and its triggers are created once, and the documentation tables are refilled.
-- Everything here is derived from the tables of schema.sql: nothing in it is part of a load.

------------------------------------------------------------------------------------------------------
-- Full-text search over paragraphs.text, in two indexes (unres search chooses by the query's script):
--
-- paragraphs_fts, words: unicode61 splits words and folds case and accents (résolution, resolution
-- and RÉSOLUTION are one word; remove_diacritics 2 also folds letters with two marks); porter over
-- it stems English words, so that a search for refugee also finds refugees and determine finds
-- determined. Latin, Cyrillic and Arabic text is written in words, and is searched as words.
-- unicode61 folds Latin marks only: the Arabic ones (fatha, shadda, tanwin ...) and the tatweel are
-- removed from the text it reads (paragraph_search_text), or تسلّم would not be found by تسلم.
--
-- paragraphs_han_fts, characters: Chinese is written without spaces between words, so unicode61
-- would read a whole clause as one word. The trigram tokenizer indexes every sequence of three
-- characters, finding any string of three or more anywhere in a paragraph; a shorter one (和平,
-- 秘书长 is three) is looked for in the paragraphs this index holds (store/queries.cpp). It holds
-- only the paragraphs with Han characters (U+3400 to U+9FFF): a trigram index of every paragraph
-- would be several times the size of the word index.
--
-- External content: the indexes store no copy of the text, only the tokens; they read it from the
-- views below. unres keeps them in step itself, inserting each paragraph's text (as the view gives
-- it) as it writes the paragraph (store/database.cpp); FTS5 buffers the terms until the batch commits. A trigger per row
-- would run in a statement savepoint, where FTS5 writes its buffer out: loading was ten times
-- slower. An update made by another tool is still followed by the triggers below.
--
-- The tokenizers are chosen here and nowhere else. Each definition is on one line: a database
-- whose index was made with another one has it dropped and rebuilt when opened (store/database.cpp
-- compares these lines with the indexes' definitions).
DROP VIEW IF EXISTS paragraph_han_text;
DROP VIEW IF EXISTS paragraph_search_text;
-- Arabic marks U+064B-U+0652 (tanwin, short vowels, shadda, sukun), U+0670 (dagger alif) and the
-- tatweel U+0640 (a stretching stroke) removed: a word is found with or without them. The writer
-- and the query side remove the same (text.h, without_arabic_marks; has_han for the GLOB below).
CREATE VIEW paragraph_search_text AS
SELECT id,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text,
         char(0x64B), ''), char(0x64C), ''), char(0x64D), ''), char(0x64E), ''), char(0x64F), ''),
         char(0x650), ''), char(0x651), ''), char(0x652), ''), char(0x670), ''), char(0x640), '') AS text
FROM paragraphs;
CREATE VIEW paragraph_han_text AS
SELECT id, text FROM paragraphs WHERE text GLOB '*[㐀-鿿]*';

CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(text, content = 'paragraph_search_text', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_han_fts USING fts5(text, content = 'paragraph_han_text', content_rowid = 'id', tokenize = 'trigram');

-- The rows an update takes out of an index are read before it (the text as it was indexed), the
-- rows it puts in after it.
DROP TRIGGER IF EXISTS paragraphs_fts_insert;
DROP TRIGGER IF EXISTS paragraphs_fts_delete;
DROP TRIGGER IF EXISTS paragraphs_fts_update;
DROP TRIGGER IF EXISTS paragraphs_fts_before_update;
DROP TRIGGER IF EXISTS paragraphs_fts_after_update;
CREATE TRIGGER paragraphs_fts_before_update BEFORE UPDATE OF text ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) SELECT 'delete', id, text FROM paragraph_search_text WHERE id = old.id;
  INSERT INTO paragraphs_han_fts(paragraphs_han_fts, rowid, text) SELECT 'delete', id, text FROM paragraph_han_text WHERE id = old.id;
END;
CREATE TRIGGER paragraphs_fts_after_update AFTER UPDATE OF text ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraph_search_text WHERE id = new.id;
  INSERT INTO paragraphs_han_fts(rowid, text) SELECT id, text FROM paragraph_han_text WHERE id = new.id;
END;

-- A database loaded before an index existed (or changed by another tool) has paragraphs the index
-- does not know: an index holds one docsize row per indexed paragraph, so differing counts mean
-- it must be rebuilt from its view.
INSERT INTO paragraphs_fts(paragraphs_fts)
SELECT 'rebuild' WHERE (SELECT count(*) FROM paragraphs) <> (SELECT count(*) FROM paragraphs_fts_docsize);
INSERT INTO paragraphs_han_fts(paragraphs_han_fts)
SELECT 'rebuild' WHERE (SELECT count(*) FROM paragraph_han_text) <> (SELECT count(*) FROM paragraphs_han_fts_docsize);

------------------------------------------------------------------------------------------------------
-- Declared column types for the views. SQLite gives a view column the declared type of the table
-- column it names, and none to a computed one (year, counts), so BI tools and ODBC/JDBC drivers
-- would see those as unknown, and dates as TEXT. Each analyst view therefore starts with an arm
-- that selects nothing from this table, whose columns declare the types: SQLite takes a compound
-- view's column types from its first arm. Dates are ISO 8601 text (YYYY-MM-DD) declared DATE, as
-- BI tools expect. The table never holds a row. v_paragraphs, which the other views and search
-- join, keeps plain columns: a compound view on the inner side of a join is not flattened.
CREATE TABLE IF NOT EXISTS column_types (integer INTEGER, real REAL, text TEXT, date DATE, datetime DATETIME);

------------------------------------------------------------------------------------------------------
-- Views. Dependents are dropped first; `year` is always the year the resolution was adopted.
DROP VIEW IF EXISTS translation_symbol_mismatches;
DROP VIEW IF EXISTS translation_mismatches;
DROP VIEW IF EXISTS paragraph_translations;
DROP VIEW IF EXISTS v_chapter_vii_by_year;
DROP VIEW IF EXISTS v_resolution_facts;
DROP VIEW IF EXISTS source_disagreements;
DROP VIEW IF EXISTS v_resolution_sources;
DROP VIEW IF EXISTS v_resolutions_by_sdg;
DROP VIEW IF EXISTS v_voting_coincidence;
DROP VIEW IF EXISTS v_votes_by_state_year;
DROP VIEW IF EXISTS v_records;
DROP VIEW IF EXISTS sponsors;
DROP VIEW IF EXISTS votes;
DROP VIEW IF EXISTS v_organization_mentions;
DROP VIEW IF EXISTS v_reporting_deadlines;
DROP VIEW IF EXISTS v_citation_edges;
DROP VIEW IF EXISTS v_operative_actions;
DROP VIEW IF EXISTS v_resolutions;
DROP VIEW IF EXISTS v_paragraphs;

-- One row per paragraph with its printed label ("5", "5 (a)", "21 (a) (i)") and the action that opens
-- it. Joins to the parent and grandparent rather than a recursive CTE so that a filter on the view
-- uses the indexes instead of labelling the whole table first; deeper nesting does not occur in UN
-- resolutions (operative 1, (a), (i) is the deepest).
CREATE VIEW v_paragraphs AS
SELECT p.id AS paragraph_id,
       p.resolution_id,
       r.symbol,
       p.kind,
       coalesce(g.number || ' ', CAST(g.ordinal AS TEXT) || ' ', '')
         || coalesce(q.number || ' ', CAST(q.ordinal AS TEXT) || ' ', '')
         || coalesce(p.number, CAST(p.ordinal AS TEXT)) AS paragraph,
       coalesce(g.id, q.id, p.id) AS top_paragraph_id,
       -- A sub-paragraph rarely opens with its own action: it continues the enclosing one's.
       coalesce(a.phrase, qa.phrase, ga.phrase) AS lead_phrase,
       coalesce(a.lemma, qa.lemma, ga.lemma) AS lead_lemma,
       p.text
FROM paragraphs p
JOIN resolutions r ON r.id = p.resolution_id
LEFT JOIN paragraphs q ON q.id = p.parent_id
LEFT JOIN paragraphs g ON g.id = q.parent_id
LEFT JOIN action_verbs a ON a.paragraph_id = p.id AND a.is_lead = 1
LEFT JOIN action_verbs qa ON qa.paragraph_id = q.id AND qa.is_lead = 1
LEFT JOIN action_verbs ga ON ga.paragraph_id = g.id AND ga.is_lead = 1;

CREATE VIEW v_resolutions AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS symbol,
       t.text AS body,
       t.integer AS session,
       t.integer AS number,
       t.integer AS year,
       t.date AS adopted_on,
       t.text AS committee,
       t.text AS title,
       t.text AS agenda_item,
       t.integer AS preambular_paragraphs,
       t.integer AS operative_paragraphs,
       t.integer AS subparagraphs,
       t.integer AS annex_paragraphs,
       t.text AS path,
       t.text AS language,
       t.integer AS chapter_vii
FROM column_types t WHERE 0
UNION ALL
SELECT r.id AS resolution_id,
       r.symbol,
       r.body,
       r.session,
       r.number,
       CAST(substr(r.adopted_on, 1, 4) AS INTEGER) AS year,
       r.adopted_on,
       r.committee,
       r.title,
       r.agenda_item,
       coalesce(c.preambular, 0) AS preambular_paragraphs,
       coalesce(c.operative, 0) AS operative_paragraphs,
       coalesce(c.subparagraphs, 0) AS subparagraphs,
       coalesce(c.annex, 0) AS annex_paragraphs,
       d.path AS path,
       r.language,
       r.chapter_vii
FROM resolutions r
JOIN documents d ON d.id = r.document_id
LEFT JOIN (SELECT resolution_id,
                  sum(kind = 'preambular' AND parent_id IS NULL) AS preambular,
                  sum(kind = 'operative' AND parent_id IS NULL) AS operative,
                  sum(kind <> 'annex' AND parent_id IS NOT NULL) AS subparagraphs,
                  sum(kind = 'annex') AS annex
           FROM paragraphs GROUP BY resolution_id) c ON c.resolution_id = r.id;

CREATE VIEW v_operative_actions AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS symbol,
       t.integer AS session,
       t.integer AS year,
       t.text AS committee,
       t.integer AS paragraph_id,
       t.text AS paragraph,
       t.text AS phrase,
       t.text AS lemma,
       t.text AS modifier,
       t.text AS qualifier,
       t.text AS role,
       t.integer AS action_id
FROM column_types t WHERE 0
UNION ALL
SELECT r.id AS resolution_id,
       r.symbol,
       r.session,
       CAST(substr(r.adopted_on, 1, 4) AS INTEGER) AS year,
       r.committee,
       p.paragraph_id,
       p.paragraph,
       a.phrase,
       a.lemma,
       a.modifier,
       a.qualifier,
       CASE a.is_lead WHEN 1 THEN 'lead' ELSE 'secondary' END AS role,
       a.id AS action_id
FROM action_verbs a
JOIN v_paragraphs p ON p.paragraph_id = a.paragraph_id
JOIN resolutions r ON r.id = p.resolution_id
WHERE p.kind = 'operative';

-- A citation in a paragraph's footnote appears twice in `citations`: once in the footnote
-- (footnote set) and once for the paragraph that points at it (paragraph set, rule footnote/...).
-- Filter on `paragraph_id IS NOT NULL` to count each reference once, attributed to its paragraph.
-- A reference to a resolution's part is two rows (A/RES/57/270 and A/RES/57/270 B, part 'B'):
-- `part IS NULL` counts it once.
-- v_paragraphs is read through scalar subqueries: as the right side of a LEFT JOIN it would be
-- materialized whole for every query (SQLite does not flatten a join there).
CREATE VIEW v_citation_edges AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS citation_id,
       t.integer AS citing_resolution_id,
       t.text AS citing_symbol,
       t.integer AS citing_session,
       t.integer AS citing_year,
       t.integer AS paragraph_id,
       t.text AS paragraph_kind,
       t.text AS paragraph,
       t.integer AS footnote,
       t.text AS citing_phrase,
       t.text AS citing_lemma,
       t.text AS kind,
       t.text AS target,
       t.date AS cited_date,
       t.integer AS cited_resolution_id,
       t.text AS surface,
       t.text AS rule_id,
       t.text AS part
FROM column_types t WHERE 0
UNION ALL
SELECT c.id AS citation_id,
       r.id AS citing_resolution_id,
       r.symbol AS citing_symbol,
       r.session AS citing_session,
       CAST(substr(r.adopted_on, 1, 4) AS INTEGER) AS citing_year,
       c.paragraph_id,
       p.kind AS paragraph_kind,
       (SELECT v.paragraph FROM v_paragraphs v WHERE v.paragraph_id = c.paragraph_id) AS paragraph,
       f.number AS footnote,
       (SELECT v.lead_phrase FROM v_paragraphs v WHERE v.paragraph_id = c.paragraph_id) AS citing_phrase,
       (SELECT v.lead_lemma FROM v_paragraphs v WHERE v.paragraph_id = c.paragraph_id) AS citing_lemma,
       c.kind,
       c.target,
       c.cited_date,
       t.id AS cited_resolution_id,
       c.surface,
       c.rule_id,
       c.part
FROM citations c
JOIN resolutions r ON r.id = c.resolution_id
LEFT JOIN paragraphs p ON p.id = c.paragraph_id
LEFT JOIN footnotes f ON f.id = c.footnote_id
LEFT JOIN resolutions t ON t.symbol = c.target AND t.language = r.language;

-- The calendar year applies to General Assembly sessions only: session N opens in September of
-- 1945 + N. Other bodies (a committee's eighteenth session) number their sessions their own way.
CREATE VIEW v_reporting_deadlines AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS deadline_id,
       t.integer AS resolution_id,
       t.text AS symbol,
       t.integer AS resolution_session,
       t.text AS kind,
       t.text AS subject,
       t.text AS requested_of,
       t.text AS body,
       t.integer AS session,
       t.integer AS session_year,
       t.integer AS due_year,
       t.date AS due_date,
       t.integer AS paragraph_id,
       t.text AS paragraph,
       t.text AS rule_id
FROM column_types t WHERE 0
UNION ALL
SELECT d.id AS deadline_id,
       r.id AS resolution_id,
       r.symbol,
       r.session AS resolution_session,
       d.kind,
       d.subject,
       d.requested_of,
       d.body,
       d.session,
       CASE WHEN d.session IS NOT NULL AND coalesce(d.body, 'General Assembly') IN ('General Assembly', 'Assembly')
            THEN 1945 + d.session END AS session_year,
       d.due_year,
       d.due_date,
       d.paragraph_id,
       (SELECT v.paragraph FROM v_paragraphs v WHERE v.paragraph_id = d.paragraph_id) AS paragraph,
       d.rule_id
FROM deadlines d
JOIN resolutions r ON r.id = d.resolution_id;

CREATE VIEW v_organization_mentions AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS organization_id,
       t.text AS organization,
       t.text AS acronym,
       t.text AS category,
       t.integer AS resolution_id,
       t.text AS symbol,
       t.integer AS session,
       t.integer AS year,
       t.integer AS mentions,
       t.integer AS paragraphs
FROM column_types t WHERE 0
UNION ALL
SELECT o.id AS organization_id,
       o.name AS organization,
       o.acronym,
       o.category,
       r.id AS resolution_id,
       r.symbol,
       r.session,
       CAST(substr(r.adopted_on, 1, 4) AS INTEGER) AS year,
       count(*) AS mentions,
       count(DISTINCT m.paragraph_id) AS paragraphs
FROM organization_mentions m
JOIN organizations o ON o.id = m.organization_id
JOIN resolutions r ON r.id = m.resolution_id
GROUP BY o.id, r.id;

------------------------------------------------------------------------------------------------------
-- The UN's published records (records files): votes, sponsors, SDGs. Their rows name a resolution by
-- symbol, so they join whatever is loaded of it, in any order; every language row of a symbol shares
-- its votes and sponsors. When two loaded files hold a record of the same symbol, the one of the file
-- loaded last counts (a document gets a greater id than every other each time it is loaded): each
-- view below reads only the rows whose document_id is the greatest among the records of their symbol
-- (found in the records(symbol, document_id) unique index).

-- The contract's votes(resolution_id, member_state, iso3, vote): one row per Member State per
-- recorded vote, for each resolutions row of the symbol.
CREATE VIEW votes AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS member_state,
       t.text AS iso3,
       t.text AS vote,
       t.text AS symbol
FROM column_types t WHERE 0
UNION ALL
SELECT r.id AS resolution_id,
       v.member_state,
       v.iso3,
       v.vote,
       v.symbol
FROM record_votes v
JOIN resolutions r ON r.symbol = v.symbol
WHERE v.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = v.symbol);

CREATE VIEW sponsors AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS member_state,
       t.text AS iso3,
       t.text AS kind,
       t.text AS on_behalf_of,
       t.text AS symbol
FROM column_types t WHERE 0
UNION ALL
SELECT r.id AS resolution_id,
       s.member_state,
       s.iso3,
       s.kind,
       s.on_behalf_of,
       s.symbol
FROM record_sponsors s
JOIN resolutions r ON r.symbol = s.symbol
WHERE s.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = s.symbol);

-- One row per symbol: the record that counts, with the file it came from and whether the
-- resolution's text is loaded.
CREATE VIEW v_records AS
-- The declared types of the columns (see column_types).
SELECT t.text AS symbol,
       t.text AS body,
       t.integer AS year,
       t.date AS adopted_on,
       t.integer AS meeting,
       t.text AS meeting_record,
       t.text AS draft_symbol,
       t.text AS adoption_type,
       t.integer AS votes_yes,
       t.integer AS votes_no,
       t.integer AS votes_abstain,
       t.integer AS votes_listed,
       t.integer AS sponsors,
       t.integer AS text_loaded,
       t.text AS path
FROM column_types t WHERE 0
UNION ALL
SELECT c.symbol,
       c.body,
       c.year,
       c.adopted_on,
       c.meeting,
       c.meeting_record,
       c.draft_symbol,
       c.adoption_type,
       c.votes_yes,
       c.votes_no,
       c.votes_abstain,
       (SELECT count(*) FROM record_votes v WHERE v.symbol = c.symbol AND v.document_id = c.document_id) AS votes_listed,
       (SELECT count(*) FROM record_sponsors s WHERE s.symbol = c.symbol AND s.document_id = c.document_id) AS sponsors,
       EXISTS (SELECT 1 FROM resolutions r WHERE r.symbol = c.symbol) AS text_loaded,
       d.path
FROM records c
JOIN documents d ON d.id = c.document_id
WHERE c.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = c.symbol);

-- How each State voted, per organ and year: from the records alone (the resolutions' text need not
-- be loaded). A name the gazetteer does not know is its own state, as published.
CREATE VIEW v_votes_by_state_year AS
-- The declared types of the columns (see column_types).
SELECT t.text AS body,
       t.integer AS year,
       t.text AS state,
       t.text AS member_state,
       t.integer AS recorded_votes,
       t.integer AS yes,
       t.integer AS no,
       t.integer AS abstain,
       t.integer AS non_voting
FROM column_types t WHERE 0
UNION ALL
SELECT c.body,
       c.year,
       coalesce(v.iso3, v.member_state) AS state,
       max(v.member_state) AS member_state,
       count(*) AS recorded_votes,
       sum(v.vote = 'yes') AS yes,
       sum(v.vote = 'no') AS no,
       sum(v.vote = 'abstain') AS abstain,
       sum(v.vote = 'non_voting') AS non_voting
FROM records c
JOIN record_votes v ON v.symbol = c.symbol AND v.document_id = c.document_id
WHERE c.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = c.symbol)
GROUP BY c.body, c.year, coalesce(v.iso3, v.member_state);

-- Voting coincidence: for two States, the recorded votes both took part in and how often they voted
-- alike, per organ and year (sum over years for a longer period). Each pair appears both ways round,
-- so `WHERE state_a = 'FRA'` lists France against every other State (through record_votes_state).
-- States by ISO code only: a name the gazetteer does not know is left out.
CREATE VIEW v_voting_coincidence AS
-- The declared types of the columns (see column_types).
SELECT t.text AS body,
       t.integer AS year,
       t.text AS state_a,
       t.text AS state_b,
       t.integer AS recorded_votes,
       t.integer AS same_votes,
       t.integer AS opposite_votes,
       t.real AS coincidence
FROM column_types t WHERE 0
UNION ALL
SELECT c.body,
       c.year,
       a.iso3 AS state_a,
       b.iso3 AS state_b,
       count(*) AS recorded_votes,
       sum(a.vote = b.vote) AS same_votes,
       sum((a.vote = 'yes' AND b.vote = 'no') OR (a.vote = 'no' AND b.vote = 'yes')) AS opposite_votes,
       round(CAST(sum(a.vote = b.vote) AS REAL) / count(*), 3) AS coincidence
FROM record_votes a
JOIN records c ON c.symbol = a.symbol AND c.document_id = a.document_id
JOIN record_votes b ON b.symbol = a.symbol AND b.document_id = a.document_id
WHERE c.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = c.symbol)
  AND a.iso3 IS NOT NULL AND b.iso3 IS NOT NULL AND a.iso3 <> b.iso3
  AND a.vote <> 'non_voting' AND b.vote <> 'non_voting'
GROUP BY c.body, c.year, a.iso3, b.iso3;

-- Resolutions by Sustainable Development Goal, as the records tag them; the title when the
-- resolution's text is loaded (the first row loaded of the symbol).
CREATE VIEW v_resolutions_by_sdg AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS sdg,
       t.text AS symbol,
       t.text AS body,
       t.integer AS year,
       t.date AS adopted_on,
       t.text AS adoption_type,
       t.integer AS resolution_id,
       t.text AS title
FROM column_types t WHERE 0
UNION ALL
SELECT g.sdg,
       c.symbol,
       c.body,
       c.year,
       c.adopted_on,
       c.adoption_type,
       (SELECT r.id FROM resolutions r WHERE r.symbol = c.symbol ORDER BY r.id LIMIT 1) AS resolution_id,
       (SELECT r.title FROM resolutions r WHERE r.symbol = c.symbol ORDER BY r.id LIMIT 1) AS title
FROM record_sdgs g
JOIN records c ON c.symbol = g.symbol AND c.document_id = g.document_id
WHERE c.document_id = (SELECT max(x.document_id) FROM records x WHERE x.symbol = c.symbol);

-- A resolution's paragraphs side by side in the languages loaded: paragraphs align by kind and
-- ordinal, a sub-paragraph by its ordinals under its parents (position 5.1 is the first
-- sub-paragraph of paragraph 5), as the stable keys do (docs/schema.md). A language whose
-- structure differs (translation_mismatches) has paragraphs under other positions there.
CREATE VIEW paragraph_translations AS
-- The declared types of the columns (see column_types).
SELECT t.text AS symbol,
       t.text AS kind,
       t.integer AS ordinal,
       t.text AS position,
       t.text AS en, t.text AS fr, t.text AS es, t.text AS ar, t.text AS zh, t.text AS ru
FROM column_types t WHERE 0
UNION ALL
SELECT r.symbol,
       p.kind,
       coalesce(g.ordinal, q.ordinal, p.ordinal),
       coalesce(g.ordinal || '.', '') || coalesce(q.ordinal || '.', '') || p.ordinal,
       max(CASE r.language WHEN 'en' THEN p.text END),
       max(CASE r.language WHEN 'fr' THEN p.text END),
       max(CASE r.language WHEN 'es' THEN p.text END),
       max(CASE r.language WHEN 'ar' THEN p.text END),
       max(CASE r.language WHEN 'zh' THEN p.text END),
       max(CASE r.language WHEN 'ru' THEN p.text END)
FROM paragraphs p
JOIN resolutions r ON r.id = p.resolution_id
LEFT JOIN paragraphs q ON q.id = p.parent_id
LEFT JOIN paragraphs g ON g.id = q.parent_id
GROUP BY r.symbol, p.kind, 4;

-- The resolutions whose paragraphs do not align across languages: per kind, the paragraphs and
-- sub-paragraphs of each language against those of the reference language of the symbol
-- (English, or when it is not loaded the first language by code). A row per language and kind
-- that differs; a symbol without rows aligns.
CREATE VIEW translation_mismatches AS
WITH counts AS (
  SELECT r.symbol, r.language, p.kind,
         count(*) FILTER (WHERE p.parent_id IS NULL) AS paragraphs,
         count(*) FILTER (WHERE p.parent_id IS NOT NULL) AS subparagraphs
  FROM resolutions r JOIN paragraphs p ON p.resolution_id = r.id
  GROUP BY r.symbol, r.language, p.kind),
reference AS (
  SELECT symbol, CASE WHEN max(language = 'en') THEN 'en' ELSE min(language) END AS language
  FROM resolutions GROUP BY symbol),
kinds AS (SELECT DISTINCT symbol, kind FROM counts)
-- The declared types of the columns (see column_types).
SELECT t.text AS symbol,
       t.text AS language,
       t.text AS reference_language,
       t.text AS kind,
       t.integer AS reference_paragraphs,
       t.integer AS paragraphs,
       t.integer AS reference_subparagraphs,
       t.integer AS subparagraphs
FROM column_types t WHERE 0
UNION ALL
SELECT l.symbol, l.language, ref.language, k.kind,
       coalesce(rc.paragraphs, 0), coalesce(c.paragraphs, 0),
       coalesce(rc.subparagraphs, 0), coalesce(c.subparagraphs, 0)
FROM resolutions l
JOIN reference ref ON ref.symbol = l.symbol AND ref.language <> l.language
JOIN kinds k ON k.symbol = l.symbol
LEFT JOIN counts c ON c.symbol = l.symbol AND c.language = l.language AND c.kind = k.kind
LEFT JOIN counts rc ON rc.symbol = l.symbol AND rc.language = ref.language AND rc.kind = k.kind
WHERE coalesce(c.paragraphs, 0) <> coalesce(rc.paragraphs, 0)
   OR coalesce(c.subparagraphs, 0) <> coalesce(rc.subparagraphs, 0);

-- A translation that names itself with another symbol than the resolution it translates (the UN
-- published a French A/RES/78/130 whose every symbol says A/RES/78/13): its job number, which the
-- language versions of a document share, is that of other languages' resolutions of another
-- symbol, and no other language of its own symbol has it. Parts of one document (A/RES/75/101 A
-- and B share a job number) are not listed: each part's other languages carry its own symbol.
CREATE VIEW translation_symbol_mismatches AS
-- The declared types of the columns (see column_types).
SELECT t.text AS symbol,
       t.text AS language,
       t.text AS job_number,
       t.text AS symbol_of_job,
       t.text AS languages_of_job
FROM column_types t WHERE 0
UNION ALL
SELECT r.symbol, r.language, r.job_number, o.symbol, group_concat(o.language, ' ')
FROM resolutions r
JOIN resolutions o ON o.job_number = r.job_number AND o.symbol <> r.symbol AND o.language <> r.language
WHERE r.job_number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM resolutions s
                  WHERE s.symbol = r.symbol AND s.language <> r.language AND s.job_number = r.job_number)
GROUP BY r.id, o.symbol;

-- Every source file of every resolution (resolution_sources): its path and format, and whether its
-- rows are the resolution's (chosen: the source of highest precedence, XML > PDF > text;
-- docs/operations.md). resolution_id is NULL only while a resolution waits for another source to
-- be read again in the same run.
CREATE VIEW v_resolution_sources AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS symbol,
       t.text AS language,
       t.integer AS chosen,
       t.integer AS document_id,
       t.text AS format,
       t.text AS path,
       t.datetime AS missing_since
FROM column_types t WHERE 0
UNION ALL
SELECT r.id,
       s.symbol,
       s.language,
       coalesce(r.document_id = s.document_id, 0),
       s.document_id,
       d.format,
       d.path,
       d.missing_since
FROM resolution_sources s
JOIN documents d ON d.id = s.document_id
LEFT JOIN resolutions r ON r.symbol = s.symbol AND r.language = s.language;

-- Where another source of a resolution says something else than the chosen one: one row per
-- field and other source. Paragraph and footnote counts always; a metadata field only when both
-- sources state it (a text layout that does not read the draft symbol is not a disagreement); titles
-- with no-break spaces read as spaces (the XML writes "10 December" with one). Values are text.
CREATE VIEW source_disagreements AS
WITH pairs AS (
  SELECT r.id AS resolution_id, r.symbol, r.language,
         c.document_id AS chosen_document_id, dc.format AS chosen_format,
         o.document_id AS other_document_id, d_o.format AS other_format,
         c.title AS c_title, o.title AS o_title,
         c.adopted_on AS c_adopted_on, o.adopted_on AS o_adopted_on,
         c.distributed_on AS c_distributed_on, o.distributed_on AS o_distributed_on,
         c.committee AS c_committee, o.committee AS o_committee,
         c.plenary_meeting AS c_plenary_meeting, o.plenary_meeting AS o_plenary_meeting,
         c.agenda_item AS c_agenda_item, o.agenda_item AS o_agenda_item,
         c.draft_symbol AS c_draft_symbol, o.draft_symbol AS o_draft_symbol,
         c.job_number AS c_job_number, o.job_number AS o_job_number,
         c.preambular_paragraphs AS c_preambular_paragraphs, o.preambular_paragraphs AS o_preambular_paragraphs,
         c.operative_paragraphs AS c_operative_paragraphs, o.operative_paragraphs AS o_operative_paragraphs,
         c.footnotes AS c_footnotes, o.footnotes AS o_footnotes,
         c.chapter_vii AS c_chapter_vii, o.chapter_vii AS o_chapter_vii
  FROM resolutions r
  JOIN resolution_sources c ON c.symbol = r.symbol AND c.language = r.language AND c.document_id = r.document_id
  JOIN resolution_sources o ON o.symbol = r.symbol AND o.language = r.language AND o.document_id <> r.document_id
  JOIN documents dc ON dc.id = c.document_id
  JOIN documents d_o ON d_o.id = o.document_id
)
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS symbol,
       t.text AS language,
       t.text AS field,
       t.integer AS chosen_document_id,
       t.text AS chosen_format,
       t.text AS chosen_value,
       t.integer AS other_document_id,
       t.text AS other_format,
       t.text AS other_value
FROM column_types t WHERE 0
UNION ALL
SELECT resolution_id, symbol, language, 'title', chosen_document_id, chosen_format, c_title, other_document_id, other_format, o_title
FROM pairs WHERE c_title IS NOT NULL AND o_title IS NOT NULL AND replace(replace(c_title, char(160), ' '), char(8239), ' ') <> replace(replace(o_title, char(160), ' '), char(8239), ' ')
UNION ALL
SELECT resolution_id, symbol, language, 'adopted_on', chosen_document_id, chosen_format, c_adopted_on, other_document_id, other_format, o_adopted_on
FROM pairs WHERE c_adopted_on IS NOT NULL AND o_adopted_on IS NOT NULL AND c_adopted_on <> o_adopted_on
UNION ALL
SELECT resolution_id, symbol, language, 'distributed_on', chosen_document_id, chosen_format, c_distributed_on, other_document_id, other_format, o_distributed_on
FROM pairs WHERE c_distributed_on IS NOT NULL AND o_distributed_on IS NOT NULL AND c_distributed_on <> o_distributed_on
UNION ALL
SELECT resolution_id, symbol, language, 'committee', chosen_document_id, chosen_format, c_committee, other_document_id, other_format, o_committee
FROM pairs WHERE c_committee IS NOT NULL AND o_committee IS NOT NULL AND c_committee <> o_committee
UNION ALL
SELECT resolution_id, symbol, language, 'plenary_meeting', chosen_document_id, chosen_format, CAST(c_plenary_meeting AS TEXT), other_document_id, other_format, CAST(o_plenary_meeting AS TEXT)
FROM pairs WHERE c_plenary_meeting IS NOT NULL AND o_plenary_meeting IS NOT NULL AND c_plenary_meeting <> o_plenary_meeting
UNION ALL
SELECT resolution_id, symbol, language, 'agenda_item', chosen_document_id, chosen_format, c_agenda_item, other_document_id, other_format, o_agenda_item
FROM pairs WHERE c_agenda_item IS NOT NULL AND o_agenda_item IS NOT NULL AND c_agenda_item <> o_agenda_item
UNION ALL
SELECT resolution_id, symbol, language, 'draft_symbol', chosen_document_id, chosen_format, c_draft_symbol, other_document_id, other_format, o_draft_symbol
FROM pairs WHERE c_draft_symbol IS NOT NULL AND o_draft_symbol IS NOT NULL AND c_draft_symbol <> o_draft_symbol
UNION ALL
SELECT resolution_id, symbol, language, 'job_number', chosen_document_id, chosen_format, c_job_number, other_document_id, other_format, o_job_number
FROM pairs WHERE c_job_number IS NOT NULL AND o_job_number IS NOT NULL AND c_job_number <> o_job_number
UNION ALL
SELECT resolution_id, symbol, language, 'preambular_paragraphs', chosen_document_id, chosen_format, CAST(c_preambular_paragraphs AS TEXT), other_document_id, other_format, CAST(o_preambular_paragraphs AS TEXT)
FROM pairs WHERE c_preambular_paragraphs <> o_preambular_paragraphs
UNION ALL
SELECT resolution_id, symbol, language, 'operative_paragraphs', chosen_document_id, chosen_format, CAST(c_operative_paragraphs AS TEXT), other_document_id, other_format, CAST(o_operative_paragraphs AS TEXT)
FROM pairs WHERE c_operative_paragraphs <> o_operative_paragraphs
UNION ALL
SELECT resolution_id, symbol, language, 'footnotes', chosen_document_id, chosen_format, CAST(c_footnotes AS TEXT), other_document_id, other_format, CAST(o_footnotes AS TEXT)
FROM pairs WHERE c_footnotes <> o_footnotes
UNION ALL
SELECT resolution_id, symbol, language, 'chapter_vii', chosen_document_id, chosen_format, CAST(c_chapter_vii AS TEXT), other_document_id, other_format, CAST(o_chapter_vii AS TEXT)
FROM pairs WHERE c_chapter_vii IS NOT NULL AND o_chapter_vii IS NOT NULL AND c_chapter_vii <> o_chapter_vii;

-- Where a resolution's text establishes each of its facts (resolution_facts: a profile's `facts`
-- rule matched): the fact column it sets, the resolution, the paragraph with its printed label and
-- text (NULL for a heading line between paragraphs), the words, the rule and their offsets.
CREATE VIEW v_resolution_facts AS
-- The declared types of the columns (see column_types).
SELECT t.integer AS resolution_id,
       t.text AS symbol,
       t.text AS language,
       t.text AS body,
       t.integer AS year,
       t.text AS fact,
       t.integer AS paragraph_id,
       t.text AS paragraph_kind,
       t.text AS paragraph,
       t.text AS surface,
       t.text AS paragraph_text,
       t.text AS rule_id,
       t.integer AS start_offset,
       t.integer AS end_offset
FROM column_types t WHERE 0
UNION ALL
SELECT f.resolution_id,
       r.symbol,
       r.language,
       r.body,
       coalesce(CAST(substr(r.adopted_on, 1, 4) AS INTEGER), r.year),
       f.fact,
       f.paragraph_id,
       p.kind,
       p.paragraph,
       f.surface,
       p.text,
       f.rule_id,
       f.start_offset,
       f.end_offset
FROM resolution_facts f
JOIN resolutions r ON r.id = f.resolution_id
LEFT JOIN v_paragraphs p ON p.paragraph_id = f.paragraph_id;

-- Resolutions adopted under Chapter VII of the Charter, per organ, year and language (each language
-- loaded counts its own resolutions): of the resolutions whose organ's profile tells it
-- (chapter_vii not NULL: the Security Council's), how many, and what share.
CREATE VIEW v_chapter_vii_by_year AS
-- The declared types of the columns (see column_types).
SELECT t.text AS body,
       t.integer AS year,
       t.text AS language,
       t.integer AS resolutions,
       t.integer AS chapter_vii,
       t.real AS share
FROM column_types t WHERE 0
UNION ALL
SELECT r.body,
       coalesce(CAST(substr(r.adopted_on, 1, 4) AS INTEGER), r.year) AS year,
       r.language,
       count(*),
       sum(r.chapter_vii),
       round(CAST(sum(r.chapter_vii) AS REAL) / count(*), 3)
FROM resolutions r
WHERE r.chapter_vii IS NOT NULL
GROUP BY r.body, coalesce(CAST(substr(r.adopted_on, 1, 4) AS INTEGER), r.year), r.language;

------------------------------------------------------------------------------------------------------
-- The documentation of every table and view, in one machine-readable place: `unres export` writes
-- Datasette's metadata.json from it, docs/schema.md's view reference is generated from it, and a
-- test checks that every column of every table and view has a row here. Refilled on every open so
-- that it always describes the program that last opened the database.
CREATE TABLE IF NOT EXISTS doc_objects (
  name        TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('table', 'view')),
  title       TEXT NOT NULL,
  description TEXT NOT NULL,
  facets      TEXT,  -- space-separated columns a browser should offer as facets
  fts_table   TEXT   -- the full-text index over this table, if any
);
CREATE TABLE IF NOT EXISTS doc_columns (
  object_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  description TEXT NOT NULL,
  example     TEXT,
  filled_by   TEXT,  -- the rule file (mappings/) or the part of unres that fills the column
  PRIMARY KEY (object_name, column_name)
);
DELETE FROM doc_objects;
DELETE FROM doc_columns;

INSERT INTO doc_objects(name, kind, title, description, facets, fts_table) VALUES
  ('column_types', 'table', 'Column types of the views', 'Holds no rows: its columns declare the types (INTEGER, DATE ...) that the views'' columns show to BI tools.', NULL, NULL),
  ('meta', 'table', 'Database properties', 'Key/value properties of the database, such as the version of unres that last opened it.', NULL, NULL),
  ('documents', 'table', 'Input files', 'One row per input file: path, content hash, detected layout and whether it was loaded or rejected.', 'format status', NULL),
  ('document_texts', 'table', 'Source texts', 'The readable text a PDF or XML document was rendered into: the offsets of that document''s rows point into it (a text file has no row: its rows point into the file).', NULL, NULL),
  ('resolution_sources', 'table', 'Resolution sources', 'One row per resolution a file holds, whether or not its rows are the resolution''s (the chosen source): what this source says of it, compared in source_disagreements. Keyed by symbol and language, not by resolutions.id.', 'language', NULL),
  ('resolutions', 'table', 'Resolutions', 'One row per resolution and language (one per part of a multi-part A/B resolution), with the metadata of its masthead and trailer.', 'body session committee', NULL),
  ('resolution_facts', 'table', 'Resolution facts', 'One row per place where a resolution''s text establishes a fact (a fact rule of its organ''s profile matched): the paragraph, the words and the rule that set a fact column of resolutions, such as chapter_vii.', 'fact rule_id', NULL),
  ('paragraphs', 'table', 'Paragraphs', 'Preambular, operative and annex paragraphs; sub-paragraphs (a), (i) point at their parent.', 'kind rule_id', 'paragraphs_fts'),
  ('action_verbs', 'table', 'Action phrases', 'The action phrases of a paragraph: the lead phrase that opens it and later actions in it.', 'lemma is_lead modifier qualifier', NULL),
  ('organizations', 'table', 'Organizations', 'The gazetteer: UN bodies and intergovernmental organizations unres recognizes.', 'category', NULL),
  ('organization_mentions', 'table', 'Organization mentions', 'One row per mention of an organization in a paragraph or a footnote.', 'organization_id', NULL),
  ('footnotes', 'table', 'Footnotes', 'The footnotes of a resolution.', NULL, NULL),
  ('footnote_refs', 'table', 'Footnote marks', 'Where a paragraph points at a footnote.', NULL, NULL),
  ('citations', 'table', 'Citations', 'References to other documents, normalized to their symbol.', 'kind rule_id', NULL),
  ('deadlines', 'table', 'Deadlines', 'Reports requested and items put on a future agenda, with the session they are due at.', 'kind session body requested_of', NULL),
  ('records', 'table', 'Published records', 'One row per resolution record of a records file (the UN''s data_extract JSON lines): the draft, the meeting, how it was adopted and the counts as published. Keyed by symbol, not by resolutions.id: loaded before, after or without the resolution''s text.', 'body year adoption_type', NULL),
  ('record_votes', 'table', 'Recorded votes (published)', 'One row per Member State per recorded vote of a published record. Read through the votes view.', 'vote iso3', NULL),
  ('record_sponsors', 'table', 'Sponsors (published)', 'One row per sponsor or additional sponsor of a published record; a sentence of additional sponsors becomes one row per State. Read through the sponsors view.', 'kind iso3', NULL),
  ('record_subjects', 'table', 'Subjects (published)', 'The subject terms a published record gives its resolution (UNBIS Thesaurus, DHLAUTH, agenda items).', 'source', NULL),
  ('record_sdgs', 'table', 'SDGs (published)', 'The Sustainable Development Goals a published record tags its resolution with.', 'sdg', NULL),
  ('ingest_runs', 'table', 'Ingest runs', 'One row per run of unres ingest.', 'status', NULL),
  ('quarantine', 'table', 'Quarantine', 'Files set aside as bad input, with the stage, line and reason.', 'stage run_id', NULL),
  ('doc_objects', 'table', 'Documentation: tables and views', 'The title and description of every table and view (this documentation).', 'kind', NULL),
  ('doc_columns', 'table', 'Documentation: columns', 'The meaning, an example and the source of every column of every table and view.', 'object_name filled_by', NULL),
  ('v_resolutions', 'view', 'Resolutions with paragraph counts', 'One row per resolution with its year, committee and paragraph counts.', 'session year committee', NULL),
  ('v_operative_actions', 'view', 'Operative actions', 'One row per action phrase of an operative paragraph or sub-paragraph: who decides, requests or calls upon, where.', 'lemma role session year committee modifier qualifier', NULL),
  ('v_citation_edges', 'view', 'Citation graph', 'One row per citation: the citing resolution and paragraph, the phrase that cites (recalling, reaffirming ...), the cited target, and the cited resolution when it is in the database.', 'kind citing_lemma paragraph_kind citing_session', NULL),
  ('v_reporting_deadlines', 'view', 'Reporting deadlines', 'What is due (a report, an agenda item), from whom, to which body, at which session and in which year.', 'kind session session_year body requested_of', NULL),
  ('v_organization_mentions', 'view', 'Organizations by resolution', 'How often each organization is mentioned in each resolution.', 'category organization session year', NULL),
  ('votes', 'view', 'Votes', 'One row per Member State per recorded vote, for every loaded resolutions row of the symbol (from the published records; none for a resolution adopted without a vote).', 'vote iso3', NULL),
  ('sponsors', 'view', 'Sponsors', 'One row per sponsor of a loaded resolution (from the published records): sponsor or additional.', 'kind iso3', NULL),
  ('v_records', 'view', 'Published records that count', 'One row per symbol: its published record (of the file loaded last when two files have one), the number of votes and sponsors listed, and whether the resolution''s text is loaded.', 'body year adoption_type text_loaded', NULL),
  ('v_votes_by_state_year', 'view', 'Votes per State and year', 'How each State voted in the recorded votes of each organ and year.', 'body year state', NULL),
  ('v_voting_coincidence', 'view', 'Voting coincidence', 'For two States, per organ and year: the recorded votes both took part in, how many alike and how many opposite (yes against no).', 'body year state_a state_b', NULL),
  ('v_resolutions_by_sdg', 'view', 'Resolutions by SDG', 'One row per resolution and Sustainable Development Goal it is tagged with in the published records.', 'sdg body year adoption_type', NULL),
  ('paragraph_translations', 'view', 'Paragraphs across languages', 'One row per paragraph position of a resolution (kind, ordinal, sub-paragraph ordinals) with its text in each language loaded; NULL where a language has no paragraph there.', 'kind', NULL),
  ('translation_symbol_mismatches', 'view', 'Translations that name another symbol', 'One row per translation whose job number (shared by the language versions of a document) is that of another symbol''s resolutions in other languages, while no other language of its own symbol has it: the file most likely names itself with a wrong symbol.', 'language', NULL),
  ('translation_mismatches', 'view', 'Translations that do not align', 'One row per resolution, language and paragraph kind whose paragraph or sub-paragraph count differs from the reference language''s (English, else the first loaded). A resolution without rows aligns in every language loaded.', 'language kind', NULL),
  ('v_paragraphs', 'view', 'Paragraphs with labels', 'One row per paragraph with its printed label (5, 5 (a)) and the action that opens it.', 'kind lead_lemma', NULL),
  ('v_resolution_sources', 'view', 'Sources of each resolution', 'One row per source file of a resolution (its XML, PDF, text): which one''s rows the resolution holds (chosen: XML > PDF > text), its format and path.', 'format chosen', NULL),
  ('source_disagreements', 'view', 'Where the sources of a resolution disagree', 'One row per field and other source whose value differs from the chosen source''s: paragraph and footnote counts, title, dates, meeting, agenda item, draft symbol, job number, Chapter VII.', 'field chosen_format other_format', NULL),
  ('v_resolution_facts', 'view', 'Where resolutions state their facts', 'One row per place where a resolution''s text establishes a fact column of resolutions (chapter_vii): the paragraph with its label and text, the words and the rule.', 'fact body year language rule_id', NULL),
  ('v_chapter_vii_by_year', 'view', 'Chapter VII per year', 'Per organ, year and language: the resolutions whose organ tells it (the Security Council''s) and how many were adopted acting under Chapter VII of the Charter.', 'body year language', NULL);

INSERT INTO doc_columns(object_name, column_name, description, example, filled_by) VALUES
  ('column_types', 'integer', 'Declares the type INTEGER (never holds a value)', NULL, 'sql/views.sql'),
  ('column_types', 'real', 'Declares the type REAL (never holds a value)', NULL, 'sql/views.sql'),
  ('column_types', 'text', 'Declares the type TEXT (never holds a value)', NULL, 'sql/views.sql'),
  ('column_types', 'date', 'Declares the type DATE: ISO 8601 text YYYY-MM-DD (never holds a value)', NULL, 'sql/views.sql'),
  ('column_types', 'datetime', 'Declares the type DATETIME: ISO 8601 text YYYY-MM-DDTHH:MM:SSZ (never holds a value)', NULL, 'sql/views.sql'),
  ('meta', 'key', 'Property name', 'tool_version', 'unres'),
  ('meta', 'value', 'Property value', '0.1.0', 'unres'),

  ('documents', 'id', 'Document id', '1', 'unres ingest'),
  ('documents', 'path', 'The input file: absolute, symbolic links resolved (the same file has one path whatever the working directory)', '/srv/un/seeds/000_6ebaee88ab77a99b.txt', 'unres ingest'),
  ('documents', 'content_hash', 'XXH3 hash of the raw bytes, 16 hex digits; unres explain compares it before cutting text', 'b3c4f0e1a2d5c6b7', 'unres ingest'),
  ('documents', 'size_bytes', 'Size of the file in bytes', '9826', 'unres ingest'),
  ('documents', 'format', 'Detected layout; NULL for a file rejected before detection', 'ods-text', 'mappings/structure.yaml (layouts)'),
  ('documents', 'status', 'loaded, or rejected (see quarantine)', 'loaded', 'unres ingest'),
  ('documents', 'encoding', 'utf-8, or windows-1252 when the file was decoded from it', 'utf-8', 'unres ingest'),
  ('documents', 'mtime_ns', 'Modification time seen when loaded (ns since the epoch): unchanged files are not re-read', '1716800000000000000', 'unres ingest'),
  ('documents', 'rules_hash', 'Hash of the rule files the document was loaded with', 'c22b28964250be9b', 'unres ingest'),
  ('documents', 'loaded_at', 'When the document was loaded (UTC)', '2014-05-19T10:00:00Z', 'unres ingest'),
  ('documents', 'normalized', 'What was undone to read the file, comma-separated: bom (a UTF-8 byte-order mark), crlf or cr (Windows or old Mac line ends), ls (U+2028/U+2029 separators as line ends); NULL: nothing', 'bom,crlf', 'unres ingest'),
  ('documents', 'missing_since', 'When a run first did not find the file under its inputs (UTC; its rows are kept until unres forget); NULL while it is there', '2014-06-01T02:30:00Z', 'unres ingest'),
  ('document_texts', 'document_id', 'The document (one that is not plain text)', '1', 'unres ingest'),
  ('document_texts', 'text', 'The text its reader rendered; start_offset and end_offset of its rows are byte offsets into it', '3. Requests the Secretary-General ...', 'the format''s reader (etl/core/formats/)'),

  ('resolutions', 'id', 'Resolution id', '1', 'unres ingest'),
  ('resolutions', 'symbol', 'UN document symbol (unique with language); parts of multi-part resolutions as A/RES/57/270 B; Security Council as S/RES/2719(2023)', 'A/RES/68/272', 'mappings/structure.yaml (metadata), AKN XML'),
  ('resolutions', 'body', 'Adopting organ: A (General Assembly), S (Security Council), A/HRC (Human Rights Council), E (ECOSOC)', 'A', 'mappings/structure.yaml (metadata), AKN XML'),
  ('resolutions', 'session', 'Session number', '68', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'number', 'Resolution number within the session', '272', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'title', 'Title as printed', 'Interaction between the United Nations, national parliaments and the Inter-Parliamentary Union', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'adopted_on', 'Adoption date (ISO 8601)', '2014-05-19', 'mappings/structure.yaml (metadata), mappings/vocabulary.yaml (months)'),
  ('resolutions', 'committee', 'Main Committee that reported on it; NULL when adopted without reference to a Main Committee', 'Second Committee', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'basis_symbol', 'The draft or report it was adopted on', 'A/68/L.44', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'plenary_meeting', 'Plenary meeting at which it was adopted', '86', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'agenda_item', 'Agenda item as printed, without "Agenda item"', '24 (b)', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'distributed_on', 'The masthead''s "Distr.: General" date', '2014-05-28', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'job_number', 'Document job number', 'N1345577E', 'mappings/structure.yaml (metadata)'),
  ('resolutions', 'language', 'Language of the text (ISO 639-1: en fr es ar zh ru); one row per symbol and language. Text files: en', 'en', 'AKN XML (FRBRlanguage), else en'),
  ('resolutions', 'year', 'Security Council and ECOSOC: the year in the symbol', '2023', 'AKN XML (symbol)'),
  ('resolutions', 'meeting', 'The meeting that adopted it (Security Council 9520; HRC 53; GA and ECOSOC the plenary meeting)', '40', 'AKN XML (cover or conclusions)'),
  ('resolutions', 'draft_symbol', 'The draft it was adopted on', 'A/C.3/78/L.13', 'AKN XML (workflow step draftResolution), else the published record (draft_source)'),
  ('resolutions', 'draft_source', 'Where draft_symbol came from: document (the source states it), records (the published record: draft_resolution, else originating_document), NULL', 'records', 'the writer (etl/core/store/writer.cpp, drafts_from_records)'),
  ('resolutions', 'chapter_vii', 'Security Council: 1 when the resolution says it acts under Chapter VII of the Charter ("Acting under Chapter VII of the Charter of the United Nations,", in any of the six languages; resolution_facts says where), 0 when it does not; NULL for an organ whose profile has no such rule (GA, HRC, ECOSOC)', '1', 'mappings/profiles.security-council.yaml (facts)'),
  ('resolutions', 'votes_yes', 'Votes in favour as published in the resolution''s record (the records file loaded last); NULL without a record or a recorded vote', '91', 'the writer (etl/core/store/writer.cpp, votes_from_records)'),
  ('resolutions', 'votes_no', 'Votes against, as votes_yes', '8', 'the writer (etl/core/store/writer.cpp, votes_from_records)'),
  ('resolutions', 'votes_abstain', 'Abstentions, as votes_yes', '62', 'the writer (etl/core/store/writer.cpp, votes_from_records)'),
  ('resolutions', 'votes_non_voting', 'Members that did not vote in a recorded vote: the organ''s membership on the adoption date (its profile''s members) less the votes cast, as the UN''s voting record counts them; NULL without a recorded vote or a known membership', '32', 'the writer (etl/core/store/writer.cpp, votes_from_records) and the profiles'' members (mappings/)'),
  ('resolutions', 'document_id', 'The input file (documents.id)', '1', 'unres ingest'),
  ('resolutions', 'start_offset', 'Byte offset of the resolution''s first byte in the file', '0', 'mappings/structure.yaml (document)'),
  ('resolutions', 'end_offset', 'Byte offset just past the resolution''s last byte', '9826', 'mappings/structure.yaml (document)'),

  ('paragraphs', 'id', 'Paragraph id', '32', 'unres ingest'),
  ('paragraphs', 'resolution_id', 'The resolution (resolutions.id)', '2', 'unres ingest'),
  ('paragraphs', 'kind', 'preambular, operative or annex; a sub-paragraph has its parent''s kind', 'operative', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'ordinal', '1-based position among the top-level paragraphs of its kind; for a sub-paragraph, its position under its parent', '5', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'number', 'Printed label: 16 for operative paragraphs, (a) or (i) for sub-paragraphs, NULL for preambular ones', '16', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'parent_id', 'Enclosing paragraph of a sub-paragraph; NULL for top-level paragraphs', '40', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'text', 'The paragraph''s own text: without its number or sub-paragraphs, footnote marks removed, whitespace folded', 'Takes note of the report of the Secretary-General;', 'mappings/structure.yaml (document, replacements)'),
  ('paragraphs', 'rule_id', 'document.preambular, document.operative or document.subparagraph', 'document.operative', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'start_offset', 'Byte offset of the paragraph in the file', '4521', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'end_offset', 'Byte offset just past the paragraph', '4780', 'mappings/structure.yaml (document)'),
  ('paragraphs', 'page', 'The page of the source PDF where the paragraph starts; NULL for other sources', '2', 'the PDF reader (etl/core/formats/)'),

  ('action_verbs', 'id', 'Action id', '55', 'unres ingest'),
  ('action_verbs', 'paragraph_id', 'The paragraph (paragraphs.id)', '44', 'unres ingest'),
  ('action_verbs', 'phrase', 'The phrase as printed, modifiers and qualifier included', 'Also takes note with appreciation', 'mappings/phrases.yaml'),
  ('action_verbs', 'lemma', 'Base form of the verb, lowercase', 'take note', 'mappings/phrases.yaml (phrases)'),
  ('action_verbs', 'action', 'The language-neutral action, in the English lemma vocabulary: the lemma for English, the English lemma the language''s rule file gives otherwise', 'request', 'mappings/phrases.yaml, mappings/phrases.LANG.yaml (action)'),
  ('action_verbs', 'action_source', 'Where action comes from: lexicon (the phrase''s language''s lexicon; for English the lemma) or english (the lead phrase of the aligned paragraph of the English resolution, when it is loaded)', 'english', 'unres ingest (docs/rules.md, Adding a language)'),
  ('action_verbs', 'modifier', 'Adverb before or after the verb, or NULL', 'also', 'mappings/phrases.yaml (modifiers, postmodifiers)'),
  ('action_verbs', 'qualifier', 'Qualifying words after the verb, or NULL', 'with appreciation', 'mappings/phrases.yaml (qualifiers)'),
  ('action_verbs', 'is_lead', '1 for the phrase that opens the paragraph; 0 for a later action in it (", and requests ...")', '1', 'mappings/phrases.yaml (secondary_connector)'),
  ('action_verbs', 'rule_id', 'phrase-lead-preambular, phrase-lead-operative, phrase-coordinated or phrase-secondary', 'phrase-lead-operative', 'mappings/phrases.yaml'),
  ('action_verbs', 'start_offset', 'Byte offset of the phrase in the file', '5680', 'mappings/phrases.yaml'),
  ('action_verbs', 'end_offset', 'Byte offset just past the phrase', '5707', 'mappings/phrases.yaml'),

  ('organizations', 'id', 'Organization id', '350', 'mappings/organizations.yaml'),
  ('organizations', 'name', 'Canonical name (unique)', 'Inter-Parliamentary Union', 'mappings/organizations.yaml'),
  ('organizations', 'acronym', 'Acronym, or NULL', 'IPU', 'mappings/organizations.yaml'),
  ('organizations', 'category', 'Kind of organization', 'intergovernmental', 'mappings/organizations.yaml (categories)'),

  ('organization_mentions', 'id', 'Mention id', '1', 'unres ingest'),
  ('organization_mentions', 'organization_id', 'The organization (organizations.id)', '350', 'mappings/organizations.yaml'),
  ('organization_mentions', 'resolution_id', 'The resolution (resolutions.id)', '1', 'unres ingest'),
  ('organization_mentions', 'paragraph_id', 'The paragraph; NULL for a mention in a footnote', '2', 'unres ingest'),
  ('organization_mentions', 'surface', 'The text that matched: name, acronym or alias', 'Inter-Parliamentary Union', 'mappings/organizations.yaml'),
  ('organization_mentions', 'rule_id', 'gazetteer, or the rule that matched a defined acronym', 'gazetteer', 'mappings/organizations.yaml'),
  ('organization_mentions', 'start_offset', 'Byte offset of the mention in the file', '390', 'mappings/organizations.yaml'),
  ('organization_mentions', 'end_offset', 'Byte offset just past the mention', '415', 'mappings/organizations.yaml'),

  ('footnotes', 'id', 'Footnote id', '2', 'unres ingest'),
  ('footnotes', 'resolution_id', 'The resolution (resolutions.id)', '1', 'unres ingest'),
  ('footnotes', 'number', 'Footnote number as printed', '1', 'mappings/structure.yaml (document)'),
  ('footnotes', 'text', 'Footnote text', 'A/68/827.', 'mappings/structure.yaml (document)'),
  ('footnotes', 'rule_id', 'document.footnote', 'document.footnote', 'mappings/structure.yaml (document)'),
  ('footnotes', 'start_offset', 'Byte offset of the footnote in the file', '9796', 'mappings/structure.yaml (document)'),
  ('footnotes', 'end_offset', 'Byte offset just past the footnote', '9807', 'mappings/structure.yaml (document)'),

  ('footnote_refs', 'id', 'Footnote mark id', '1', 'unres ingest'),
  ('footnote_refs', 'paragraph_id', 'The paragraph the mark stands in', '1', 'mappings/structure.yaml (document.footnote_marks)'),
  ('footnote_refs', 'footnote_id', 'The footnote it points at (footnotes.id)', '2', 'mappings/structure.yaml (document.footnote_marks)'),
  ('footnote_refs', 'start_offset', 'Byte offset of the mark in the file', '298', 'mappings/structure.yaml (document.footnote_marks)'),
  ('footnote_refs', 'rule_id', 'document.footnote_marks (text); for a PDF the source of the mark: pdf.mark.size (small and raised), pdf.mark.link (linked to its footnote) or pdf.mark.size+link (both)', 'document.footnote_marks', 'mappings/structure.yaml (document.footnote_marks); the PDF reader (docs/pdf.md)'),

  ('citations', 'id', 'Citation id', '1', 'unres ingest'),
  ('citations', 'resolution_id', 'The citing resolution (resolutions.id)', '1', 'unres ingest'),
  ('citations', 'paragraph_id', 'The citing paragraph; NULL for a citation that stands in a footnote', '6', 'unres ingest'),
  ('citations', 'footnote_id', 'The footnote the citation stands in; NULL in a paragraph', '2', 'unres ingest'),
  ('citations', 'kind', 'ga_resolution, sc_resolution, hrc_resolution, ecosoc_resolution, decision, document, presidential_statement or treaty', 'ga_resolution', 'mappings/citations.yaml (kinds)'),
  ('citations', 'target', 'Normalized symbol of the cited document', 'A/RES/57/32', 'mappings/citations.yaml (emit)'),
  ('citations', 'cited_date', 'Date of the cited document when the text gives it', '2002-11-19', 'mappings/citations.yaml, mappings/vocabulary.yaml (months)'),
  ('citations', 'surface', 'The matched text', '57/32 of 19 November 2002', 'mappings/citations.yaml'),
  ('citations', 'rule_id', 'The citation rule; footnote/<rule> for a paragraph citing through its footnote, ibid/<rule> for Ibid.; akn.link or pdf.link for a citation only an XML or PDF link states; <rule>+pdf.link for the rule''s citation a PDF link confirms', 'ga-resolution', 'mappings/citations.yaml (rules)'),
  ('citations', 'start_offset', 'Byte offset of the matched text in the file', '1522', 'mappings/citations.yaml'),
  ('citations', 'end_offset', 'Byte offset just past the matched text', '1547', 'mappings/citations.yaml'),
  ('citations', 'part', 'B on the second row of a reference to a part of a resolution (target A/RES/57/270 B; the first row has target A/RES/57/270 and part NULL). Count rows WHERE part IS NULL to count each reference once', 'B', 'mappings/citations.yaml (group part)'),

  ('deadlines', 'id', 'Deadline id', '5', 'unres ingest'),
  ('deadlines', 'resolution_id', 'The resolution that sets it (resolutions.id)', '2', 'unres ingest'),
  ('deadlines', 'paragraph_id', 'The paragraph that sets it', '52', 'unres ingest'),
  ('deadlines', 'kind', 'report (a report is requested) or agenda_item (an item is put on a future agenda)', 'report', 'mappings/deadlines.yaml (kinds)'),
  ('deadlines', 'session', 'The session at which it is due', '69', 'mappings/deadlines.yaml, mappings/vocabulary.yaml (numbers, relative_sessions)'),
  ('deadlines', 'due_year', 'Year it is due when the text gives one', '2025', 'mappings/deadlines.yaml'),
  ('deadlines', 'due_date', 'Date it is due when the text gives one', '2025-03-31', 'mappings/deadlines.yaml'),
  ('deadlines', 'requested_of', 'Who must report', 'Secretary-General', 'mappings/deadlines.yaml'),
  ('deadlines', 'body', 'The body it is due to', 'General Assembly', 'mappings/deadlines.yaml (defaults)'),
  ('deadlines', 'subject', 'What the report or agenda item is about', 'the state of South-South cooperation', 'mappings/deadlines.yaml'),
  ('deadlines', 'rule_id', 'The deadline rule', 'report-at-session-first', 'mappings/deadlines.yaml (rules)'),
  ('deadlines', 'start_offset', 'Byte offset of the matched text in the file', '9251', 'mappings/deadlines.yaml'),
  ('deadlines', 'end_offset', 'Byte offset just past the matched text', '9406', 'mappings/deadlines.yaml'),

  ('records', 'id', 'Record id', '1', 'unres ingest'),
  ('records', 'document_id', 'The records file (documents.id)', '31', 'unres ingest'),
  ('records', 'symbol', 'Symbol of the resolution, normalized as resolutions.symbol', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'body', 'Adopting organ, from the symbol: A, S, A/HRC or E', 'A', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'year', 'The year in the symbol (S/RES/2719(2023), E/RES/2024/1), else the year of adoption', '2023', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'adopted_on', 'Adoption date (ISO 8601)', '2023-11-02', 'the records reader (etl/core/formats/records.cpp), mappings/vocabulary.yaml (months)'),
  ('records', 'meeting', 'The meeting that adopted it (plenary meeting; Security Council meeting number); NULL for voting by mail', '34', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'meeting_record', 'The record of that meeting', 'A/78/PV.34', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'draft_symbol', 'The draft it was adopted on (draft_resolution, else originating_document)', 'A/78/L.5', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'adoption_type', 'How it was adopted, as published', 'By a recorded vote', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'votes_yes', 'Votes in favour, as published (the lists length when the count is blank)', '187', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'votes_no', 'Votes against, as published', '2', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'votes_abstain', 'Abstentions, as published', '1', 'the records reader (etl/core/formats/records.cpp)'),
  ('records', 'line', 'Line of the records file the record was read from (the last line of its symbol)', '4', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_votes', 'id', 'Vote id', '1', 'unres ingest'),
  ('record_votes', 'document_id', 'The records file (documents.id)', '31', 'unres ingest'),
  ('record_votes', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_votes', 'member_state', 'The State as published', 'UNITED KINGDOM', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_votes', 'iso3', 'ISO 3166 alpha-3 code; NULL when the name is not in mappings/member_states.yaml (reported at ingest)', 'GBR', 'mappings/member_states.yaml'),
  ('record_votes', 'vote', 'yes, no, abstain or non_voting', 'yes', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sponsors', 'id', 'Sponsor id', '1', 'unres ingest'),
  ('record_sponsors', 'document_id', 'The records file (documents.id)', '31', 'unres ingest'),
  ('record_sponsors', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sponsors', 'member_state', 'The State as published, or an entry that is not a State (SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY)', 'Belgium', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sponsors', 'iso3', 'ISO 3166 alpha-3 code; NULL for an entry that is not a State or a name not known', 'BEL', 'mappings/member_states.yaml'),
  ('record_sponsors', 'kind', 'sponsor (the records sponsors) or additional (its additional sponsors)', 'additional', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sponsors', 'on_behalf_of', 'The group a sponsor acts for, from "(on behalf of ...)"', 'the European Union', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_subjects', 'id', 'Subject id', '1', 'unres ingest'),
  ('record_subjects', 'document_id', 'The records file (documents.id)', '31', 'unres ingest'),
  ('record_subjects', 'symbol', 'Symbol of the resolution', 'A/RES/78/1', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_subjects', 'term', 'Subject term as published', 'SUSTAINABLE DEVELOPMENT', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_subjects', 'source', 'Where the term is from: UNBIS Thesaurus, DHLAUTH, or an agendas symbol for an agenda item', 'UNBIS Thesaurus', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sdgs', 'id', 'Row id', '1', 'unres ingest'),
  ('record_sdgs', 'document_id', 'The records file (documents.id)', '31', 'unres ingest'),
  ('record_sdgs', 'symbol', 'Symbol of the resolution', 'A/RES/78/1', 'the records reader (etl/core/formats/records.cpp)'),
  ('record_sdgs', 'sdg', 'Sustainable Development Goal number, 1 to 17', '16', 'the records reader (etl/core/formats/records.cpp)'),
  ('votes', 'resolution_id', 'The resolution (resolutions.id); each language row of the symbol has the votes', '3', 'sql/views.sql'),
  ('votes', 'member_state', 'The State as published', 'UNITED KINGDOM', 'the records reader (etl/core/formats/records.cpp)'),
  ('votes', 'iso3', 'ISO 3166 alpha-3 code, or NULL', 'GBR', 'mappings/member_states.yaml'),
  ('votes', 'vote', 'yes, no, abstain or non_voting', 'yes', 'the records reader (etl/core/formats/records.cpp)'),
  ('votes', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('sponsors', 'resolution_id', 'The resolution (resolutions.id)', '3', 'sql/views.sql'),
  ('sponsors', 'member_state', 'The State as published, or an entry that is not a State', 'Belgium', 'the records reader (etl/core/formats/records.cpp)'),
  ('sponsors', 'iso3', 'ISO 3166 alpha-3 code, or NULL', 'BEL', 'mappings/member_states.yaml'),
  ('sponsors', 'kind', 'sponsor or additional', 'additional', 'the records reader (etl/core/formats/records.cpp)'),
  ('sponsors', 'on_behalf_of', 'The group the sponsor acts for, or NULL', 'the European Union', 'the records reader (etl/core/formats/records.cpp)'),
  ('sponsors', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'body', 'Adopting organ: A, S, A/HRC or E', 'A', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'year', 'Year in the symbol, else of adoption', '2023', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'adopted_on', 'Adoption date', '2023-11-02', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'meeting', 'The meeting that adopted it', '34', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'meeting_record', 'The record of that meeting', 'A/78/PV.34', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'draft_symbol', 'The draft it was adopted on', 'A/78/L.5', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'adoption_type', 'How it was adopted, as published', 'By a recorded vote', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'votes_yes', 'Votes in favour, as published', '187', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'votes_no', 'Votes against, as published', '2', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'votes_abstain', 'Abstentions, as published', '1', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'votes_listed', 'States named in the vote lists (may differ from the counts as published: reported at ingest)', '190', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'sponsors', 'Sponsors and additional sponsors listed', '54', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_records', 'text_loaded', '1 when the resolutions text is loaded (a resolutions row has the symbol)', '1', 'sql/views.sql'),
  ('v_records', 'path', 'The records file', 'tests/data/records/ga-78.json', 'unres ingest'),
  ('v_votes_by_state_year', 'body', 'Adopting organ', 'A', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_votes_by_state_year', 'year', 'Year in the symbol, else of adoption', '2023', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_votes_by_state_year', 'state', 'ISO 3166 alpha-3 code; the name as published when it is not known', 'FRA', 'mappings/member_states.yaml'),
  ('v_votes_by_state_year', 'member_state', 'A name of the State as published', 'FRANCE', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_votes_by_state_year', 'recorded_votes', 'Recorded votes it is listed in', '12', 'sql/views.sql'),
  ('v_votes_by_state_year', 'yes', 'Votes in favour', '10', 'sql/views.sql'),
  ('v_votes_by_state_year', 'no', 'Votes against', '1', 'sql/views.sql'),
  ('v_votes_by_state_year', 'abstain', 'Abstentions', '1', 'sql/views.sql'),
  ('v_votes_by_state_year', 'non_voting', 'Listed as not voting', '0', 'sql/views.sql'),
  ('v_voting_coincidence', 'body', 'Adopting organ', 'A', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_voting_coincidence', 'year', 'Year in the symbol, else of adoption', '2023', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_voting_coincidence', 'state_a', 'ISO 3166 alpha-3 code of one State', 'FRA', 'mappings/member_states.yaml'),
  ('v_voting_coincidence', 'state_b', 'ISO 3166 alpha-3 code of the other', 'DEU', 'mappings/member_states.yaml'),
  ('v_voting_coincidence', 'recorded_votes', 'Recorded votes in which both voted (yes, no or abstain)', '12', 'sql/views.sql'),
  ('v_voting_coincidence', 'same_votes', 'Of those, the votes they cast alike', '11', 'sql/views.sql'),
  ('v_voting_coincidence', 'opposite_votes', 'Of those, the votes where one voted yes and the other no', '0', 'sql/views.sql'),
  ('v_voting_coincidence', 'coincidence', 'same_votes / recorded_votes, three decimals', '0.917', 'sql/views.sql'),
  ('v_resolutions_by_sdg', 'sdg', 'Sustainable Development Goal, 1 to 17', '16', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'symbol', 'Symbol of the resolution', 'A/RES/78/1', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'body', 'Adopting organ', 'A', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'year', 'Year in the symbol, else of adoption', '2023', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'adopted_on', 'Adoption date', '2023-09-29', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'adoption_type', 'How it was adopted, as published', 'Without a vote', 'the records reader (etl/core/formats/records.cpp)'),
  ('v_resolutions_by_sdg', 'resolution_id', 'The resolution (resolutions.id) when its text is loaded, else NULL', '3', 'sql/views.sql'),
  ('v_resolutions_by_sdg', 'title', 'Its title when its text is loaded, else NULL', 'Political declaration of the high-level political forum ...', 'mappings/structure.yaml (metadata)'),

  ('ingest_runs', 'id', 'Run id', '1', 'unres ingest'),
  ('ingest_runs', 'started_at', 'When the run started (UTC)', '2024-05-01T09:00:00Z', 'unres ingest'),
  ('ingest_runs', 'finished_at', 'When it finished; NULL while running or after a crash', '2024-05-01T09:00:02Z', 'unres ingest'),
  ('ingest_runs', 'status', 'running, completed, completed_with_quarantine, interrupted or failed', 'completed', 'unres ingest'),
  ('ingest_runs', 'files_seen', 'Files found in the inputs', '5', 'unres ingest'),
  ('ingest_runs', 'files_loaded', 'Files loaded', '5', 'unres ingest'),
  ('ingest_runs', 'files_skipped', 'Files skipped', '0', 'unres ingest'),
  ('ingest_runs', 'files_quarantined', 'Files quarantined', '0', 'unres ingest'),
  ('ingest_runs', 'resolutions', 'Resolutions loaded', '5', 'unres ingest'),
  ('ingest_runs', 'row_counts', 'JSON object: rows per table when the run ended', '{"resolutions": 5}', 'unres ingest'),
  ('ingest_runs', 'rules_hash', 'Hash of the rule files used', 'c22b28964250be9b', 'unres ingest'),
  ('ingest_runs', 'tool_version', 'Version of unres', '0.1.0', 'unres ingest'),

  ('quarantine', 'id', 'Quarantine id', '1', 'unres ingest'),
  ('quarantine', 'run_id', 'The run that rejected the file (ingest_runs.id)', '1', 'unres ingest'),
  ('quarantine', 'path', 'The rejected file', 'corpus/74_303_E.txt', 'unres ingest'),
  ('quarantine', 'stage', 'Stage that rejected it: read, normalize, split, segment, extract or load', 'load', 'unres ingest'),
  ('quarantine', 'line', '1-based line of the problem, when known', '12', 'unres ingest'),
  ('quarantine', 'reason', 'What was wrong', 'conflicting symbol: A/RES/74/303 is already loaded from ...', 'unres ingest'),
  ('quarantine', 'excerpt', 'The offending text, when there is one', 'A/RES/74/303', 'unres ingest'),
  ('quarantine', 'recorded_at', 'When it was recorded (UTC)', '2024-05-01T09:00:01Z', 'unres ingest'),

  ('doc_objects', 'name', 'Table or view', 'v_resolutions', 'sql/views.sql'),
  ('doc_objects', 'kind', 'table or view', 'view', 'sql/views.sql'),
  ('doc_objects', 'title', 'Short title', 'Resolutions with paragraph counts', 'sql/views.sql'),
  ('doc_objects', 'description', 'What one row is', 'One row per resolution with its year, committee and paragraph counts.', 'sql/views.sql'),
  ('doc_objects', 'facets', 'Space-separated columns worth faceting on', 'session year committee', 'sql/views.sql'),
  ('doc_objects', 'fts_table', 'Full-text index over the table, if any', 'paragraphs_fts', 'sql/views.sql'),
  ('doc_columns', 'object_name', 'Table or view', 'v_resolutions', 'sql/views.sql'),
  ('doc_columns', 'column_name', 'Column', 'year', 'sql/views.sql'),
  ('doc_columns', 'description', 'Meaning', 'Year of adoption', 'sql/views.sql'),
  ('doc_columns', 'example', 'An example value', '2014', 'sql/views.sql'),
  ('doc_columns', 'filled_by', 'The rule file or part of unres that fills the column', 'mappings/phrases.yaml', 'sql/views.sql'),

  ('v_paragraphs', 'paragraph_id', 'The paragraph (paragraphs.id)', '44', 'unres ingest'),
  ('v_paragraphs', 'resolution_id', 'The resolution (resolutions.id)', '2', 'unres ingest'),
  ('v_paragraphs', 'symbol', 'Symbol of the resolution', 'A/RES/68/230', 'mappings/structure.yaml (metadata)'),
  ('v_paragraphs', 'kind', 'preambular, operative or annex', 'operative', 'mappings/structure.yaml (document)'),
  ('v_paragraphs', 'paragraph', 'Printed label with its parents'' (top-level preambular paragraphs: their position)', '13', 'mappings/structure.yaml (document)'),
  ('v_paragraphs', 'top_paragraph_id', 'The top-level paragraph it belongs to (itself when top-level)', '44', 'mappings/structure.yaml (document)'),
  ('paragraph_translations', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'the masthead (mappings/structure.yaml)'),
  ('paragraph_translations', 'kind', 'preambular, operative or annex (a sub-paragraph takes its parent''s)', 'operative', 'mappings/structure.yaml (document)'),
  ('paragraph_translations', 'ordinal', 'Ordinal of the top-level paragraph among those of its kind', '5', 'mappings/structure.yaml (document)'),
  ('paragraph_translations', 'position', 'Ordinals from the top-level paragraph down: 5, 5.1 (its first sub-paragraph), 5.1.2', '5.1', 'sql/views.sql'),
  ('paragraph_translations', 'en', 'The paragraph''s text in English, or NULL', 'Declares that Israel has failed so far ...', 'mappings/structure.yaml (document)'),
  ('paragraph_translations', 'fr', 'The text in French, or NULL', 'Déclare qu''Israël ne s''est toujours pas conformé ...', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('paragraph_translations', 'es', 'The text in Spanish, or NULL', 'Declara que hasta el momento Israel no ha cumplido ...', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('paragraph_translations', 'ar', 'The text in Arabic, or NULL', 'تعلن أن إسرائيل لم تمتثل حتى الآن ...', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('paragraph_translations', 'zh', 'The text in Chinese, or NULL', '宣布以色列迄今没有遵守安全理事会第497(1981)号决议；', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('paragraph_translations', 'ru', 'The text in Russian, or NULL', 'заявляет, что Израиль до сих пор не выполнил ...', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_mismatches', 'symbol', 'Symbol of the resolution', 'A/HRC/RES/55/1', 'the masthead (mappings/structure.yaml)'),
  ('translation_mismatches', 'language', 'The language that differs', 'fr', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_mismatches', 'reference_language', 'The language it is compared with: en, or the first loaded when English is not', 'en', 'sql/views.sql'),
  ('translation_mismatches', 'kind', 'Paragraph kind', 'operative', 'mappings/structure.yaml (document)'),
  ('translation_mismatches', 'reference_paragraphs', 'Top-level paragraphs of the kind in the reference language', '12', 'sql/views.sql'),
  ('translation_mismatches', 'paragraphs', 'Top-level paragraphs of the kind in this language', '11', 'sql/views.sql'),
  ('translation_mismatches', 'reference_subparagraphs', 'Sub-paragraphs of the kind in the reference language', '4', 'sql/views.sql'),
  ('translation_mismatches', 'subparagraphs', 'Sub-paragraphs of the kind in this language', '4', 'sql/views.sql'),
  ('translation_symbol_mismatches', 'symbol', 'The symbol the translation names itself with', 'A/RES/78/13', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_symbol_mismatches', 'language', 'Its language', 'fr', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_symbol_mismatches', 'job_number', 'The job number it shares with the other symbol', '23-25874', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_symbol_mismatches', 'symbol_of_job', 'The symbol the other languages of that job number name', 'A/RES/78/130', 'the AKN reader (etl/core/formats/akn.cpp)'),
  ('translation_symbol_mismatches', 'languages_of_job', 'Those languages, space-separated', 'ar en es ru zh', 'sql/views.sql'),
  ('v_paragraphs', 'lead_phrase', 'Phrase that opens the paragraph (for a sub-paragraph without one, its parent''s)', 'Acknowledges and encourages', 'mappings/phrases.yaml'),
  ('v_paragraphs', 'lead_lemma', 'Lemma of lead_phrase', 'acknowledge', 'mappings/phrases.yaml'),
  ('v_paragraphs', 'text', 'The paragraph''s own text', 'Acknowledges and encourages the initiatives ...', 'mappings/structure.yaml (document)'),

  ('v_resolutions', 'resolution_id', 'The resolution (resolutions.id)', '2', 'unres ingest'),
  ('v_resolutions', 'symbol', 'Symbol', 'A/RES/68/230', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'body', 'Adopting organ', 'A', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'session', 'Session', '68', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'number', 'Number within the session', '230', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'year', 'Year of adoption', '2013', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'adopted_on', 'Adoption date', '2013-12-20', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'committee', 'Main Committee, NULL for a resolution adopted without reference to one', 'Second Committee', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'title', 'Title', 'South-South cooperation', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'agenda_item', 'Agenda item', '24 (b)', 'mappings/structure.yaml (metadata)'),
  ('v_resolutions', 'preambular_paragraphs', 'Top-level preambular paragraphs', '3', 'mappings/structure.yaml (document)'),
  ('v_resolutions', 'operative_paragraphs', 'Top-level operative paragraphs', '21', 'mappings/structure.yaml (document)'),
  ('v_resolutions', 'subparagraphs', 'Sub-paragraphs of preambular and operative paragraphs', '0', 'mappings/structure.yaml (document)'),
  ('v_resolutions', 'annex_paragraphs', 'Annex paragraphs, sub-paragraphs included', '0', 'mappings/structure.yaml (document)'),
  ('v_resolutions', 'path', 'The input file it was loaded from', 'tests/data/seeds/001_0943c82c3fc4f3e2.txt', 'unres ingest'),
  ('v_resolutions', 'language', 'Language of the text (ISO 639-1)', 'en', 'etl/core/formats (the source), else en'),
  ('v_resolutions', 'chapter_vii', 'Security Council: 1 acting under Chapter VII of the Charter, 0 not; NULL for other organs (resolutions.chapter_vii)', '1', 'mappings/profiles.security-council.yaml (facts)'),

  ('v_operative_actions', 'resolution_id', 'The resolution (resolutions.id)', '2', 'unres ingest'),
  ('v_operative_actions', 'symbol', 'Symbol of the resolution', 'A/RES/68/230', 'mappings/structure.yaml (metadata)'),
  ('v_operative_actions', 'session', 'Session of the resolution', '68', 'mappings/structure.yaml (metadata)'),
  ('v_operative_actions', 'year', 'Year of adoption', '2013', 'mappings/structure.yaml (metadata)'),
  ('v_operative_actions', 'committee', 'Main Committee, or NULL', 'Second Committee', 'mappings/structure.yaml (metadata)'),
  ('v_operative_actions', 'paragraph_id', 'The paragraph (paragraphs.id)', '44', 'unres ingest'),
  ('v_operative_actions', 'paragraph', 'Printed paragraph label', '13', 'mappings/structure.yaml (document)'),
  ('v_operative_actions', 'phrase', 'Phrase as printed', 'Acknowledges and encourages', 'mappings/phrases.yaml'),
  ('v_operative_actions', 'lemma', 'Base form of the verb', 'acknowledge', 'mappings/phrases.yaml (phrases)'),
  ('v_operative_actions', 'modifier', 'Adverb, or NULL', 'further', 'mappings/phrases.yaml (modifiers, postmodifiers)'),
  ('v_operative_actions', 'qualifier', 'Qualifier, or NULL', 'with appreciation', 'mappings/phrases.yaml (qualifiers)'),
  ('v_operative_actions', 'role', 'lead (opens the paragraph) or secondary (a later action in it)', 'lead', 'mappings/phrases.yaml (secondary_connector)'),
  ('v_operative_actions', 'action_id', 'The action (action_verbs.id)', '55', 'unres ingest'),

  ('v_citation_edges', 'citation_id', 'The citation (citations.id)', '1', 'unres ingest'),
  ('v_citation_edges', 'citing_resolution_id', 'The citing resolution (resolutions.id)', '4', 'unres ingest'),
  ('v_citation_edges', 'citing_symbol', 'Symbol of the citing resolution', 'A/RES/65/124', 'mappings/structure.yaml (metadata)'),
  ('v_citation_edges', 'citing_session', 'Session of the citing resolution', '65', 'mappings/structure.yaml (metadata)'),
  ('v_citation_edges', 'citing_year', 'Year the citing resolution was adopted', '2010', 'mappings/structure.yaml (metadata)'),
  ('v_citation_edges', 'paragraph_id', 'The citing paragraph; NULL for a citation in a footnote', '79', 'unres ingest'),
  ('v_citation_edges', 'paragraph_kind', 'preambular, operative or annex', 'preambular', 'mappings/structure.yaml (document)'),
  ('v_citation_edges', 'paragraph', 'Printed label of the citing paragraph', '2', 'mappings/structure.yaml (document)'),
  ('v_citation_edges', 'footnote', 'Number of the footnote the citation stands in, or NULL', '1', 'mappings/structure.yaml (document)'),
  ('v_citation_edges', 'citing_phrase', 'Phrase that opens the citing paragraph', 'Recalling', 'mappings/phrases.yaml'),
  ('v_citation_edges', 'citing_lemma', 'Its lemma: how the resolution cites (recall, reaffirm, take note ...)', 'recall', 'mappings/phrases.yaml'),
  ('v_citation_edges', 'kind', 'Kind of cited document', 'ga_resolution', 'mappings/citations.yaml (kinds)'),
  ('v_citation_edges', 'target', 'Normalized symbol of the cited document', 'A/RES/59/48', 'mappings/citations.yaml (emit)'),
  ('v_citation_edges', 'cited_date', 'Date of the cited document when the text gives it', '2004-12-02', 'mappings/citations.yaml'),
  ('v_citation_edges', 'cited_resolution_id', 'The cited resolution when it is in the database (resolutions.id), else NULL', '4', 'unres ingest'),
  ('v_citation_edges', 'surface', 'The matched text', '59/48 of 2 December 2004', 'mappings/citations.yaml'),
  ('v_citation_edges', 'rule_id', 'The citation rule', 'ga-resolution', 'mappings/citations.yaml (rules)'),
  ('v_citation_edges', 'part', 'Part of the cited resolution on the second row of a reference to a part (target A/RES/57/270 B), else NULL: WHERE part IS NULL counts each reference once', 'B', 'mappings/citations.yaml (group part)'),

  ('v_reporting_deadlines', 'deadline_id', 'The deadline (deadlines.id)', '5', 'unres ingest'),
  ('v_reporting_deadlines', 'resolution_id', 'The resolution that sets it (resolutions.id)', '2', 'unres ingest'),
  ('v_reporting_deadlines', 'symbol', 'Symbol of that resolution', 'A/RES/68/230', 'mappings/structure.yaml (metadata)'),
  ('v_reporting_deadlines', 'resolution_session', 'Session of that resolution', '68', 'mappings/structure.yaml (metadata)'),
  ('v_reporting_deadlines', 'kind', 'What is due: report or agenda_item', 'report', 'mappings/deadlines.yaml (kinds)'),
  ('v_reporting_deadlines', 'subject', 'What it is about', 'the state of South-South cooperation', 'mappings/deadlines.yaml'),
  ('v_reporting_deadlines', 'requested_of', 'From whom', 'Secretary-General', 'mappings/deadlines.yaml'),
  ('v_reporting_deadlines', 'body', 'To which body', 'General Assembly', 'mappings/deadlines.yaml (defaults)'),
  ('v_reporting_deadlines', 'session', 'At which session of that body', '69', 'mappings/deadlines.yaml, mappings/vocabulary.yaml'),
  ('v_reporting_deadlines', 'session_year', 'Calendar year the General Assembly session opens (1945 + session, in September); NULL for other bodies', '2014', 'sql/views.sql'),
  ('v_reporting_deadlines', 'due_year', 'Year given by the text, if any', '2025', 'mappings/deadlines.yaml'),
  ('v_reporting_deadlines', 'due_date', 'Date given by the text, if any', '2025-03-31', 'mappings/deadlines.yaml'),
  ('v_reporting_deadlines', 'paragraph_id', 'The paragraph that sets it', '52', 'unres ingest'),
  ('v_reporting_deadlines', 'paragraph', 'Printed label of that paragraph', '21', 'mappings/structure.yaml (document)'),
  ('v_reporting_deadlines', 'rule_id', 'The deadline rule', 'report-at-session-first', 'mappings/deadlines.yaml (rules)'),

  ('v_organization_mentions', 'organization_id', 'The organization (organizations.id)', '350', 'mappings/organizations.yaml'),
  ('v_organization_mentions', 'organization', 'Canonical name', 'Inter-Parliamentary Union', 'mappings/organizations.yaml'),
  ('v_organization_mentions', 'acronym', 'Acronym, or NULL', 'IPU', 'mappings/organizations.yaml'),
  ('v_organization_mentions', 'category', 'Kind of organization', 'intergovernmental', 'mappings/organizations.yaml (categories)'),
  ('v_organization_mentions', 'resolution_id', 'The resolution (resolutions.id)', '1', 'unres ingest'),
  ('v_organization_mentions', 'symbol', 'Symbol of the resolution', 'A/RES/68/272', 'mappings/structure.yaml (metadata)'),
  ('v_organization_mentions', 'session', 'Session of the resolution', '68', 'mappings/structure.yaml (metadata)'),
  ('v_organization_mentions', 'year', 'Year of adoption', '2014', 'mappings/structure.yaml (metadata)'),
  ('v_organization_mentions', 'mentions', 'Mentions in the resolution, footnotes included', '19', 'mappings/organizations.yaml'),
  ('v_organization_mentions', 'paragraphs', 'Distinct paragraphs that mention it', '15', 'mappings/organizations.yaml'),
  ('resolution_sources', 'id', 'Row id', '1', 'unres ingest'),
  ('resolution_sources', 'document_id', 'The source file', '3', 'unres ingest'),
  ('resolution_sources', 'symbol', 'Symbol of the resolution, as resolutions.symbol', 'A/RES/78/11', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'language', 'Language of the resolution, as resolutions.language', 'en', 'the format''s reader'),
  ('resolution_sources', 'title', 'The title this source states', 'Sustainable fisheries', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'adopted_on', 'The adoption date this source states', '2023-11-02', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'distributed_on', 'The Distr.: General date this source states', '2023-11-06', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'committee', 'The Main Committee this source states', 'Third Committee', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'plenary_meeting', 'The plenary meeting this source states', '34', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'agenda_item', 'The agenda item this source states', '24 (b)', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'draft_symbol', 'The draft this source states', 'A/78/L.5', 'the format''s reader'),
  ('resolution_sources', 'job_number', 'The job number this source states', '23-23817', 'the format''s reader, mappings/structure.yaml (metadata)'),
  ('resolution_sources', 'preambular_paragraphs', 'Top-level preambular paragraphs in this source', '12', 'the format''s reader, mappings/structure.yaml (segment)'),
  ('resolution_sources', 'operative_paragraphs', 'Top-level operative paragraphs in this source', '8', 'the format''s reader, mappings/structure.yaml (segment)'),
  ('resolution_sources', 'footnotes', 'Footnotes in this source', '5', 'the format''s reader, mappings/structure.yaml (segment)'),
  ('resolution_sources', 'chapter_vii', 'What this source''s text establishes of resolutions.chapter_vii (1, 0, NULL)', '1', 'mappings/profiles.security-council.yaml (facts)'),
  ('v_resolution_sources', 'resolution_id', 'The resolution (NULL only while it waits, within a run, for another source to be read again)', '1', 'sql/views.sql'),
  ('v_resolution_sources', 'symbol', 'Symbol of the resolution', 'A/RES/78/11', 'resolution_sources'),
  ('v_resolution_sources', 'language', 'Language of the resolution', 'en', 'resolution_sources'),
  ('v_resolution_sources', 'chosen', '1 for the source whose rows the resolution holds (highest precedence: XML, then PDF, then text)', '1', 'unres ingest (store/sources.cpp)'),
  ('v_resolution_sources', 'document_id', 'The source file', '3', 'resolution_sources'),
  ('v_resolution_sources', 'format', 'Its format: akn (XML), pdf, or a text layout', 'akn', 'documents'),
  ('v_resolution_sources', 'path', 'Its path', '/srv/un/akn/A_RES_78_11-2323817E.xml', 'documents'),
  ('v_resolution_sources', 'missing_since', 'When a run first did not find the file (a gone chosen source keeps its rows until another source takes over)', '2014-06-01T02:30:00Z', 'documents'),
  ('source_disagreements', 'resolution_id', 'The resolution', '1', 'sql/views.sql'),
  ('source_disagreements', 'symbol', 'Symbol of the resolution', 'A/RES/79/211', 'resolution_sources'),
  ('source_disagreements', 'language', 'Language of the resolution', 'en', 'resolution_sources'),
  ('source_disagreements', 'field', 'What differs: a resolution_sources column (title, adopted_on, preambular_paragraphs, footnotes ...)', 'footnotes', 'sql/views.sql'),
  ('source_disagreements', 'chosen_document_id', 'The chosen source', '3', 'resolution_sources'),
  ('source_disagreements', 'chosen_format', 'Its format', 'akn', 'documents'),
  ('source_disagreements', 'chosen_value', 'What the chosen source says (text)', '17', 'resolution_sources'),
  ('source_disagreements', 'other_document_id', 'The other source', '45', 'resolution_sources'),
  ('source_disagreements', 'other_format', 'Its format', 'pdf-text', 'documents'),
  ('source_disagreements', 'other_value', 'What the other source says (text)', '18', 'resolution_sources'),
  ('resolution_facts', 'id', 'Row id', '1', 'unres ingest'),
  ('resolution_facts', 'resolution_id', 'The resolution whose fact it is', '2', 'unres ingest'),
  ('resolution_facts', 'paragraph_id', 'The paragraph whose line holds the words; NULL for a heading line between paragraphs', '40', 'mappings/structure.yaml (document), AKN XML'),
  ('resolution_facts', 'fact', 'The fact column of resolutions the words set to 1', 'chapter_vii', 'mappings/profiles.*.yaml (facts: column)'),
  ('resolution_facts', 'surface', 'The words that establish it, as printed', 'Acting under Chapter VII', 'mappings/profiles.*.yaml (facts: pattern)'),
  ('resolution_facts', 'rule_id', 'The fact rule that matched', 'sc-chapter-vii', 'mappings/profiles.*.yaml (facts: id)'),
  ('resolution_facts', 'start_offset', 'Byte offset of the words in the source text', '4512', 'mappings/profiles.*.yaml (facts)'),
  ('resolution_facts', 'end_offset', 'Byte offset just past the words', '4536', 'mappings/profiles.*.yaml (facts)'),
  ('v_resolution_facts', 'resolution_id', 'The resolution', '2', 'resolution_facts'),
  ('v_resolution_facts', 'symbol', 'Symbol', 'S/RES/2701(2023)', 'resolutions'),
  ('v_resolution_facts', 'language', 'Language of the text', 'en', 'resolutions'),
  ('v_resolution_facts', 'body', 'Adopting organ', 'S', 'resolutions'),
  ('v_resolution_facts', 'year', 'Year of adoption', '2023', 'resolutions'),
  ('v_resolution_facts', 'fact', 'The fact column of resolutions it sets', 'chapter_vii', 'resolution_facts'),
  ('v_resolution_facts', 'paragraph_id', 'The paragraph; NULL for a heading line between paragraphs', '40', 'resolution_facts'),
  ('v_resolution_facts', 'paragraph_kind', 'Its kind: preambular, operative, annex', 'preambular', 'paragraphs'),
  ('v_resolution_facts', 'paragraph', 'Its printed label, or its ordinal among the paragraphs of its kind', '16', 'v_paragraphs'),
  ('v_resolution_facts', 'surface', 'The words that establish the fact, as printed', 'Acting under Chapter VII', 'resolution_facts'),
  ('v_resolution_facts', 'paragraph_text', 'The paragraph''s text', 'Acting under Chapter VII of the Charter of the United Nations,', 'paragraphs'),
  ('v_resolution_facts', 'rule_id', 'The fact rule that matched', 'sc-chapter-vii', 'resolution_facts'),
  ('v_resolution_facts', 'start_offset', 'Byte offset of the words in the source text', '4512', 'resolution_facts'),
  ('v_resolution_facts', 'end_offset', 'Byte offset just past the words', '4536', 'resolution_facts'),
  ('v_chapter_vii_by_year', 'body', 'Adopting organ (one whose profile tells Chapter VII: S)', 'S', 'resolutions'),
  ('v_chapter_vii_by_year', 'year', 'Year of adoption', '2024', 'resolutions'),
  ('v_chapter_vii_by_year', 'language', 'Language of the texts counted', 'en', 'resolutions'),
  ('v_chapter_vii_by_year', 'resolutions', 'Resolutions of the organ, year and language loaded', '3', 'resolutions'),
  ('v_chapter_vii_by_year', 'chapter_vii', 'Of them, adopted acting under Chapter VII of the Charter', '2', 'resolutions.chapter_vii'),
  ('v_chapter_vii_by_year', 'share', 'chapter_vii / resolutions, three decimals', '0.667', 'sql/views.sql');
