#include "store/queries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <sstream>

#include "errors.h"
#include "source.h"
#include "store/database.h"

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

std::vector<Bar> bars(SQLite::Statement& q) {
  std::vector<Bar> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                   q.getColumnCount() > 2 ? text_or_empty(q.getColumn(2)) : std::string()});
  return out;
}

// Resolutions cited by the most other resolutions (a resolution citing one twice counts once).
constexpr const char* kMostCitedSql =
    "SELECT target, count(DISTINCT citing_resolution_id), "
    "count(*) || CASE count(*) WHEN 1 THEN ' citation' ELSE ' citations' END FROM v_citation_edges "
    "WHERE kind LIKE '%resolution' GROUP BY target ORDER BY 2 DESC, count(*) DESC, 1 LIMIT ?";

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
ORDER BY 8, 1, 3
)sql";

}  // namespace

struct Queries::Impl {
  SQLite::Database db;
  explicit Impl(const std::filesystem::path& file) : db(file.string(), SQLite::OPEN_READONLY, 10000) {}
};

Queries::Queries(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw DatabaseError(file.string() + ": no such database (unres ingest --db " + file.string() + " ... creates it)");
  try {
    impl_ = std::make_unique<Impl>(file);
    // A database from another build gets its schema, views and full-text index brought up to
    // date first; one already current is only read, so a running ingest never makes us wait.
    bool current = false;
    {
      SQLite::Statement q(impl_->db, "SELECT value FROM meta WHERE key = 'schema_fingerprint' "
                                 "AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'paragraphs_fts')");
      current = q.executeStep() && q.getColumn(0).getString() == schema_fingerprint();
    }
    if (!current) {
      impl_.reset();
      { Database upgrade(file); }
      impl_ = std::make_unique<Impl>(file);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(file.string() + ": " + e.what());
  }
}

Queries::~Queries() = default;

SearchResult Queries::search(const std::string& query, const std::string& open_mark, const std::string& close_mark,
                             std::int64_t limit) {
  SearchResult result;
  try {
    SQLite::Statement count(impl_->db, "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?");
    count.bind(1, query);
    count.executeStep();
    result.total = count.getColumn(0).getInt64();
    SQLite::Statement q(impl_->db,
                        "SELECT v.symbol, v.kind, v.paragraph, snippet(paragraphs_fts, 0, ?, ?, '…', 24) "
                        "FROM paragraphs_fts JOIN v_paragraphs v ON v.paragraph_id = paragraphs_fts.rowid "
                        "WHERE paragraphs_fts MATCH ? ORDER BY paragraphs_fts.rank, v.symbol, v.paragraph_id LIMIT ?");
    q.bind(1, open_mark);
    q.bind(2, close_mark);
    q.bind(3, query);
    q.bind(4, limit);
    while (q.executeStep())
      result.hits.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             q.getColumn(3).getString()});
  } catch (const SQLite::Exception& e) {
    // FTS5 reports a query it cannot parse (syntax, unknown column filter) as a plain SQLITE_ERROR;
    // anything else (I/O, corruption, locking) is the database's failure.
    if (e.getErrorCode() == SQLITE_ERROR)
      throw QueryError("bad full-text query '" + query + "': " + e.what() +
                       " (FTS5 syntax: words, \"a phrase\" (quote words with hyphens: \"South-South\"), prefix*, "
                       "NEAR(a b, 10), AND, OR, NOT, parentheses)");
    throw DatabaseError(std::string("search failed: ") + e.what());
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
    r.bind(1, symbol);
    r.bind(2, language);
    if (!r.executeStep())
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
    // pragma_table_list marks the FTS index 'virtual' and its storage 'shadow': neither is data.
    SQLite::Statement q(impl_->db,
                        "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view') "
                        "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name");
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
      UNION ALL SELECT 'citations', count(*) FROM citations
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

    SQLite::Statement organizations(impl_->db,
                                    "SELECT organization || coalesce(' (' || acronym || ')', ''), sum(mentions), "
                                    "'in ' || count(*) || CASE count(*) WHEN 1 THEN ' resolution' ELSE ' resolutions' END "
                                    "FROM v_organization_mentions "
                                    "GROUP BY organization_id ORDER BY 2 DESC, 1 LIMIT ?");
    organizations.bind(1, top);
    out.organizations = bars(organizations);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot gather the report's numbers: ") + e.what());
  }
  return out;
}

}  // namespace unres
