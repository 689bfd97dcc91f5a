#pragma once
// The read side of the database for analysts and dashboards: full-text search, explain (every row
// of a resolution with its rule and the source text it came from), export of every table and view,
// stats, and the numbers of the HTML report. Like database.h it keeps SQLite behind plain values;
// every statement is fixed text with bound parameters (table and view names come from the
// database's own catalog, never from the user).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/tables.h"
#include "report.h"

namespace unres {

// A request the database cannot answer because of what the user asked: a full-text query that is
// not valid FTS5 syntax, an unknown symbol or paragraph (a usage error, exit 2).
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A cell as SQLite returns it: NULL, integer, real or text (unres stores no blobs).
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct SearchHit {
  std::int64_t paragraph_id = 0;
  std::string symbol;
  std::string language;   // of the resolution, ISO 639-1 (resolutions.language)
  std::string kind;       // preambular, operative, annex
  std::string paragraph;  // printed label: "5", "5 (a)"; a preambular paragraph's position
  std::string snippet;    // text around the matches, each match between the caller's markers
  std::optional<std::int64_t> session, year;  // of the resolution; year of adoption
  std::string committee;  // Main Committee, empty for the plenary
  std::string body;       // adopting organ as stored in resolutions.body ("A": the General Assembly)
};

// Narrows a search to some resolutions or paragraphs; an unset or empty field matches everything.
struct SearchFilters {
  std::optional<std::int64_t> session;
  std::optional<std::int64_t> year;  // of adoption
  // A Main Committee, by its name or part of it, case-insensitive ("Second", "second committee");
  // "plenary" for resolutions adopted without reference to a Main Committee.
  std::string committee;
  std::string body;  // resolutions.body, case-insensitive
  std::string kind;  // preambular, operative or annex
  std::string language;  // resolutions.language (ISO 639-1: en, fr, es, ar, zh, ru), case-insensitive
};

// The FTS5 query for what a user typed. Words are searched as words: a word holding characters
// FTS5 would read as syntax (self-determination, COVID-19, A/RES/70/1, 70/1, States', Secretary-General)
// becomes a quoted phrase of its parts, and punctuation alone is dropped. FTS5 syntax stays
// syntax where it is unambiguous: "quoted phrases", prefix*, AND / OR / NOT in capitals,
// NEAR(a b, N) and parentheses. Column filters (col:) are not offered: there is one column.
// `forms` gives the other forms a word is also sought in (each typed word outside "phrases" and
// NEAR becomes (word OR form …)): the rules' search_words, which the caller passes (Vocabulary::
// search_forms); none when empty.
using WordForms = std::function<std::vector<std::string>(std::string_view word)>;
std::string fts5_query(const std::string& user_query, const WordForms& forms = {});

// Whether a query holds Han characters (U+3400 to U+9FFF): it is then searched in the Han index
// (sql/views.sql), as strings that must all occur in a paragraph, rather than as words.
bool is_han_query(const std::string& user_query);

// What a query in Han characters looks for: each term must occur in a paragraph. A "quoted
// phrase" is one term; prefix stars, parentheses and commas are dropped (a term is found anywhere
// in the text, as the start of a word or inside one); AND is implied. OR, NOT and NEAR are not
// offered there (QueryError).
std::vector<std::string> han_terms(const std::string& user_query);

struct SearchResult {
  std::int64_t total = 0;  // every matching paragraph; `hits` holds the best `limit`
  std::vector<SearchHit> hits;
  std::string index;       // the full-text index searched: paragraphs_fts (words) or paragraphs_han_fts
  std::string fts5_query;  // what it was asked (empty when no term was long enough for the Han index)
};

// One extracted row and the bytes it came from.
struct ExplainRow {
  std::string table;      // paragraphs, action_verbs, organization_mentions, footnotes, footnote_refs, citations, deadlines
  std::int64_t id = 0;
  std::string paragraph;  // label of the paragraph it stands in ("5 (a)"); empty in a footnote
  std::string rule_id;
  std::string detail;     // what was made of it: a lemma, an organization, a target, a session
  std::string value;      // the text stored for it: phrase, surface, paragraph or footnote text, subject
  std::int64_t start = 0, end = 0;  // [start, end) in the source file
  std::string source;     // those bytes of the file; empty when Explanation::source_problem is set
};

struct Explanation {
  std::string symbol, path, format, encoding;
  std::int64_t start = 0, end = 0;  // the resolution's span in the file
  std::string source_problem;  // why no text could be cut (file gone, content changed), or empty
  std::vector<ExplainRow> rows;  // in file order
};

// A table or view the database holds, with its columns in order.
struct ObjectInfo {
  std::string name, kind;  // kind: table or view
  std::vector<std::string> columns;
};

struct ColumnDoc {
  std::string name, description, example, filled_by;
};

// The documentation of a table or view (doc_objects and doc_columns, filled by sql/views.sql).
struct ObjectDoc {
  std::string name, kind, title, description, fts_table;
  std::vector<std::string> facets;
  std::vector<ColumnDoc> columns;
};

// A file set aside by unres ingest, as the latest quarantine row of its path says.
struct QuarantinedFile {
  std::string path, stage, reason, excerpt, recorded_at;
  std::int64_t line = 0;  // 0: unknown
  std::int64_t run_id = 0;
  std::string now;  // what became of the file since: rejected (still), loaded (fixed), or gone (deleted)
};

struct RunSummary {
  std::int64_t id = 0;
  std::string started_at, finished_at, status;
  std::int64_t seen = 0, loaded = 0, skipped = 0, quarantined = 0, resolutions = 0;
};

// One source file of a resolution (v_resolution_sources).
struct ResolutionSource {
  std::string symbol, language, format, path, missing_since;
  bool chosen = false;  // its rows are the resolution's
};

// Where a source of a resolution says something else than the chosen one (source_disagreements).
struct SourceDisagreement {
  std::string symbol, language, field;
  std::string chosen_format, chosen_value, chosen_path;
  std::string other_format, other_value, other_path;
};

struct Stats {
  std::vector<Bar> tables;  // rows per table
  std::vector<Bar> lemmas;  // action phrases per lemma, note: how many open a paragraph
  std::vector<Bar> cited;   // resolutions cited by the most resolutions, note: citations
  std::vector<RunSummary> runs;  // the latest first
};

class Queries {
 public:
  // Opens an existing database, bringing its schema, views and full-text index up to date first.
  // Throws DatabaseError when the file does not exist or is not an unres database.
  explicit Queries(const std::filesystem::path& file);
  ~Queries();
  Queries(const Queries&) = delete;
  Queries& operator=(const Queries&) = delete;

