#include "store/queries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cctype>
#include <string_view>
#include <limits>
#include <sstream>
#include <thread>

#include "errors.h"
#include "source.h"
#include "store/database.h"
#include "store/schema.h"
#include "text.h"

namespace unres {

namespace {

// A name from the database's own catalog, quoted as an SQL identifier.
std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// A value bound into a LIKE pattern matches itself only ('\\' is the ESCAPE character).
std::string like_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The search filters, each NULL when unset; r is the resolution, p the paragraph. The committee
// is a LIKE pattern, or '' for the plenary (no Main Committee).
constexpr const char* kSearchFilterSql =
    "AND (:session IS NULL OR r.session = :session) "
    "AND (:year IS NULL OR substr(r.adopted_on, 1, 4) = :year) "
    "AND (:committee IS NULL OR (:committee = '' AND r.committee IS NULL) "
    "     OR r.committee LIKE :committee ESCAPE '\\') "
    "AND (:body IS NULL OR r.body = :body COLLATE NOCASE) "
    "AND (:kind IS NULL OR p.kind = :kind) "
    "AND (:language IS NULL OR r.language = :language COLLATE NOCASE)";

void bind_filters(SQLite::Statement& q, const SearchFilters& filters) {
  if (filters.session) q.bind(":session", *filters.session);
  else q.bind(":session");
  if (filters.year) q.bind(":year", std::to_string(*filters.year));
  else q.bind(":year");
  const std::string committee = lower_ascii(filters.committee);
  if (committee.empty()) q.bind(":committee");
  else q.bind(":committee", committee == "plenary" ? std::string() : std::string("%").append(like_escape(committee)).append("%"));
  if (filters.body.empty()) q.bind(":body");
  else q.bind(":body", filters.body);
  if (filters.kind.empty()) q.bind(":kind");
  else q.bind(":kind", filters.kind);
  if (filters.language.empty()) q.bind(":language");
  else q.bind(":language", filters.language);
}

bool any_filter(const SearchFilters& f) {
  return f.session || f.year || !f.committee.empty() || !f.body.empty() || !f.kind.empty() || !f.language.empty();
}

// The columns of a search hit (v: v_paragraphs, r: resolutions), the snippet's place left to the caller.
constexpr const char* kHitColumnsSql =
    "SELECT v.paragraph_id, v.symbol, r.language, v.kind, v.paragraph, r.session, "
    "CAST(substr(r.adopted_on, 1, 4) AS INTEGER), coalesce(r.committee, ''), coalesce(r.body, ''), ";

SearchHit hit_of(SQLite::Statement& q, std::string snippet) {
  SearchHit hit{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getString(), q.getColumn(4).getString(), std::move(snippet), {}, {},
                q.getColumn(7).getString(), q.getColumn(8).getString()};
  if (!q.getColumn(5).isNull()) hit.session = q.getColumn(5).getInt64();
  if (!q.getColumn(6).isNull()) hit.year = q.getColumn(6).getInt64();
  return hit;
}

// --- The Han index ---------------------------------------------------------------------------------

// The index reads a term as a phrase; FTS5 reads "" inside one as a quote.
std::string fts5_phrase(const std::string& term) {
  std::string out = "\"";
  for (const char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The terms as a JSON array of strings, for json_each().
std::string json_strings(const std::vector<std::string>& terms) {
  std::string out = "[";
  for (const auto& term : terms) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (const char c : term) {
      if (c == '"' || c == '\\') out.append(1, '\\').append(1, c);
      else if (static_cast<unsigned char>(c) < 0x20) out += ' ';  // never in a term: white space splits them
      else out += c;
    }
    out += '"';
  }
  return out + "]";
}

// A snippet for the Han search: some 48 characters from a little before the first match, every
// occurrence of a term between the markers. (FTS5's snippet() would mark only what the index
// matched, and the shorter terms are looked for outside it.) Case is folded in ASCII, as the
// search does.
std::string han_snippet(const std::string& text, const std::vector<std::string>& terms, const std::string& open,
                        const std::string& close) {
  constexpr std::size_t kBefore = 12, kWidth = 48;
  const std::string folded = lower_ascii(text);
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // [begin, end) of each occurrence
  for (const auto& term : terms) {
    const std::string t = lower_ascii(term);
    for (auto at = folded.find(t); !t.empty() && at != std::string::npos; at = folded.find(t, at + t.size()))
      marks.emplace_back(at, at + t.size());
  }
  std::sort(marks.begin(), marks.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& m : marks)
    if (!merged.empty() && m.first <= merged.back().second) merged.back().second = std::max(merged.back().second, m.second);
    else merged.push_back(m);
  const auto is_start = [&](std::size_t i) { return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
  std::size_t begin = merged.empty() ? 0 : merged.front().first;
  for (std::size_t n = 0; begin > 0 && n < kBefore; ++n)
    do --begin; while (begin > 0 && !is_start(begin));
  std::size_t end = begin;
  for (std::size_t n = 0; end < text.size() && n < kWidth; ++n) end += utf8_size(static_cast<unsigned char>(text[end]));
  end = std::min(end, text.size());
  std::string out = begin > 0 ? "…" : "";
  std::size_t at = begin;
  for (const auto& [b, e] : merged) {
    if (b >= end) break;
    if (e <= at) continue;
    out.append(text, at, b - at).append(open).append(text, b, e - b).append(close);
    at = e;
    end = std::max(end, e);  // a match the window cuts is shown whole
  }
  if (at < end) out.append(text, at, end - at);
  if (end < text.size()) out += "…";
  return out;
}

// What a user may mean by a symbol: itself, spaces folded; and "78/100" (with a part: "57/270 B")
// is the General Assembly's A/RES/78/100.
std::vector<std::string> symbol_candidates(const std::string& typed) {
  std::string s;
  for (const char c : typed) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!s.empty() && s.back() != ' ') s += ' ';
    } else {
      s += c;
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::vector<std::string> out{s};
  const auto slash = s.find('/');
  if (slash != std::string::npos && slash > 0 &&
      std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(slash),
                  [](unsigned char c) { return std::isdigit(c); }))
    out.push_back("A/RES/" + s);
  return out;
}

// FTS5 reads a run of these characters as a bare word: ASCII letters and digits, '_', and every
// byte of a non-ASCII character.
bool bareword_char(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

bool has_word_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return bareword_char(c); });
}

