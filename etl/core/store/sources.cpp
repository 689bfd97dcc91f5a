#include "store/sources.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>

#include "errors.h"
#include "store/full_text.h"

namespace unres {

int source_precedence(std::string_view format) {
  if (format == "akn") return 3;  // the UN's own markup: structure stated, not inferred
  if (format == "pdf") return 2;  // the official print: fonts and pages tell footnotes and marks
  return 1;                       // a text layout: structure inferred from lines
}

std::string_view source_kind(std::string_view format) {
  switch (source_precedence(format)) {
    case 3: return "XML";
    case 2: return "PDF";
    default: return "text";
  }
}

namespace {

// The condition that a row of `table` belongs to resolution ?1, through its parents; empty for a
// table whose rows do not belong to a resolution (documents' own tables). Names from the registry.
std::string under_resolution(const TableRegistry& registry, const Table& table) {
  if (table.parent_table == "resolutions") return table.parent_column + " = ?1";
  const Table* parent = table.parent_table == "documents" ? nullptr : registry.find(table.parent_table);
  if (!parent) return {};
  const std::string up = under_resolution(registry, *parent);
  if (up.empty()) return {};
  return table.parent_column + " IN (SELECT id FROM " + parent->name + " WHERE " + up + ")";
}

bool file_is_there(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

}  // namespace

Sources::Sources(SQLite::Database& db, const TableRegistry& registry) : db_(db) {
  // As the writer forgets a document (store/table_sql.cpp): the full-text entries first, from
  // every index (an external-content index needs the text its view gives), then the rows,
  // children before parents.
  const auto& all = registry.tables();
  for (const auto& t : all)
    if (const auto cond = under_resolution(registry, t); t.full_text && !cond.empty())
      for (auto& removal : full_text_removals("SELECT id FROM " + t.name + " WHERE " + cond))
        remove_resolution_.push_back(std::move(removal));
  for (auto t = all.rbegin(); t != all.rend(); ++t)
    if (const auto cond = under_resolution(registry, *t); !cond.empty())
      remove_resolution_.push_back("DELETE FROM " + t->name + " WHERE " + cond);
  remove_resolution_.push_back("DELETE FROM resolutions WHERE id = ?1");
}

Sources::~Sources() = default;

SQLite::Statement& Sources::statement(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
  (void)slot->tryReset();  // reset() would re-throw the error of the statement's last failed run
  return *slot;
}

SourcePlan Sources::plan(const SourceFile& file, const Document& document) {
  SourcePlan plan;
  const int mine = source_precedence(document.format);
  // Another file of the same kind holding the resolution: the same file moved (it is gone, or it
  // is this file under another spelling, e.g. a relative path stored by an older unres), whose
  // document this one replaces whole; else two files for one symbol, which is a conflict.
  const auto same_kind = [&](const std::string& other, const std::string& symbol, const std::string& lang) {
    std::error_code ec;
    if (!file_is_there(other) || std::filesystem::equivalent(other, file.path, ec)) {
      if (std::find(plan.moved.begin(), plan.moved.end(), other) == plan.moved.end()) plan.moved.push_back(other);
      return;
    }
    throw InputError("load", 0,
                     "conflicting symbol: " + symbol + (lang == kDefaultLanguage ? "" : " (" + lang + ")") +
                         " is already loaded from " + other + ", another " + std::string(source_kind(document.format)) +
                         " file of it (a resolution has one source of each kind: XML, PDF, text)");
  };
  for (const auto& r : document.resolutions) {
    const std::string& symbol = r.meta.at("symbol");
    const auto language = r.meta.find("language");
    const std::string lang = language == r.meta.end() || language->second.empty() ? kDefaultLanguage : language->second;
    {
      auto& sources = statement(
          "SELECT d.path, coalesce(d.format, '') FROM resolution_sources s JOIN documents d ON d.id = s.document_id "
          "WHERE s.symbol = ? AND s.language = ? AND d.path <> ?");
      sources.bind(1, symbol);
      sources.bind(2, lang);
      sources.bind(3, file.path);
      std::vector<std::string> same;
      while (sources.executeStep())
        if (source_precedence(sources.getColumn(1).getString()) == mine) same.push_back(sources.getColumn(0).getString());
      for (const auto& other : same) same_kind(other, symbol, lang);
    }
    auto& owner = statement(
        "SELECT r.id, d.id, d.path, coalesce(d.format, '') FROM resolutions r JOIN documents d ON d.id = r.document_id "
        "WHERE r.symbol = ? AND r.language = ? AND d.path <> ?");
    owner.bind(1, symbol);
    owner.bind(2, lang);
    owner.bind(3, file.path);
    char chosen = 1;
    if (owner.executeStep()) {
      const std::int64_t resolution = owner.getColumn(0).getInt64(), other_id = owner.getColumn(1).getInt64();
      const std::string other = owner.getColumn(2).getString();
      const int theirs = source_precedence(owner.getColumn(3).getString());
      (void)owner.tryReset();  // a statement left running would keep a read open
      const bool gone = !file_is_there(other);
      if (theirs == mine) same_kind(other, symbol, lang);
      else if (gone || mine > theirs) plan.taken.push_back({resolution, other_id, gone, {symbol, lang}});
      else chosen = 0;  // a source of lower precedence: linked and compared, its rows not written
    }
    plan.chosen.push_back(chosen);
  }
  return plan;
}

std::vector<ResolutionKey> Sources::chosen_from(std::int64_t document) {
  std::vector<ResolutionKey> out;
  auto& q = statement("SELECT symbol, language FROM resolutions WHERE document_id = ?");
  q.bind(1, document);
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

void Sources::take_over(const SourcePlan::Takeover& t) {
  for (const auto& sql : remove_resolution_) {
    auto& del = statement(sql);
    del.bind(1, t.resolution);
    del.exec();
  }
  // A source still there keeps its link: it is compared with the chosen one.
  if (t.gone) unlink_gone(t.document, t.key);
}

void Sources::unlink_gone(std::int64_t document, const ResolutionKey& key) {
  auto& link = statement("DELETE FROM resolution_sources WHERE document_id = ? AND symbol = ? AND language = ?");
  link.bind(1, document);
  link.bind(2, key.first);
  link.bind(3, key.second);
  link.exec();
  auto& stale = statement("UPDATE documents SET rules_hash = NULL WHERE id = ?");
  stale.bind(1, document);
  stale.exec();
}

void Sources::mark_stale_sources(const ResolutionKey& key) {
  // The sources of the resolution but the one whose rows stand for it (if any).
  auto& stale = statement(
      "UPDATE documents SET rules_hash = NULL WHERE status = 'loaded' AND rules_hash IS NOT NULL "
      "AND id IN (SELECT document_id FROM resolution_sources WHERE symbol = ?1 AND language = ?2) "
      "AND id NOT IN (SELECT document_id FROM resolutions WHERE symbol = ?1 AND language = ?2)");
  stale.bind(1, key.first);
  stale.bind(2, key.second);
  stale.exec();
}

void Sources::orphaned(const std::vector<ResolutionKey>& keys) {
  for (const auto& key : keys) {
    auto& held = statement("SELECT count(*) FROM resolutions WHERE symbol = ? AND language = ?");
    held.bind(1, key.first);
    held.bind(2, key.second);
    const bool has_rows = held.executeStep() && held.getColumn(0).getInt64() > 0;
    (void)held.tryReset();
    if (!has_rows) mark_stale_sources(key);
  }
}

void Sources::gone(std::int64_t document) {
  struct Link {
    ResolutionKey key;
    bool chosen;
  };
  std::vector<Link> links;
  {
    auto& q = statement(
        "SELECT s.symbol, s.language, EXISTS (SELECT 1 FROM resolutions r WHERE r.symbol = s.symbol AND "
        "r.language = s.language AND r.document_id = s.document_id) FROM resolution_sources s WHERE s.document_id = ?");
    q.bind(1, document);
    while (q.executeStep())
      links.push_back({{q.getColumn(0).getString(), q.getColumn(1).getString()}, q.getColumn(2).getInt() != 0});
  }
  for (const auto& link : links) {
    if (link.chosen) {
      mark_stale_sources(link.key);  // the next best source takes over when it is re-read
      continue;
    }
    unlink_gone(document, link.key);
  }
}

std::vector<std::string> Sources::stale_paths() {
  std::vector<std::string> out;
  auto& q = statement("SELECT path FROM documents WHERE status = 'loaded' AND rules_hash IS NULL ORDER BY path");
  while (q.executeStep())
    if (std::string path = q.getColumn(0).getString(); file_is_there(path)) out.push_back(std::move(path));
  return out;
}

void link_unlinked_resolutions(SQLite::Database& db) {
  // What resolution_sources would hold for each resolution, from its stored rows. Cheap when
  // every resolution has its link (one index lookup each).
  db.exec(R"sql(
    INSERT INTO resolution_sources(document_id, symbol, language, title, adopted_on, distributed_on, committee,
                                   plenary_meeting, agenda_item, draft_symbol, job_number,
                                   preambular_paragraphs, operative_paragraphs, footnotes)
    SELECT r.document_id, r.symbol, r.language, r.title, r.adopted_on, r.distributed_on, r.committee,
           r.plenary_meeting, r.agenda_item, r.draft_symbol, r.job_number,
           (SELECT count(*) FROM paragraphs p WHERE p.resolution_id = r.id AND p.parent_id IS NULL AND p.kind = 'preambular'),
           (SELECT count(*) FROM paragraphs p WHERE p.resolution_id = r.id AND p.parent_id IS NULL AND p.kind = 'operative'),
           (SELECT count(*) FROM footnotes f WHERE f.resolution_id = r.id)
    FROM resolutions r
    WHERE NOT EXISTS (SELECT 1 FROM resolution_sources s
                      WHERE s.symbol = r.symbol AND s.language = r.language AND s.document_id = r.document_id))sql");
}

}  // namespace unres