  // Paragraphs matching a query (see fts5_query: words, "phrases", NEAR(a b, 5), prefix*,
  // AND/OR/NOT), best first, within `filters`. Words match their other forms (the index stems
  // English words: refugee, refugees; accents and Arabic vowel marks are ignored). A query in Han
  // characters finds the paragraphs holding all its terms (han_terms): those of three characters
  // or more through the trigram index, shorter ones by looking in the paragraphs that index holds.
  // Throws QueryError for a query FTS5 cannot parse.
  SearchResult search(const std::string& query, const std::string& open_mark, const std::string& close_mark,
                      std::int64_t limit, const SearchFilters& filters = {}, const WordForms& forms = {});

  // Every row extracted from the resolution `symbol` (A/RES/78/100; a General Assembly resolution
  // also as 78/100, case and spaces aside) in `language` (ISO 639-1), or only from its operative paragraph
  // `paragraph` (printed number) and that paragraph's sub-paragraphs and footnotes, with the source
  // text cut at its offsets when the file is still there with the same content.
  // Throws QueryError for an unknown symbol or paragraph.
  Explanation explain(const std::string& symbol, std::optional<std::int64_t> paragraph,
                      const std::string& language = kDefaultLanguage);

  // The tables and views worth exporting: every table and view but SQLite's own and the
  // full-text index's internals. Tables first, each group by name.
  std::vector<ObjectInfo> objects();
  // Calls `row` for every row of `object` (one of objects(), else QueryError), in storage order.
  void for_each_row(const std::string& object, const std::function<void(const std::vector<Value>&)>& row);
  std::int64_t row_count(const std::string& object);
  // Runs the user's own SELECT on this read-only connection: `header` gets the column names once,
  // then `row` every row. Throws QueryError for SQL SQLite rejects or that would write.
  void for_each_query_row(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& header,
                          const std::function<void(const std::vector<Value>&)>& row);

  // Files quarantined now (the latest record of each path whose file is still rejected and still
  // there), or with `history` every quarantine record, oldest first.
  std::vector<QuarantinedFile> quarantined(bool history);

  // The source files of every resolution, or of the resolution `symbol` (every language; as
  // explain reads a symbol), by symbol, language, then the chosen source first. Throws QueryError
  // for a symbol no source holds.
  std::vector<ResolutionSource> sources(const std::string& symbol = "");
  // Where the sources disagree, of every resolution or of `symbol`, by symbol, language and field.
  std::vector<SourceDisagreement> source_disagreements(const std::string& symbol = "");

  std::vector<ObjectDoc> documentation();
  Stats stats(std::int64_t top);
  ReportData report_data(std::int64_t top);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unres