std::vector<Bar> bars(SQLite::Statement& q) {
  std::vector<Bar> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                   q.getColumnCount() > 2 ? text_or_empty(q.getColumn(2)) : std::string()});
  return out;
}

// Resolutions cited by the most other resolutions (a resolution citing one twice counts once; a
// reference to a part, "57/270 B", counts for the resolution, once: its part row is left out).
constexpr const char* kMostCitedSql =
    "SELECT target, count(DISTINCT citing_resolution_id), "
    "count(*) || CASE count(*) WHEN 1 THEN ' citation' ELSE ' citations' END FROM v_citation_edges "
    "WHERE kind LIKE '%resolution' AND part IS NULL GROUP BY target ORDER BY 2 DESC, count(*) DESC, 1 LIMIT ?";

// The explain query: every row extracted from resolution :res, or with :number from the top-level
// operative paragraph printed :number, its sub-paragraphs and the footnotes they point at. A mention
// in a footnote has no footnote id: it belongs to the footnote whose span holds it.
constexpr const char* kExplainSql = R"sql(
WITH chosen(id, label) AS (
  SELECT paragraph_id, paragraph FROM v_paragraphs
  WHERE resolution_id = :res
    AND (:number IS NULL OR top_paragraph_id IN (
      SELECT id FROM paragraphs
      WHERE resolution_id = :res AND kind = 'operative' AND parent_id IS NULL
        AND coalesce(number, CAST(ordinal AS TEXT)) = :number))),
notes(id) AS (
  SELECT id FROM footnotes
  WHERE resolution_id = :res
    AND (:number IS NULL OR id IN (SELECT footnote_id FROM footnote_refs WHERE paragraph_id IN (SELECT id FROM chosen))))
SELECT 1 AS rank, 'paragraphs', p.id, c.label, p.rule_id, p.kind, p.text, p.start_offset, p.end_offset
FROM paragraphs p JOIN chosen c ON c.id = p.id
UNION ALL
SELECT 2, 'action_verbs', a.id, c.label, a.rule_id,
       a.lemma || CASE a.is_lead WHEN 1 THEN ' (lead)' ELSE ' (secondary)' END, a.phrase, a.start_offset, a.end_offset
FROM action_verbs a JOIN chosen c ON c.id = a.paragraph_id
UNION ALL
SELECT 3, 'footnote_refs', fr.id, c.label, fr.rule_id, 'footnote ' || f.number, CAST(f.number AS TEXT),
       fr.start_offset, fr.start_offset + length(CAST(f.number AS TEXT))
FROM footnote_refs fr JOIN chosen c ON c.id = fr.paragraph_id JOIN footnotes f ON f.id = fr.footnote_id
UNION ALL
SELECT 4, 'organization_mentions', m.id, coalesce(c.label, ''), m.rule_id, o.name, m.surface, m.start_offset, m.end_offset
FROM organization_mentions m JOIN organizations o ON o.id = m.organization_id
LEFT JOIN chosen c ON c.id = m.paragraph_id
WHERE m.resolution_id = :res
  AND (:number IS NULL OR c.id IS NOT NULL
       OR (m.paragraph_id IS NULL AND EXISTS (
             SELECT 1 FROM footnotes f JOIN notes n ON n.id = f.id
             WHERE m.start_offset >= f.start_offset AND m.end_offset <= f.end_offset)))
UNION ALL
SELECT 5, 'footnotes', f.id, '', f.rule_id, 'footnote ' || f.number, f.text, f.start_offset, f.end_offset
FROM footnotes f JOIN notes n ON n.id = f.id
UNION ALL
SELECT 6, 'citations', ci.id, coalesce(c.label, ''), ci.rule_id, ci.kind || ' ' || ci.target, ci.surface,
       ci.start_offset, ci.end_offset
FROM citations ci LEFT JOIN chosen c ON c.id = ci.paragraph_id
WHERE ci.resolution_id = :res AND (c.id IS NOT NULL OR ci.footnote_id IN (SELECT id FROM notes))
UNION ALL
SELECT 7, 'deadlines', d.id, coalesce(c.label, ''), d.rule_id,
       d.kind || coalesce(' at session ' || d.session, '') || coalesce(' of the ' || d.body, '')
         || coalesce(' from the ' || d.requested_of, ''),
       coalesce(d.subject, ''), d.start_offset, d.end_offset
FROM deadlines d LEFT JOIN chosen c ON c.id = d.paragraph_id
WHERE d.resolution_id = :res AND (:number IS NULL OR c.id IS NOT NULL)
UNION ALL
SELECT 8, 'resolution_facts', f.id, coalesce(c.label, ''), f.rule_id, 'fact ' || f.fact, f.surface,
       f.start_offset, f.end_offset
FROM resolution_facts f LEFT JOIN chosen c ON c.id = f.paragraph_id
WHERE f.resolution_id = :res AND (:number IS NULL OR c.id IS NOT NULL)
ORDER BY 8, 1, 3
)sql";

}  // namespace

bool is_han_query(const std::string& user_query) { return has_han(user_query); }

std::vector<std::string> han_terms(const std::string& user_query) {
  // Chinese punctuation and the ideographic space separate terms, as white space does.
  static constexpr std::string_view kSeparators[] = {"\u3000", "\uFF0C", "\u3001", "\u3002", "\uFF1B",
                                                      "\uFF1A", "\uFF08", "\uFF09", "\u201C", "\u201D"};
  std::string text;
  for (std::size_t i = 0; i < user_query.size();) {
    const std::string_view rest = std::string_view(user_query).substr(i);
    const auto* mark = std::find_if(std::begin(kSeparators), std::end(kSeparators),
                                    [&](std::string_view m) { return rest.starts_with(m); });
    if (mark != std::end(kSeparators)) {
      text += ' ';
      i += mark->size();
    } else {
      text += user_query[i++];
    }
  }
  const std::string_view q = text;
  std::vector<std::string> terms;
  std::size_t i = 0;
  const auto space = [&](std::size_t at) { return std::isspace(static_cast<unsigned char>(q[at])) != 0; };
  while (i < q.size()) {
    if (space(i)) {
      ++i;
      continue;
    }
    std::string term;
    if (q[i] == '"') {  // a phrase: the text between the quotes, one term ("" inside it is a quote)
      for (++i; i < q.size(); ++i) {
        if (q[i] == '"' && (i + 1 >= q.size() || q[i + 1] != '"')) break;
        if (q[i] == '"') ++i;
        term += q[i];
      }
      ++i;
    } else {
      std::size_t end = i;
      while (end < q.size() && !space(end) && q[end] != '"') ++end;
      const std::string_view word = q.substr(i, end - i);
      i = end;
      if (word == "OR" || word == "NOT" || word.starts_with("NEAR("))
        throw QueryError("'" + std::string(word) + "' in '" + user_query + "': a search in Chinese text finds the "
                         "paragraphs that hold every term given; OR, NOT and NEAR are not offered there");
      if (word == "AND") continue;
      for (const char c : word)
        if (c != '*' && c != '(' && c != ')' && c != ',') term += c;
    }
    if (has_word_char(term)) terms.push_back(std::move(term));
  }
  return terms;
}

// A query loses the Arabic marks the text lost in the index (text.h): تُستأنَف finds تستأنف.
std::string fts5_query(const std::string& raw_query, const WordForms& forms) {
  const std::string user_query = without_arabic_marks(raw_query);
  const std::string_view q = user_query;
  std::string out;
  int near_depth = 0;  // inside NEAR( ... ): its comma and distance are syntax
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      out += c;
      ++i;
    } else if (c == '"') {
      // A quoted phrase, kept whole ("" inside it is a quote); an unterminated one is FTS5's to reject.
      std::size_t end = q.find('"', i + 1);
      while (end != std::string_view::npos && end + 1 < q.size() && q[end + 1] == '"') end = q.find('"', end + 2);
      const std::size_t stop = end == std::string_view::npos ? q.size() : end + 1;
      out += q.substr(i, stop - i);
      i = stop;
    } else if (c == '(' || c == ')') {
      if (c == ')' && near_depth > 0) --near_depth;
      out += c;
      ++i;
    } else if (c == ',') {
      out += near_depth > 0 ? "," : " ";  // elsewhere a comma only separates words
      ++i;
    } else {
      std::size_t end = i;
      while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != '"' && q[end] != '(' &&
             q[end] != ')' && q[end] != ',')
        ++end;
      std::string_view word = q.substr(i, end - i);
      i = end;
      if (word == "AND" || word == "OR" || word == "NOT") {
        out += word;
        continue;
      }
      if (word == "NEAR" && i < q.size() && q[i] == '(') {
        out += word;
        ++near_depth;
        continue;
      }
      const bool prefix = word.ends_with('*');
      while (word.ends_with('*')) word.remove_suffix(1);
      if (!has_word_char(word)) continue;  // punctuation alone: nothing to search for
      // A form ending in '*' (a stem: Vocabulary::search_forms) is a prefix query.
      const auto term = [&](std::string_view w) {
        const bool stem = w.ends_with('*');
        if (stem) w.remove_suffix(1);
        if (std::all_of(w.begin(), w.end(), [](unsigned char ch) { return bareword_char(ch); })) out += w;
        else out.append("\"").append(w).append("\"");  // no quote inside: '"' ends a word
        if (prefix || stem) out += '*';
      };
      // NEAR( ) takes phrases only, not OR groups.
      const std::vector<std::string> others = forms && near_depth == 0 ? forms(word) : std::vector<std::string>{};
      if (others.empty()) {
        term(word);
        continue;
      }
      out += '(';
      term(word);
      for (const auto& other : others) {
        out += " OR ";
        term(other);
      }
      out += ')';
    }
  }
  return out;
}

namespace {
// file: URI of a path: '%', '?' and '#' would be read as URI syntax.
std::string file_uri(const std::filesystem::path& file) {
  std::string out = "file:";
  for (const char c : std::filesystem::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += hex[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace

struct Queries::Impl {
  SQLite::Database db;
  // immutable: the database is read as a file that cannot change, with no locks and no shared
  // memory (-shm) file, for a directory nobody may write into (a read-only mount).
  Impl(const std::filesystem::path& file, bool immutable)
      : db(immutable ? file_uri(file) + "?immutable=1" : file.string(),
           SQLite::OPEN_READONLY | (immutable ? SQLite::OPEN_URI : 0), 10000) {}
};

namespace {
// Whether the database's schema, views and full-text index are those of this build.
// A database without any table is most likely being created by an ingest that has not committed
// its schema yet (one transaction, milliseconds): it is waited for, up to the busy timeout, rather
// than given the schema here in the middle of that first load. One that stays empty gets the
// schema (Database); one with other tables is refused there (not unres's).
bool schema_is_current(SQLite::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!db.tableExists("meta") && db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (!db.tableExists("meta")) return false;
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'schema_fingerprint' "
                          "AND (SELECT count(*) FROM sqlite_master WHERE name IN ('paragraphs_fts', 'paragraphs_han_fts')) = 2");
  return q.executeStep() && q.getColumn(0).getString() == schema_fingerprint();
}
}  // namespace

Queries::Queries(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw DatabaseError(file.string() + ": no such database (unres ingest --db " + file.string() + " ... creates it)");
  try {
    // A database in WAL mode is read through a shared-memory file (-shm) next to it, which a
    // reader creates when no one has it open. In a directory no one may write into (a read-only
    // mount, such as a container's :ro volume) that fails: the database is then read as
    // immutable. That is right when nothing writes to it meanwhile, which a read-only mount
    // ensures here; changes a writer elsewhere left in its -wal file are not seen.
    bool current = false;
    try {
      impl_ = std::make_unique<Impl>(file, false);
      current = schema_is_current(impl_->db);
    } catch (const SQLite::Exception& e) {
      const auto parent = std::filesystem::absolute(file).parent_path();
      const int code = e.getErrorCode();
      if ((code != SQLITE_CANTOPEN && code != SQLITE_READONLY) || ::access(parent.c_str(), W_OK) == 0) throw;
      impl_ = std::make_unique<Impl>(file, true);
      if (!schema_is_current(impl_->db))
        throw DatabaseError(file.string() + ": the database is on a read-only file system and was made by another "
                            "version of unres, whose views and full-text index this one cannot bring up to date "
                            "there: open it once with this version where it can be written");
      return;
    }
    // A database from another build gets its schema, views and full-text index brought up to
    // date first; one already current is only read, so a running ingest never makes us wait.
    if (!current) {
      impl_.reset();
      { Database upgrade(file); }
      impl_ = std::make_unique<Impl>(file, false);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(file.string() + ": " + e.what());
  }
}

Queries::~Queries() = default;

namespace {
// FTS5 reports a query it cannot parse as a plain SQLITE_ERROR; anything else (I/O, corruption,
// locking) is the database's failure.
[[noreturn]] void search_failed(const SQLite::Exception& e, const std::string& query) {
  if (e.getErrorCode() == SQLITE_ERROR)
    throw QueryError("bad full-text query '" + query + "': " + e.what() +
                     " (words are searched as words; FTS5 syntax: \"a phrase\", prefix*, NEAR(a b, 10), "
                     "AND, OR, NOT in capitals, parentheses)");
  throw DatabaseError(std::string("search failed: ") + e.what());
}

// A search in Han characters (see Queries::search): the terms of three characters or more are a
// query of the trigram index, which ranks the hits; shorter ones (和平) are looked for with instr()
// in the paragraphs the index holds (its docsize table lists them), or in those the index found.
SearchResult search_han(SQLite::Database& db, const std::string& query, const std::string& open_mark,
                        const std::string& close_mark, std::int64_t limit, const SearchFilters& filters) {
  SearchResult result;
  result.index = "paragraphs_han_fts";
  const auto terms = han_terms(query);
  if (terms.empty())
    throw QueryError("nothing to search for in '" + query + "': give a word (punctuation alone is ignored)");
  std::vector<std::string> short_terms;
  for (const auto& term : terms) {
    if (code_points(term) < 3) short_terms.push_back(term);
    else result.fts5_query += (result.fts5_query.empty() ? "" : " ") + fts5_phrase(term);
  }
  const bool by_index = !result.fts5_query.empty();
  const std::string from = by_index ? "FROM paragraphs_han_fts JOIN paragraphs p ON p.id = paragraphs_han_fts.rowid "
                                    : "FROM paragraphs_han_fts_docsize d JOIN paragraphs p ON p.id = d.id ";
  const std::string where = std::string("JOIN resolutions r ON r.id = p.resolution_id ") +
                            (by_index ? "WHERE paragraphs_han_fts MATCH :match " : "WHERE 1 ") +
                            "AND NOT EXISTS (SELECT 1 FROM json_each(:short) s WHERE instr(lower(p.text), lower(s.value)) = 0) " +
                            kSearchFilterSql;
  const auto bind = [&](SQLite::Statement& q) {
    if (by_index) q.bind(":match", result.fts5_query);
    q.bind(":short", json_strings(short_terms));
    bind_filters(q, filters);
  };
  try {
    SQLite::Statement count(db, "SELECT count(*) " + from + where);
    bind(count);
    count.executeStep();
    result.total = count.getColumn(0).getInt64();
    SQLite::Statement q(db, kHitColumnsSql + std::string("p.text ") + from + "JOIN v_paragraphs v ON v.paragraph_id = p.id " +
                                where + (by_index ? " ORDER BY paragraphs_han_fts.rank, v.symbol, v.paragraph_id"
                                          : " ORDER BY v.symbol, r.language, v.paragraph_id") +
                                " LIMIT :limit");
    bind(q);
    q.bind(":limit", limit);
    while (q.executeStep())
      result.hits.push_back(hit_of(q, han_snippet(q.getColumn(9).getString(), terms, open_mark, close_mark)));
  } catch (const SQLite::Exception& e) {
    search_failed(e, query);
  }
  return result;
}
}  // namespace

SearchResult Queries::search(const std::string& query, const std::string& open_mark, const std::string& close_mark,
                             std::int64_t limit, const SearchFilters& filters, const WordForms& forms) {
  if (is_han_query(query)) return search_han(impl_->db, query, open_mark, close_mark, limit, filters);
  SearchResult result;
  result.index = "paragraphs_fts";
  result.fts5_query = fts5_query(query, forms);
  const std::string& match = result.fts5_query;
  if (match.find_first_not_of(" \t\r\n") == std::string::npos)
    throw QueryError("nothing to search for in '" + query + "': give a word (punctuation alone is ignored)");
  try {
    // Unfiltered, the index alone counts: no row lookups for a word in every other paragraph.
    const bool filtered = any_filter(filters);
    SQLite::Statement count(impl_->db, filtered ? std::string("SELECT count(*) FROM paragraphs_fts "
                                                              "JOIN paragraphs p ON p.id = paragraphs_fts.rowid "
                                                              "JOIN resolutions r ON r.id = p.resolution_id "
                                                              "WHERE paragraphs_fts MATCH :match ") +
                                                      kSearchFilterSql
                                                : std::string("SELECT count(*) FROM paragraphs_fts "
                                                              "WHERE paragraphs_fts MATCH :match"));
    count.bind(":match", match);
    if (filtered) bind_filters(count, filters);
    count.executeStep();
    result.total = count.getColumn(0).getInt64();
    SQLite::Statement q(impl_->db,
                        kHitColumnsSql + std::string("snippet(paragraphs_fts, 0, :open, :close, '…', 24) "
                                                     "FROM paragraphs_fts JOIN v_paragraphs v ON v.paragraph_id = paragraphs_fts.rowid "
                                                     "JOIN paragraphs p ON p.id = v.paragraph_id "
                                                     "JOIN resolutions r ON r.id = v.resolution_id "
                                                     "WHERE paragraphs_fts MATCH :match ") +
                            kSearchFilterSql + " ORDER BY paragraphs_fts.rank, v.symbol, v.paragraph_id LIMIT :limit");
    q.bind(":open", open_mark);
    q.bind(":close", close_mark);
    q.bind(":match", match);
    bind_filters(q, filters);
    q.bind(":limit", limit);
    while (q.executeStep()) result.hits.push_back(hit_of(q, q.getColumn(9).getString()));
  } catch (const SQLite::Exception& e) {
    search_failed(e, query);
  }
  return result;
}

Explanation Queries::explain(const std::string& symbol, std::optional<std::int64_t> paragraph,
                             const std::string& language) {
  Explanation out;
  std::string content_hash;
  std::int64_t resolution_id = 0;
  std::optional<std::string> source_text;  // stored for a document that is not plain text
  try {
    SQLite::Statement r(impl_->db,
                        "SELECT r.id, r.symbol, d.path, coalesce(d.format, ''), d.content_hash, r.start_offset, "
                        "r.end_offset, t.text FROM resolutions r JOIN documents d ON d.id = r.document_id "
                         "LEFT JOIN document_texts t ON t.document_id = d.id "
                         "WHERE r.symbol = ? COLLATE NOCASE AND r.language = ? COLLATE NOCASE");
    bool found = false;
    for (const auto& candidate : symbol_candidates(symbol)) {
      r.reset();
      r.bind(1, candidate);
      r.bind(2, language);
      if ((found = r.executeStep())) break;
    }
    if (!found)
      throw QueryError(symbol + (language == kDefaultLanguage ? "" : " (" + language + ")") +
                       ": no such resolution in the database");
    resolution_id = r.getColumn(0).getInt64();
    out.symbol = r.getColumn(1).getString();
    out.path = r.getColumn(2).getString();
    out.format = r.getColumn(3).getString();
    content_hash = r.getColumn(4).getString();
    out.start = r.getColumn(5).getInt64();
    out.end = r.getColumn(6).getInt64();
    if (!r.getColumn(7).isNull()) source_text = r.getColumn(7).getString();

    SQLite::Statement q(impl_->db, kExplainSql);
    q.bind(":res", resolution_id);
    if (paragraph) q.bind(":number", std::to_string(*paragraph));
    else q.bind(":number");
    while (q.executeStep())
      out.rows.push_back({q.getColumn(1).getString(), q.getColumn(2).getInt64(), text_or_empty(q.getColumn(3)),
                          q.getColumn(4).getString(), text_or_empty(q.getColumn(5)), text_or_empty(q.getColumn(6)),
                          q.getColumn(7).getInt64(), q.getColumn(8).getInt64(), {}});
    if (paragraph && out.rows.empty()) {
      SQLite::Statement n(impl_->db, "SELECT count(*) FROM paragraphs WHERE resolution_id = ? AND kind = 'operative' "
                                     "AND parent_id IS NULL");
      n.bind(1, resolution_id);
      n.executeStep();
      throw QueryError(out.symbol + " has no operative paragraph " + std::to_string(*paragraph) + " (it has " +
                       std::to_string(n.getColumn(0).getInt64()) + ")");
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("explain failed: ") + e.what());
  }

  // Offsets are only meaningful in the very bytes that were loaded: the stored source text, or
  // the file as it was.
  const auto cut = [&](std::string_view text) {
    for (auto& row : out.rows) {
      const auto size = static_cast<std::int64_t>(text.size());
      const auto begin = std::clamp<std::int64_t>(row.start, 0, size);
      const auto end = std::clamp<std::int64_t>(row.end, begin, size);
      row.source = text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    }
  };
  if (source_text) {
    cut(*source_text);
    return out;
  }
  SourceFile file;
  try {
    file = read_source(out.path, std::numeric_limits<std::uintmax_t>::max());
  } catch (const InputError& e) {
    // documents.path is the path as given to unres ingest: a relative one is read from here.
    out.source_problem = out.path + ": " + e.what() +
                         (std::filesystem::path(out.path).is_relative() ? " (relative to where unres ingest ran)" : "") +
                         "; the rows are listed without their source text";
    return out;
  }
  if (file.stamp.content_hash != content_hash) {
    out.source_problem = out.path + ": the file changed since it was loaded (content hash " +
                         file.stamp.content_hash + ", loaded " + content_hash +
                         "); re-ingest it to see its text";
    return out;
  }
  cut(file.bytes);
  return out;
}

std::vector<ObjectInfo> Queries::objects() {
  std::vector<ObjectInfo> out;
  try {
    // pragma_table_list marks a full-text index 'virtual' and its storage 'shadow': neither is data;
    // nor are the views an index reads its text from (its content = '...'), a copy of paragraphs.text.
    SQLite::Statement q(impl_->db,
                        "SELECT t.name, t.type FROM pragma_table_list t WHERE t.schema = 'main' "
                        "AND t.type IN ('table', 'view') AND t.name NOT LIKE 'sqlite!_%' ESCAPE '!' "
                        "AND NOT EXISTS (SELECT 1 FROM sqlite_master f WHERE f.type = 'table' "
                        "  AND f.sql LIKE 'CREATE VIRTUAL TABLE %' AND instr(f.sql, 'content = ''' || t.name || '''') > 0) "
                        "ORDER BY t.type, t.name");
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), {}});
    SQLite::Statement columns(impl_->db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    for (auto& o : out) {
      columns.reset();
      columns.bind(1, o.name);
      while (columns.executeStep()) o.columns.push_back(columns.getColumn(0).getString());
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot list tables: ") + e.what());
  }
  return out;
}

void Queries::for_each_row(const std::string& object, const std::function<void(const std::vector<Value>&)>& row) {
  const auto all = objects();
  if (std::none_of(all.begin(), all.end(), [&](const ObjectInfo& o) { return o.name == object; }))
    throw QueryError(object + ": no such table or view");
  try {
    SQLite::Statement q(impl_->db, "SELECT * FROM " + quote_identifier(object));
    std::vector<Value> values(static_cast<std::size_t>(q.getColumnCount()));
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        const auto c = q.getColumn(i);
        auto& v = values[static_cast<std::size_t>(i)];
        if (c.isNull()) v = std::monostate{};
        else if (c.isInteger()) v = c.getInt64();
        else if (c.isFloat()) v = c.getDouble();
        else v = c.getString();
      }
      row(values);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError("cannot read " + object + ": " + e.what());
  }
}

std::int64_t Queries::row_count(const std::string& object) {
  const auto all = objects();
  if (std::none_of(all.begin(), all.end(), [&](const ObjectInfo& o) { return o.name == object; }))
    throw QueryError(object + ": no such table or view");
  try {
    return impl_->db.execAndGet("SELECT count(*) FROM " + quote_identifier(object)).getInt64();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError("cannot count " + object + ": " + e.what());
  }
}

namespace {
Value cell(const SQLite::Column& c) {
  if (c.isNull()) return std::monostate{};
  if (c.isInteger()) return c.getInt64();
  if (c.isFloat()) return c.getDouble();
  return c.getString();
}
}  // namespace

void Queries::for_each_query_row(const std::string& sql,
                                 const std::function<void(const std::vector<std::string>&)>& header,
                                 const std::function<void(const std::vector<Value>&)>& row) {
  {
    // The connection is read-only; this names the problem before SQLite would refuse a write,
    // and refuses a second statement that SQLiteCpp would silently ignore.
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(impl_->db.getHandle(), sql.c_str(), -1, &raw, &tail);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> prepared(raw, sqlite3_finalize);
    if (rc != SQLITE_OK) throw QueryError("bad query: " + std::string(sqlite3_errmsg(impl_->db.getHandle())));
    if (!prepared) throw QueryError("bad query: no statement");
    if (tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos)
      throw QueryError("bad query: one statement only");
    if (!sqlite3_stmt_readonly(prepared.get()))
      throw QueryError("bad query: only statements that read (SELECT, WITH ... SELECT) can be exported");
  }
  std::optional<SQLite::Statement> q;
  try {
    q.emplace(impl_->db, sql);
  } catch (const SQLite::Exception& e) {
    throw QueryError("bad query: " + std::string(e.what()));
  }
  std::vector<std::string> names;
  for (int i = 0; i < q->getColumnCount(); ++i) names.emplace_back(q->getColumnName(i));
  header(names);
  try {
    std::vector<Value> values(names.size());
    while (q->executeStep()) {
      for (int i = 0; i < q->getColumnCount(); ++i) values[static_cast<std::size_t>(i)] = cell(q->getColumn(i));
      row(values);
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_ERROR) throw QueryError("query failed: " + std::string(e.what()));
    throw DatabaseError("query failed: " + std::string(e.what()));
  }
}

std::vector<QuarantinedFile> Queries::quarantined(bool history) {
  std::vector<QuarantinedFile> out;
  try {
    SQLite::Statement q(impl_->db, R"sql(
      SELECT q.path, q.stage, q.reason, coalesce(q.excerpt, ''), q.recorded_at, coalesce(q.line, 0),
             coalesce(q.run_id, 0), coalesce(d.status, 'gone')
      FROM quarantine q LEFT JOIN documents d ON d.path = q.path
      WHERE :history OR (q.id = (SELECT max(id) FROM quarantine l WHERE l.path = q.path) AND d.status = 'rejected')
      ORDER BY q.id)sql");
    q.bind(":history", history ? 1 : 0);
    while (q.executeStep()) {
      QuarantinedFile f{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                        q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt64(),
                        q.getColumn(6).getInt64(), q.getColumn(7).getString()};
      // A file deleted since is no longer anyone's to fix (a relative path is looked up from
      // here, like explain does: run from where unres ingest ran).
      std::error_code ec;
      if (f.now == "rejected" && !std::filesystem::exists(f.path, ec)) f.now = "gone";
      if (history || f.now == "rejected") out.push_back(std::move(f));
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read quarantine: ") + e.what());
  }
  return out;
}

namespace {
// The symbol as stored among the sources, for what the user typed (see symbol_candidates).
std::string source_symbol(SQLite::Database& db, const std::string& typed) {
  SQLite::Statement q(db, "SELECT symbol FROM resolution_sources WHERE symbol = ? COLLATE NOCASE LIMIT 1");
  for (const auto& candidate : symbol_candidates(typed)) {
    q.reset();
    q.bind(1, candidate);
    if (q.executeStep()) return q.getColumn(0).getString();
  }
  throw QueryError(typed + ": no such resolution in the database");
}
}  // namespace

std::vector<ResolutionSource> Queries::sources(const std::string& symbol) {
  std::vector<ResolutionSource> out;
  try {
    SQLite::Statement q(impl_->db, R"sql(
      SELECT symbol, language, chosen, coalesce(format, ''), path, coalesce(missing_since, '')
      FROM v_resolution_sources WHERE :symbol IS NULL OR symbol = :symbol
      ORDER BY symbol, language, chosen DESC, path)sql");
    if (!symbol.empty()) q.bind(":symbol", source_symbol(impl_->db, symbol));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(3).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(2).getInt() != 0});
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read the sources: ") + e.what());
  }
  return out;
}

std::vector<SourceDisagreement> Queries::source_disagreements(const std::string& symbol) {
  std::vector<SourceDisagreement> out;
  try {
    SQLite::Statement q(impl_->db, R"sql(
      SELECT s.symbol, s.language, s.field, coalesce(s.chosen_format, ''), coalesce(s.chosen_value, ''), c.path,
             coalesce(s.other_format, ''), coalesce(s.other_value, ''), o.path
      FROM source_disagreements s
      JOIN documents c ON c.id = s.chosen_document_id
      JOIN documents o ON o.id = s.other_document_id
      WHERE :symbol IS NULL OR s.symbol = :symbol
      ORDER BY s.symbol, s.language, s.field, o.path)sql");
    if (!symbol.empty()) q.bind(":symbol", source_symbol(impl_->db, symbol));
    while (q.executeStep()) {
      SourceDisagreement d;
      d.symbol = q.getColumn(0).getString();
      d.language = q.getColumn(1).getString();
      d.field = q.getColumn(2).getString();
      d.chosen_format = q.getColumn(3).getString();
      d.chosen_value = q.getColumn(4).getString();
      d.chosen_path = q.getColumn(5).getString();
      d.other_format = q.getColumn(6).getString();
      d.other_value = q.getColumn(7).getString();
      d.other_path = q.getColumn(8).getString();
      out.push_back(std::move(d));
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read the sources: ") + e.what());
  }
  return out;
}

std::vector<ObjectDoc> Queries::documentation() {
  std::vector<ObjectDoc> out;
  try {
    SQLite::Statement objects(impl_->db,
                              "SELECT name, kind, title, description, coalesce(facets, ''), coalesce(fts_table, '') "
                              "FROM doc_objects ORDER BY kind, name");
    SQLite::Statement columns(impl_->db,
                              "SELECT d.column_name, d.description, coalesce(d.example, ''), coalesce(d.filled_by, '') "
                              "FROM doc_columns d LEFT JOIN pragma_table_info(d.object_name) t ON t.name = d.column_name "
                              "WHERE d.object_name = ? ORDER BY coalesce(t.cid, 1000000), d.column_name");
    while (objects.executeStep()) {
      ObjectDoc doc{objects.getColumn(0).getString(), objects.getColumn(1).getString(),
                    objects.getColumn(2).getString(), objects.getColumn(3).getString(),
                    objects.getColumn(5).getString(), split_words(objects.getColumn(4).getString()), {}};
      columns.reset();
      columns.bind(1, doc.name);
      while (columns.executeStep())
        doc.columns.push_back({columns.getColumn(0).getString(), columns.getColumn(1).getString(),
                               columns.getColumn(2).getString(), columns.getColumn(3).getString()});
      out.push_back(std::move(doc));
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read the documentation tables: ") + e.what());
  }
  return out;
}

Stats Queries::stats(std::int64_t top) {
  Stats out;
  for (const auto& o : objects())
    if (o.kind == "table") out.tables.push_back({o.name, row_count(o.name), {}});
  try {
    // A reference to a part of a resolution is two rows: the note says how many references.
    const auto references = impl_->db.execAndGet("SELECT count(*) FROM citations WHERE part IS NULL").getInt64();
    for (auto& t : out.tables)
      if (t.label == "citations") t.note = std::to_string(references) + " references";
    SQLite::Statement lemmas(impl_->db,
                             "SELECT lemma, count(*), sum(is_lead) || ' open a paragraph' FROM action_verbs "
                             "GROUP BY lemma ORDER BY 2 DESC, 1 LIMIT ?");
    lemmas.bind(1, top);
    out.lemmas = bars(lemmas);
    SQLite::Statement cited(impl_->db, kMostCitedSql);
    cited.bind(1, top);
    out.cited = bars(cited);
    SQLite::Statement runs(impl_->db,
                           "SELECT id, started_at, coalesce(finished_at, ''), status, files_seen, files_loaded, "
                           "files_skipped, files_quarantined, resolutions FROM ingest_runs ORDER BY id DESC LIMIT ?");
    runs.bind(1, top);
    while (runs.executeStep())
      out.runs.push_back({runs.getColumn(0).getInt64(), runs.getColumn(1).getString(), runs.getColumn(2).getString(),
                          runs.getColumn(3).getString(), runs.getColumn(4).getInt64(), runs.getColumn(5).getInt64(),
                          runs.getColumn(6).getInt64(), runs.getColumn(7).getInt64(), runs.getColumn(8).getInt64()});
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot compute stats: ") + e.what());
  }
  return out;
}

ReportData Queries::report_data(std::int64_t top) {
  ReportData out;
  try {
    SQLite::Statement totals(impl_->db, R"sql(
      SELECT 'resolutions', count(*) FROM resolutions
      UNION ALL SELECT 'paragraphs', count(*) FROM paragraphs
      UNION ALL SELECT 'action phrases', count(*) FROM action_verbs
      UNION ALL SELECT 'citations', count(*) FROM citations WHERE part IS NULL
      UNION ALL SELECT 'reports and agenda items due', count(*) FROM deadlines
      UNION ALL SELECT 'organization mentions', count(*) FROM organization_mentions)sql");
    out.totals = bars(totals);

    SQLite::Statement sessions(impl_->db,
                               "SELECT session, coalesce(committee, ''), count(*) FROM resolutions "
                               "WHERE session IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
    while (sessions.executeStep())
      out.sessions.push_back({sessions.getColumn(0).getInt64(), sessions.getColumn(1).getString(),
                              sessions.getColumn(2).getInt64()});

    SQLite::Statement verbs(impl_->db,
                            "SELECT lemma, count(*), sum(role = 'lead') || ' open a paragraph' "
                            "FROM v_operative_actions GROUP BY lemma ORDER BY 2 DESC, 1 LIMIT ?");
    verbs.bind(1, top);
    out.verbs = bars(verbs);

    SQLite::Statement due(impl_->db,
                          "SELECT session || ' (' || session_year || ')', count(*), "
                          "group_concat(DISTINCT symbol) FROM v_reporting_deadlines "
                          "WHERE kind = 'report' AND session_year IS NOT NULL GROUP BY session ORDER BY session");
    out.reports_due = bars(due);

    SQLite::Statement cited(impl_->db, kMostCitedSql);
    cited.bind(1, top);
    out.cited = bars(cited);

    // "Name (ACRONYM)"; a name too long for the chart's labels is shown by its acronym, in full
    // in the tooltip, rather than cut.
    SQLite::Statement organizations(impl_->db, R"sql(
      SELECT CASE WHEN too_long THEN acronym ELSE full END, mentions,
             CASE WHEN too_long THEN organization || '; ' ELSE '' END || 'in ' || resolutions
               || CASE resolutions WHEN 1 THEN ' resolution' ELSE ' resolutions' END
      FROM (SELECT organization, acronym, full, sum(mentions) AS mentions, count(*) AS resolutions,
                   acronym IS NOT NULL AND length(CAST(full AS BLOB)) > :max_label AS too_long
            FROM (SELECT *, organization || coalesce(' (' || acronym || ')', '') AS full FROM v_organization_mentions)
            GROUP BY organization_id)
      ORDER BY mentions DESC, organization LIMIT :top)sql");
    organizations.bind(":max_label", static_cast<std::int64_t>(kChartLabelBytes));
    organizations.bind(":top", top);
    out.organizations = bars(organizations);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot gather the report's numbers: ") + e.what());
  }
  return out;
}

}  // namespace unres
