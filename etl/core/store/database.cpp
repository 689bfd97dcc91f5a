#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "embedded.h"
#include "source.h"
#include "store/sources.h"
#include "text.h"

namespace unres {

namespace {

// Page cache: 64 MiB, so that index pages stay in memory while rows are added to a database.
constexpr int kCacheSize = -65536;

using Clock = std::chrono::steady_clock;
// How long a wait for a lock another process holds may last (docs/security.md, "busy timeout").
constexpr auto kBusyTimeout = std::chrono::milliseconds(10000);

// The full-text indexes over paragraph text (sql/views.sql: the words, and the Han characters),
// each with the view it reads its text from. The writer adds a paragraph to them with the text
// that view gives (text.h: without_arabic_marks, has_han); FTS5's 'integrity-check' would find a
// difference (tests/surface/search_test.cpp).
struct FullTextIndex {
  const char* name;
  const char* content;  // the view
};
constexpr FullTextIndex kFullTextIndexes[] = {{"paragraphs_fts", "paragraph_search_text"},
                                              {"paragraphs_han_fts", "paragraph_han_text"}};

// Sets an FTS5 option (automerge, crisismerge, hashsize) on every full-text index.
void set_full_text_option(SQLite::Database& db, const std::string& option, int value) {
  for (const auto& index : kFullTextIndexes)
    db.exec(std::string("INSERT INTO ") + index.name + "(" + index.name + ", rank) VALUES('" + option + "', " +
            std::to_string(value) + ")");
}

std::string_view embedded_sql(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  throw DatabaseError(std::string(path) + " is not embedded in this build");
}

// Binds text, or NULL for an empty string. The value must outlive the statement's execution
// (it is not copied).
void bind_text(SQLite::Statement& s, int index, const std::string& value) {
  if (value.empty()) s.bind(index);
  else s.bindNoCopy(index, value);
}

void bind_value(SQLite::Statement& s, int index, const ColumnValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) s.bind(index, *i);
  else if (const auto* text = std::get_if<const std::string*>(&value)) s.bindNoCopy(index, **text);
  else if (const auto* literal = std::get_if<const char*>(&value)) s.bindNoCopy(index, *literal);
  else s.bind(index);
}

// The ids of the rows of `table` loaded from document ?1, as SQL (names from the registry, never
// from input): through its parents up to the document.
std::string owned_ids(const TableRegistry& registry, const std::string& table);

// The condition on a row of `table` that it was loaded from document ?1.
std::string owned_rows(const TableRegistry& registry, const Table& table) {
  return table.parent_column + " IN (" + owned_ids(registry, table.parent_table) + ")";
}

std::string owned_ids(const TableRegistry& registry, const std::string& table) {
  if (table == "documents") return "?1";
  const Table* t = registry.find(table);
  if (!t) throw DatabaseError("table " + table + " is not registered");
  return "SELECT id FROM " + t->name + " WHERE " + owned_rows(registry, *t);
}

// Sets the journal mode; false when SQLite refused because another connection has the database
// open (leaving WAL, or going back to it, needs the database to itself): the mode is then kept.
bool set_journal_mode(SQLite::Database& db, const char* mode) {
  try {
    db.exec(std::string("PRAGMA journal_mode = ") + mode);
    return true;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) return false;
    throw;
  }
}

// Columns added to tables the registry does not declare, after version 1: a database made
// before them gets them on open (CREATE TABLE IF NOT EXISTS leaves an existing table as it is;
// add_missing_columns adds those of registered tables). Names are constants.
void add_new_columns(SQLite::Database& db) {
  static const char* added[][3] = {{"documents", "missing_since", "TEXT"}, {"documents", "normalized", "TEXT"}};
  for (const auto& [table, column, type] : added) {
    SQLite::Statement q(db, "SELECT count(*), coalesce(sum(name = ?), 0) FROM pragma_table_info(?)");
    q.bind(1, column);
    q.bind(2, table);
    if (q.executeStep() && q.getColumn(0).getInt() > 0 && q.getColumn(1).getInt() == 0)
      db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + type);
  }
}

// How the rows of a registered table are keyed across reloads (Table::stable_key), resolved
// once per registry: column indices, and the SQL that reads a document's keyed rows.
struct KeyPlan {
  bool keyed = false;
  std::vector<std::size_t> columns;    // the key columns, as indices into Table::columns
  std::optional<std::size_t> nested;   // the nested_in column
  std::size_t parent_column = 0;       // Table::parent_column
  std::optional<std::size_t> parent;   // the parent table (registry index); none: documents
  std::string old_rows;  // SELECT id, parent id, nested id, key columns of the rows of document ?1
  std::string fresh_id;  // the id above every id of the table
};

std::vector<KeyPlan> plan_keys(const TableRegistry& registry) {
  const auto& all = registry.tables();
  std::vector<KeyPlan> plans(all.size());
  const auto index_of = [](const Table& t, const std::string& column) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].name == column) return c;
    throw DatabaseError("table " + t.name + ": stable key column " + column + " is not one of its columns");
  };
  for (std::size_t t = 0; t < all.size(); ++t) {
    const Table& table = all[t];
    if (table.stable_key.empty()) continue;
    KeyPlan& plan = plans[t];
    plan.keyed = true;
    plan.parent_column = index_of(table, table.parent_column);
    if (table.parent_table != "documents") {
      for (std::size_t p = 0; p < t; ++p)
        if (all[p].name == table.parent_table && plans[p].keyed) plan.parent = p;
      if (!plan.parent) throw DatabaseError("table " + table.name + ": a stable key needs a keyed parent table");
    }
    // Names from the registry, never from input.
    std::string select = "SELECT id, " + table.parent_column + ", ";
    if (!table.stable_key.nested_in.empty()) {
      plan.nested = index_of(table, table.stable_key.nested_in);
      select += table.stable_key.nested_in;
    } else {
      select += "NULL";
    }
    for (const auto& column : table.stable_key.columns) {
      plan.columns.push_back(index_of(table, column));
      select += ", " + column;
    }
    plan.old_rows = select + " FROM " + table.name + " WHERE " + owned_rows(registry, table);
    plan.fresh_id = "SELECT coalesce(max(id), 0) + 1 FROM " + table.name;
  }
  return plans;
}

// Appends one value of a key: the fields are separated by a control character no key value holds.
void add_key_field(std::string& key, std::string_view value) {
  key += '\x1f';
  key += value;
}

void add_key_field(std::string& key, const ColumnValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) add_key_field(key, std::to_string(*i));
  else if (const auto* text = std::get_if<const std::string*>(&value)) add_key_field(key, std::string_view(**text));
  else if (const auto* literal = std::get_if<const char*>(&value)) add_key_field(key, std::string_view(*literal));
  else add_key_field(key, std::string_view());  // NULL reads back as empty text
}

std::optional<std::int64_t> id_value(const ColumnValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  return std::nullopt;
}

// The ids a reloaded file's rows had, by stable key (docs/schema.md, "Stable ids"): read once per
// document before its rows are deleted, and given back to the rows written in their place whose
// key did not change. A row with a new key takes an id above every id its table held before the
// reload, so that it never takes an id a later row of the document is about to get back.
struct StableIds {
  struct Keyed {
    std::unordered_map<std::string, std::int64_t> old_ids;   // key -> id, until given back
    std::unordered_map<std::int64_t, std::string> new_keys;  // id -> key of the rows written
    std::int64_t next_fresh = 0;  // 0: no old rows, SQLite chooses
  };
  std::vector<Keyed> tables;  // by registry table
  bool active = false;        // a reload: old rows were read

  // The key of row `row` of table `t`, about to be written.
  std::string key(const Table& table, const KeyPlan& plan, std::size_t t, const ResolutionRecord& r, std::size_t row,
                  const RowIds& ids) const {
    // The scope: the key of the row it nests in, else its parent's (written before it).
    const auto scope = [&](std::size_t in, std::size_t column) -> std::string {
      const auto id = id_value(table.value(r, row, column, ids));
      const auto it = id ? tables[in].new_keys.find(*id) : tables[in].new_keys.end();
      return it == tables[in].new_keys.end() ? std::string("\x1e") : it->second;  // \x1e: matches no old key
    };
    std::string key;
    if (plan.nested && id_value(table.value(r, row, *plan.nested, ids))) key = scope(t, *plan.nested);
    else if (plan.parent) key = scope(*plan.parent, plan.parent_column);
    for (const auto c : plan.columns) add_key_field(key, table.value(r, row, c, ids));
    return key;
  }

  // The id for a row of table `t` with `key`: its old id, else a fresh one (nullopt: SQLite's).
  std::optional<std::int64_t> claim(std::size_t t, const std::string& key) {
    auto& keyed = tables[t];
    if (const auto it = keyed.old_ids.find(key); it != keyed.old_ids.end()) {
      const std::int64_t id = it->second;
      keyed.old_ids.erase(it);  // a key written twice: the second row gets a fresh id
      return id;
    }
    if (keyed.next_fresh) return keyed.next_fresh++;
    return std::nullopt;
  }
};

}  // namespace

struct Database::Impl {
  SQLite::Database db;
  std::vector<std::int64_t> organization_ids;  // by gazetteer entry index

  const TableRegistry* tables;
  std::vector<std::string> inserts;  // by registry table
  std::vector<std::string> forget;   // what forget_document runs, in order
  std::vector<std::unique_ptr<SQLite::Statement>> insert_statements;
  std::vector<KeyPlan> key_plans;  // by registry table
  std::unique_ptr<Sources> sources;  // which source's rows stand for a resolution

  Impl(const std::filesystem::path& file, const TableRegistry& registry)
      // NOMUTEX: one thread (the writer) uses the connection, so SQLite's per-call locking is waste.
      : db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX),
        tables(&registry) {
    // Every statement is built from the registry's names, never from input.
    const auto& all = registry.tables();
    for (const auto& t : all) {
      std::string columns, marks;
      for (const auto& c : t.columns) {
        columns += (columns.empty() ? "" : ", ") + c.name;
        marks += marks.empty() ? "?" : ", ?";
      }
      // The id last: NULL lets SQLite choose; a reload gives rows their old ids (StableIds).
      inserts.push_back("INSERT INTO " + t.name + "(" + columns + ", id) VALUES(" + marks + ", ?)");
    }
    key_plans = plan_keys(registry);
    for (const auto& t : all)
      if (t.full_text)
        for (const auto& index : kFullTextIndexes)
          forget.push_back(std::string("INSERT INTO ") + index.name + "(" + index.name + ", rowid, text) SELECT 'delete', id, text FROM " +
                           index.content + " WHERE id IN (SELECT id FROM " + t.name + " WHERE " + owned_rows(registry, t) + ")");
    for (auto t = all.rbegin(); t != all.rend(); ++t) forget.push_back("DELETE FROM " + t->name + " WHERE " + owned_rows(registry, *t));
    forget.push_back("DELETE FROM document_texts WHERE document_id = ?1");
    forget.push_back("DELETE FROM documents WHERE id = ?1");
    insert_statements.resize(all.size());
    sources = std::make_unique<Sources>(db, registry);
    sqlite3_busy_handler(db.getHandle(), &Impl::on_busy, this);
  }

  // The busy timeout. SQLite's own (sqlite3_busy_timeout) starts again at every statement, so
  // opening the database, which is several statements, could wait several times 10 s (a lock held
  // 15 s gave a 14 s wait and success). While `shared_deadline` is set, every wait counts against
  // the same deadline; otherwise each statement's wait gets the full timeout.
  Clock::time_point deadline{};
  bool shared_deadline = false;
  static int on_busy(void* self, int attempt) {
    auto& impl = *static_cast<Impl*>(self);
    const auto now = Clock::now();
    if (attempt == 0 && !impl.shared_deadline) impl.deadline = now + kBusyTimeout;
    if (now >= impl.deadline) return 0;  // SQLITE_BUSY: "database is locked"
    // Short sleeps first (a batch commits in milliseconds), then 100 ms, as SQLite's own handler.
    static constexpr int steps_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    const auto step = std::chrono::milliseconds(steps_ms[std::min<std::size_t>(attempt, std::size(steps_ms) - 1)]);
    std::this_thread::sleep_for(std::min<Clock::duration>(step, impl.deadline - now));
    return 1;
  }

  // The INSERT of registry table `t`, prepared once.
  SQLite::Statement& insert(std::size_t t) {
    auto& slot = insert_statements[t];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db, inserts[t]);
    return *slot;
  }

  // One prepared statement per SQL text, reused across rows. Keyed by the literal's address:
  // every caller passes a string literal, so lookups never build a string. Every caller binds
  // every parameter (NULL included), so the previous row's bindings need no clearing.
  SQLite::Statement& statement(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db, sql);
    // tryReset: reset() would re-throw the error of the statement's last failed run.
    (void)slot->tryReset();
    return *slot;
  }
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;
  bool indexes_deferred = false;  // a first load: see defer_indexes()

  std::optional<std::int64_t> document_id(const std::string& path) {
    auto& find = statement("SELECT id FROM documents WHERE path = ?");
    find.bind(1, path);
    if (!find.executeStep()) return std::nullopt;
    const std::int64_t id = find.getColumn(0).getInt64();
    (void)find.tryReset();  // a statement left running would keep a read open
    return id;
  }

  // Removes every row of document `document`: its paragraphs leave the full-text index first (an
  // external-content index needs their text), then the rows, children before parents (what ON
  // DELETE CASCADE would do with the checks on).
  void forget_rows(std::int64_t document) {
    for (const auto& sql : forget) {
      auto& del = statement(sql.c_str());
      del.bind(1, document);
      del.exec();
    }
  }

  // Reads the keys and ids of the keyed rows of document `document` into `stable`: one query per
  // keyed table, before the rows are deleted.
  void read_stable_ids(std::int64_t document, StableIds& stable) {
    const auto& all = tables->tables();
    stable.tables.resize(all.size());
    stable.active = true;
    std::vector<std::unordered_map<std::int64_t, std::string>> old_keys(all.size());  // id -> key
    for (std::size_t t = 0; t < all.size(); ++t) {
      const KeyPlan& plan = key_plans[t];
      if (!plan.keyed) continue;
      struct Row {
        std::int64_t parent = 0;
        std::optional<std::int64_t> nested;
        std::string fields;  // the key's own fields
      };
      std::unordered_map<std::int64_t, Row> rows;
      auto& q = statement(plan.old_rows.c_str());
      q.bind(1, document);
      while (q.executeStep()) {
        Row row;
        row.parent = q.getColumn(1).getInt64();
        if (!q.getColumn(2).isNull()) row.nested = q.getColumn(2).getInt64();
        for (int c = 3; c < q.getColumnCount(); ++c) add_key_field(row.fields, q.getColumn(c).getString());
        rows.emplace(q.getColumn(0).getInt64(), std::move(row));
      }
      if (rows.empty()) continue;
      auto& keys = old_keys[t];
      // A row's key: its nest's key or its parent's, then its own fields. Nests are resolved
      // first, whatever the order of the ids (a reload may have given a child an older id).
      const std::function<const std::string*(std::int64_t, int)> key_of = [&](std::int64_t id, int depth) -> const std::string* {
        if (const auto k = keys.find(id); k != keys.end()) return &k->second;
        const auto it = rows.find(id);
        if (it == rows.end() || depth > 64) return nullptr;  // outside the document, or a cycle
        std::string key;
        if (it->second.nested) {
          const std::string* nest = key_of(*it->second.nested, depth + 1);
          if (!nest) return nullptr;
          key = *nest;
        } else if (plan.parent) {
          const auto p = old_keys[*plan.parent].find(it->second.parent);
          if (p == old_keys[*plan.parent].end()) return nullptr;
          key = p->second;
        }
        key += it->second.fields;
        return &keys.emplace(id, std::move(key)).first->second;
      };
      auto& keyed = stable.tables[t];
      for (const auto& [id, row] : rows)
        if (const std::string* key = key_of(id, 0)) keyed.old_ids.emplace(*key, id);
      keyed.next_fresh = std::max(keyed.next_fresh, db.execAndGet(plan.fresh_id).getInt64());
    }
  }
};

std::string schema_fingerprint() {
  return hex_hash(std::string(embedded_sql("sql/schema.sql")) + '\0' + std::string(embedded_sql("sql/views.sql")) +
                  '\0' + UNRES_VERSION);
}

namespace {
// The fingerprint of the schema the database holds; empty when it must be (re)applied, which is
// also the case after a first load that stopped before building its indexes.
std::string stored_fingerprint(SQLite::Database& db) {
  try {
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'schema_fingerprint' "
                                 "AND (SELECT count(*) FROM sqlite_master WHERE name IN ('paragraphs_fts', 'paragraphs_han_fts')) = 2 "
                                 "AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'indexes_deferred')");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  } catch (const SQLite::Exception&) {
    return {};  // no meta table yet
  }
}

// sql/views.sql creates each full-text index once (IF NOT EXISTS). An index made with another
// definition (an earlier tokenizer, or text read from another view) is dropped first, so that
// views.sql makes it anew and fills it from its view.
void drop_outdated_fts(SQLite::Database& db) {
  static constexpr std::string_view marker = "CREATE VIRTUAL TABLE IF NOT EXISTS ";
  const std::string_view views = embedded_sql("sql/views.sql");
  for (auto at = views.find(marker); at != std::string_view::npos; at = views.find(marker, at + 1)) {
    const auto begin = at + marker.size();
    const std::string wanted(views.substr(begin, views.find(';', begin) - begin));  // paragraphs_fts USING fts5(...)
    const std::string name = wanted.substr(0, wanted.find(' '));  // a name from our own file
    bool outdated = false;
    {
      SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
      q.bind(1, name);
      outdated = q.executeStep() && !q.getColumn(0).getString().ends_with(wanted);
    }
    if (outdated) db.exec("DROP TABLE " + name);
  }
}

// Whether the database is empty or unres's own (its meta table names the tool). Anything else is
// another application's database, which unres must not add its tables to unawares.
bool empty_or_unres(SQLite::Database& db, std::string& tables) {
  SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  bool has_meta = false;
  int n = 0;
  while (q.executeStep()) {
    const std::string name = q.getColumn(0).getString();
    has_meta |= name == "meta";
    if (++n <= 5) tables += (n > 1 ? ", " : "") + name;
  }
  if (n > 5) tables += ", ...";
  if (n == 0 || !has_meta) return n == 0;
  try {
    return db.execAndGet("SELECT count(*) FROM meta WHERE key = 'tool_version'").getInt() > 0;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_ERROR) return false;  // a meta table of another shape: not ours
    throw;
  }
}
}  // namespace

namespace {
// Tables and columns of the registry the database lacks: a table added to the registry, or a
// column added to a table of a database made by an older unres (CREATE TABLE IF NOT EXISTS does
// not add columns). sql/schema.sql declares the built-in tables in full (constraints, indexes).
// `create`: also create the tables the database lacks (after sql/schema.sql has made its own).
void add_missing_columns(SQLite::Database& db, const TableRegistry& registry, bool create) {
  const auto sql_type = [](ColumnType t) { return t == ColumnType::integer ? " INTEGER" : " TEXT"; };
  for (const auto& table : registry.tables()) {
    std::set<std::string> have;
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?)");
    q.bind(1, table.name);
    while (q.executeStep()) have.insert(q.getColumn(0).getString());
    // Names come from the registry, never from input.
    if (have.empty()) {
      if (!create) continue;
      std::string ddl = "CREATE TABLE " + table.name + " (id INTEGER PRIMARY KEY";
      for (const auto& c : table.columns) ddl += ", " + c.name + sql_type(c.type);
      db.exec(ddl + ")");
      continue;
    }
    for (const auto& c : table.columns)
      if (!have.count(c.name)) db.exec("ALTER TABLE " + table.name + " ADD COLUMN " + c.name + sql_type(c.type));
  }
}
}  // namespace

namespace {
// A database made before resolutions had a language keeps one row per symbol (`symbol ... UNIQUE`),
// which SQLite cannot drop. Such a table is rebuilt: a new table from sql/schema.sql's CREATE
// TABLE (UNIQUE(symbol, language)), every column copied (language 'en': text sources were all
// English then), the old table dropped and the new one renamed; schema.sql then recreates its
// indexes. Runs inside the schema transaction, so a failure leaves the database as it was. Row ids
// are kept, so the rows that point at a resolution need no change.
bool symbol_alone_is_unique(SQLite::Database& db) {
  SQLite::Statement indexes(db, "SELECT name FROM pragma_index_list('resolutions') WHERE origin = 'u'");
  while (indexes.executeStep()) {
    SQLite::Statement columns(db, "SELECT group_concat(name) FROM pragma_index_info(?)");
    columns.bind(1, indexes.getColumn(0).getString());
    if (columns.executeStep() && columns.getColumn(0).getString() == "symbol") return true;
  }
  return false;
}

void key_resolutions_by_language(SQLite::Database& db) {
  if (!symbol_alone_is_unique(db)) return;
  const std::string_view schema = embedded_sql("sql/schema.sql");
  const std::string_view create = "CREATE TABLE IF NOT EXISTS resolutions (";
  const auto begin = schema.find(create);
  const auto end = schema.find(");", begin);
  if (begin == std::string_view::npos || end == std::string_view::npos)
    throw DatabaseError("sql/schema.sql has no CREATE TABLE resolutions");
  db.exec("CREATE TABLE resolutions_keyed_by_language (" +
          std::string(schema.substr(begin + create.size(), end + 2 - begin - create.size())));
  const auto columns_of = [&](const char* table) {
    std::vector<std::pair<std::string, std::string>> out;  // name, declared type
    SQLite::Statement q(db, "SELECT name, type FROM pragma_table_info(?)");
    q.bind(1, table);
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    return out;
  };
  std::set<std::string> have;
  for (const auto& [name, type] : columns_of("resolutions_keyed_by_language")) have.insert(name);
  // Column names come from the database's own schema, never from input.
  std::string names, values;
  for (const auto& [name, type] : columns_of("resolutions")) {
    if (!have.count(name))  // a column another tool added: kept
      db.exec("ALTER TABLE resolutions_keyed_by_language ADD COLUMN \"" + name + "\" " + type);
    names += (names.empty() ? "\"" : ", \"") + name + "\"";
    values += (values.empty() ? "" : ", ") + (name == "language" ? "coalesce(language, 'en')" : "\"" + name + "\"");
  }
  db.exec("INSERT INTO resolutions_keyed_by_language (" + names + ") SELECT " + values + " FROM resolutions");
  // Legacy rename: the views and foreign keys that name `resolutions` are not rewritten to the
  // temporary name, and the new table takes the old one's name in them.
  db.exec("PRAGMA legacy_alter_table = ON");
  db.exec("DROP TABLE resolutions");
  db.exec("ALTER TABLE resolutions_keyed_by_language RENAME TO resolutions");
  db.exec("PRAGMA legacy_alter_table = OFF");
}
}  // namespace

Database::Database(const std::filesystem::path& file, const TableRegistry& tables, bool allow_foreign) {
  try {
    impl_ = std::make_unique<Impl>(file, tables);
    auto& db = impl_->db;
    // Opening is several statements: they wait for another process's lock 10 s in all.
    impl_->shared_deadline = true;
    impl_->deadline = Clock::now() + kBusyTimeout;
    // Before anything is written, even the journal mode.
    if (std::string found; !allow_foreign && !empty_or_unres(db, found))
      throw DatabaseError(file.string() + ": not an unres database (it holds tables of another application: " +
                          found + "); unres adds its tables only to an empty database or its own. Choose another "
                          "--db file, or pass --allow-foreign-db to add them to this one");
    // WAL, always: readers never block the writer, nor the writer readers (a rollback journal made
    // the writer wait for every reader at each commit, and fail when readers kept coming). A
    // database left in rollback-journal mode (by a first load of an earlier version stopped
    // before its end) is switched back here, unless a reader holds it open: then next time.
    (void)set_journal_mode(db, "WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    // The writer makes every parent row before its children and deletes children itself
    // (forget_document): the per-row foreign-key lookups would only cost time.
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("PRAGMA cache_size = " + std::to_string(kCacheSize));
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > kSchemaVersion)
      throw DatabaseError(file.string() + ": database schema version " + std::to_string(version) +
                          " is newer than this unres understands (" + std::to_string(kSchemaVersion) + ")");
    if (stored_fingerprint(db) == schema_fingerprint()) {  // up to date: nothing to write
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::DEFERRED);
      add_missing_columns(db, tables, true);  // a registry with tables of its own
      tx.commit();
      impl_->shared_deadline = false;
      return;
    }
    // IMMEDIATE: take the write lock first, waiting the busy timeout for another writer (a deferred
    // transaction that has read cannot wait: SQLite fails it at once with "database is locked").
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Columns first: the schema's indexes and views may read a column added since the database
    // was made. Then the tables the schema does not declare.
    add_missing_columns(db, tables, false);
    key_resolutions_by_language(db);
    add_new_columns(db);
    db.exec(std::string(embedded_sql("sql/schema.sql")));
    add_missing_columns(db, tables, true);
    link_unlinked_resolutions(db);  // a database made before resolution_sources
    // Views, full-text index and documentation: derived from the tables, refreshed when they change.
    drop_outdated_fts(db);
    db.exec(std::string(embedded_sql("sql/views.sql")));
    // A first load that stopped before its end: schema.sql has just built its indexes; the
    // full-text index merges its segments again.
    if (db.execAndGet("SELECT count(*) FROM meta WHERE key = 'indexes_deferred'").getInt()) {
      set_full_text_option(db, "automerge", 4);  // FTS5's default
      db.exec("DELETE FROM meta WHERE key = 'indexes_deferred'");
    }
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    SQLite::Statement meta(db, "INSERT INTO meta(key, value) VALUES('tool_version', ?), ('schema_fingerprint', ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    meta.bind(1, std::string(UNRES_VERSION));
    meta.bind(2, schema_fingerprint());
    meta.exec();
    tx.commit();
    impl_->shared_deadline = false;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(file.string() + ": " + e.what());
  }
}

Database::~Database() = default;

void Database::sync_organizations(const Gazetteer& gazetteer) {
  try {
    auto& db = impl_->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& org : gazetteer.entries) {
      auto& s = impl_->statement(
          "INSERT INTO organizations(name, acronym, category) VALUES(?, ?, ?) "
          "ON CONFLICT(name) DO UPDATE SET acronym = excluded.acronym, category = excluded.category");
      s.bind(1, org.name);
      bind_text(s, 2, org.acronym);
      s.bind(3, org.category);
      s.exec();
    }
    tx.commit();
    std::map<std::string, std::int64_t> by_name;
    SQLite::Statement q(db, "SELECT id, name FROM organizations");
    while (q.executeStep()) by_name[q.getColumn(1).getString()] = q.getColumn(0).getInt64();
    impl_->organization_ids.clear();
    for (const auto& org : gazetteer.entries) impl_->organization_ids.push_back(by_name.at(org.name));
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot write organizations: ") + e.what());
  }
}

std::int64_t Database::begin_run(const std::string& rules_hash) {
  try {
    auto& s = impl_->statement(
        "INSERT INTO ingest_runs(started_at, status, rules_hash, tool_version) VALUES(?, 'running', ?, ?)");
    s.bind(1, utc_now("%Y-%m-%dT%H:%M:%SZ"));
    s.bind(2, rules_hash);
    s.bind(3, std::string(UNRES_VERSION));
    s.exec();
    return impl_->db.getLastInsertRowid();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot record the run: ") + e.what());
  }
}

void Database::finish_run(std::int64_t run, const RunCounts& c, const std::string& status) {
  std::string rows = "{";
  for (const auto& [table, n] : row_counts()) rows += (rows.size() > 1 ? ", \"" : "\"") + table + "\": " + std::to_string(n);
  rows += "}";
  try {
    auto& s = impl_->statement(
        "UPDATE ingest_runs SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, files_skipped = ?, "
        "files_quarantined = ?, resolutions = ?, row_counts = ? WHERE id = ?");
    s.bind(1, utc_now("%Y-%m-%dT%H:%M:%SZ"));
    s.bind(2, status);
    s.bind(3, c.seen);
    s.bind(4, c.loaded);
    s.bind(5, c.skipped);
    s.bind(6, c.quarantined);
    s.bind(7, c.resolutions);
    s.bind(8, rows);
    s.bind(9, run);
    s.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot record the run: ") + e.what());
  }
}

std::map<std::string, std::int64_t> Database::row_counts() {
  std::vector<std::string> tables = {"documents", "quarantine"};
  for (const auto& t : impl_->tables->tables()) tables.push_back(t.name);
  std::map<std::string, std::int64_t> out;
  try {
    // Table names come from the registry, never from input.
    for (const auto& t : tables) out[t] = impl_->db.execAndGet("SELECT count(*) FROM " + t).getInt64();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot count rows: ") + e.what());
  }
  return out;
}

std::unordered_map<std::string, KnownDocument> Database::known_documents() {
  std::unordered_map<std::string, KnownDocument> out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT path, content_hash, coalesce(rules_hash, ''), status, size_bytes, coalesce(mtime_ns, 0), "
                        "missing_since IS NOT NULL, CASE status WHEN 'rejected' THEN coalesce((SELECT reason FROM "
                        "quarantine q WHERE q.path = d.path ORDER BY q.id DESC LIMIT 1), '') ELSE '' END "
                        "FROM documents d");
    while (q.executeStep())
      out[q.getColumn(0).getString()] = {q.getColumn(1).getString(), q.getColumn(2).getString(),
                                         q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64(),
                                         q.getColumn(6).getInt() != 0, q.getColumn(7).getString()};
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read documents: ") + e.what());
  }
  return out;
}

struct Database::Batch::Impl {
  SQLite::Transaction tx;
  explicit Impl(Database& db) : tx(db.impl_->db, SQLite::TransactionBehavior::IMMEDIATE) {}
};

Database::Batch::Batch(Database& db) {
  try {
    impl_ = std::make_unique<Impl>(db);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot begin a transaction: ") + e.what());
  }
}

Database::Batch::~Batch() = default;

void Database::Batch::commit() {
  try {
    impl_->tx.commit();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot commit: ") + e.what());
  }
}

namespace {
// The secondary indexes schema.sql creates ("CREATE INDEX IF NOT EXISTS name ON ..."), which
// re-applying it builds again.
std::vector<std::string> schema_indexes() {
  static const std::string_view marker = "CREATE INDEX IF NOT EXISTS ";
  const std::string_view schema = embedded_sql("sql/schema.sql");
  std::vector<std::string> out;
  for (auto at = schema.find(marker); at != std::string_view::npos; at = schema.find(marker, at)) {
    at += marker.size();
    out.emplace_back(schema.substr(at, schema.find(' ', at) - at));
  }
  return out;
}
}  // namespace

void Database::defer_indexes() {
  try {
    auto& db = impl_->db;
    // The load stays in WAL. A rollback journal would write the appended pages once instead of
    // twice, but then each commit needs every reader gone: a reader holding a read transaction
    // (or a stream of short ones) made the load fail with "cannot commit: database is locked".
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // The marker first: if the load stops before build_indexes(), the next open re-applies the
    // schema, which creates the indexes and fills the full-text index again.
    db.exec("INSERT OR REPLACE INTO meta(key, value) VALUES('indexes_deferred', 'first load')");
    for (const auto& name : schema_indexes()) db.exec("DROP INDEX IF EXISTS " + name);  // names from schema.sql
    // The full-text index is still filled as rows are written (that work overlaps the parsing),
    // but with one segment per batch (a 16 MiB term buffer holds a batch's terms; FTS5's default
    // of 1 MiB wrote ~10), and without merging as it goes: FTS5 merges a level only once 1,000
    // segments pile up there (default 16; its limit is 2,000 in all). Merging rewrote the index
    // again at every level, more often the larger the corpus: 1.0 M instructions per resolution
    // at 2,000 resolutions. A query reads each segment (80,000 resolutions: 160 segments, a
    // three-word query 65 ms as with 10). Both settings stay: a later load also writes a segment
    // per batch, and merges a little at every write (automerge 4, FTS5's default).
    set_full_text_option(db, "automerge", 0);
    set_full_text_option(db, "crisismerge", 1000);
    set_full_text_option(db, "hashsize", 16777216);
    tx.commit();
    impl_->indexes_deferred = true;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot prepare the first load: ") + e.what());
  }
}

void Database::build_indexes() {
  if (!impl_->indexes_deferred) return;
  try {
    auto& db = impl_->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // CREATE INDEX sorts with a helper thread, in buffers the size of the page cache: small ones
    // sort faster and keep memory flat (measured on 80,000 resolutions: 64 MiB 22.7 s and
    // 235 MB, 4 MiB 11.5 s and 22 MB).
    db.exec("PRAGMA threads = 2");
    db.exec("PRAGMA cache_size = -4096");
    db.exec(std::string(embedded_sql("sql/schema.sql")));
    set_full_text_option(db, "automerge", 4);  // FTS5's default
    db.exec("DELETE FROM meta WHERE key = 'indexes_deferred'");
    tx.commit();
    db.exec("PRAGMA cache_size = " + std::to_string(kCacheSize));
    impl_->indexes_deferred = false;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot build the indexes: ") + e.what());
  }
}

std::optional<std::int64_t> Database::forget_document(const std::string& path) {
  const auto document = impl_->document_id(path);
  if (!document) return document;
  const auto held = impl_->sources->chosen_from(*document);
  impl_->forget_rows(*document);
  impl_->sources->orphaned(held);  // their other sources are read again, to take over
  return document;
}

std::vector<std::string> Database::load_document(const SourceFile& file, const Document& document,
                                                const std::string& rules_hash) {
  // The one way input can make a write fail is a symbol another file of the same kind holds
  // (split_documents rejects a file that holds one twice): it is checked first, so that a
  // rejected document writes nothing. No savepoint per document: FTS5 writes its pending terms to
  // disk at every savepoint, which would cut the full-text index into tiny segments and stall the
  // writer at each one.
  try {
    const SourcePlan plan = impl_->sources->plan(file, document);
    write_document(file, document, rules_hash, plan);
    return plan.moved;  // documents whose file is gone (or is this one): replaced
  } catch (const SQLite::Exception& e) {
    // Not caused by the input: the batch is rolled back and the run fails (nothing half-written).
    throw DatabaseError(file.path + ": cannot load: " + e.what());
  }
}

void Database::write_document(const SourceFile& file, const Document& document, const std::string& rules_hash,
                              const SourcePlan& sources) {
  auto& db = impl_->db;
  // What was undone to read a file that is its own text (documents.normalized: "bom,crlf").
  const std::string normalized =
      document.source_text.empty() ? text_quirks(file.bytes, document.encoding == "utf-8").names() : std::string();
  // The rows this document replaces: those of its earlier load, of the documents of files that
  // are gone whose resolutions it holds now, and of the resolutions it takes over from sources of
  // lower precedence. Their ids are read by stable key first.
  StableIds stable;
  const auto own = impl_->document_id(file.path);
  std::vector<std::int64_t> old;
  if (own) old.push_back(*own);
  for (const auto& path : sources.moved)
    if (const auto id = impl_->document_id(path)) old.push_back(*id);
  std::vector<std::int64_t> read = old;
  for (const auto& t : sources.taken)
    if (std::find(read.begin(), read.end(), t.document) == read.end()) read.push_back(t.document);
  for (const auto id : read) impl_->read_stable_ids(id, stable);
  std::vector<ResolutionKey> held;  // resolutions the replaced documents stood for
  for (const auto id : old)
    for (auto& key : impl_->sources->chosen_from(id)) held.push_back(std::move(key));
  for (const auto id : old) impl_->forget_rows(id);
  for (const auto& t : sources.taken) impl_->sources->take_over(t);

  auto& doc = impl_->statement(
      "INSERT INTO documents(path, content_hash, size_bytes, format, status, encoding, mtime_ns, rules_hash, id, "
      "normalized) VALUES(?, ?, ?, ?, 'loaded', ?, ?, ?, ?, ?)");
  doc.bindNoCopy(1, file.path);
  doc.bindNoCopy(2, file.stamp.content_hash);
  doc.bind(3, static_cast<std::int64_t>(file.bytes.size()));
  doc.bindNoCopy(4, document.format);
  doc.bindNoCopy(5, document.encoding);
  doc.bind(6, file.stamp.mtime_ns);
  doc.bindNoCopy(7, rules_hash);
  // A document of resolutions keeps its id (by path). A records file takes a greater id than every
  // other at each load: the records views read the record of the file loaded last by that id.
  const bool keeps_id = own && document.published.empty();
  bind_value(doc, 8, keeps_id ? ColumnValue{*own} : ColumnValue{});
  bind_text(doc, 9, normalized);
  doc.exec();
  RowIds ids;
  ids.document = db.getLastInsertRowid();
  ids.organizations = &impl_->organization_ids;
  if (!document.source_text.empty()) {
    auto& text = impl_->statement("INSERT INTO document_texts(document_id, text) VALUES(?, ?)");
    text.bind(1, ids.document);
    text.bindNoCopy(2, document.source_text);
    text.exec();
  }
  // Each table of the registry, parents first, row by row.
  const auto& tables = impl_->tables->tables();
  for (std::size_t i = 0; i < document.resolutions.size(); ++i) {
    const ResolutionRecord& r = document.resolutions[i];
    ids.paragraphs.clear();
    ids.footnotes.clear();
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      if (table.of != Table::Of::resolution || !(sources.chosen[i] || table.every_source)) continue;
      const std::size_t rows = table.rows(r);
      if (rows == 0) continue;
      auto& insert = impl_->insert(t);
      const int id_index = static_cast<int>(table.columns.size() + 1);
      const KeyPlan& plan = impl_->key_plans[t];
      const bool keyed = stable.active && plan.keyed;
      for (std::size_t row = 0; row < rows; ++row) {
        ids.row = row;
        for (std::size_t col = 0; col < table.columns.size(); ++col)
          bind_value(insert, static_cast<int>(col + 1), table.value(r, row, col, ids));
        std::string key;
        if (keyed) {
          key = stable.key(table, plan, t, r, row, ids);
          const auto id = stable.claim(t, key);
          bind_value(insert, id_index, id ? ColumnValue{*id} : ColumnValue{});
        } else {
          insert.bind(id_index);
        }
        insert.exec();
        (void)insert.tryReset();
        const std::int64_t id = db.getLastInsertRowid();
        if (keyed) stable.tables[t].new_keys.emplace(id, std::move(key));
        switch (table.keeps) {
          case Table::Keeps::resolution: ids.resolution = id; break;
          case Table::Keeps::paragraphs: ids.paragraphs.push_back(id); break;
          case Table::Keeps::footnotes: ids.footnotes.push_back(id); break;
          case Table::Keeps::nothing: break;
        }
        if (table.full_text) {
          // FTS5 keeps the terms in memory until the batch commits (or its buffer fills): one row
          // VALUES, as INSERT ... SELECT would open a statement savepoint, where FTS5 writes its
          // buffer out (a segment per paragraph).
          const std::string& text = r.paragraphs[row].text;
          const std::string words = without_arabic_marks(text);  // as paragraph_search_text
          auto& fts = impl_->statement("INSERT INTO paragraphs_fts(rowid, text) VALUES(?, ?)");
          fts.bind(1, id);
          fts.bindNoCopy(2, words);
          fts.exec();
          if (has_han(text)) {  // as paragraph_han_text
            auto& han = impl_->statement("INSERT INTO paragraphs_han_fts(rowid, text) VALUES(?, ?)");
            han.bind(1, id);
            han.bindNoCopy(2, text);
            han.exec();
          }
        }
      }
    }
  }
  // The published records (votes, sponsors ...): rows of the document, keyed by symbol.
  for (const auto& record : document.published) {
    ids.record = &record;
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      if (table.of != Table::Of::published_record) continue;
      const std::size_t rows = table.record_rows(record);
      if (rows == 0) continue;
      auto& insert = impl_->insert(t);
      for (std::size_t row = 0; row < rows; ++row) {
        ids.row = row;
        for (std::size_t col = 0; col < table.columns.size(); ++col)
          bind_value(insert, static_cast<int>(col + 1), table.record_value(record, row, col, ids));
        insert.exec();
        (void)insert.tryReset();
      }
    }
  }
  impl_->sources->orphaned(held);  // a resolution no longer held: its other sources take over
}

std::vector<RecordsElsewhere> Database::records_elsewhere(const std::string& path, const Document& document) {
  std::map<std::string, RecordsElsewhere> by_path;
  try {
    for (const auto& record : document.published) {
      auto& other = impl_->statement(
          "SELECT DISTINCT d.path FROM records r JOIN documents d ON d.id = r.document_id WHERE r.symbol = ? AND d.path <> ?");
      other.bindNoCopy(1, record.symbol);
      other.bindNoCopy(2, path);
      while (other.executeStep()) {
        auto& found = by_path[other.getColumn(0).getString()];
        found.path = other.getColumn(0).getString();
        found.symbols.push_back(record.symbol);
      }
      (void)other.tryReset();
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot read records: " + e.what());
  }
  std::vector<RecordsElsewhere> out;
  for (auto& [other, found] : by_path) out.push_back(std::move(found));
  return out;
}

void Database::touch_document(const std::string& path, const SourceStamp& stamp) {
  try {
    auto& s = impl_->statement("UPDATE documents SET mtime_ns = ?, missing_since = NULL WHERE path = ?");
    s.bind(1, stamp.mtime_ns);
    s.bind(2, path);
    s.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot update: " + e.what());
  }
}

void Database::quarantine(std::int64_t run, const std::string& path, const SourceStamp& stamp,
                          const std::string& rules_hash, const InputError& error) {
  try {
    auto& q = impl_->statement(
        "INSERT INTO quarantine(run_id, path, stage, line, reason, excerpt) VALUES(?, ?, ?, ?, ?, ?)");
    q.bind(1, run);
    q.bind(2, path);
    q.bind(3, error.stage());
    if (error.line() > 0) q.bind(4, static_cast<std::int64_t>(error.line()));
    else q.bind(4);
    q.bind(5, std::string(error.what()));
    bind_text(q, 6, error.excerpt());
    q.exec();
    const auto id = forget_document(path);
    auto& doc = impl_->statement(
        "INSERT INTO documents(path, content_hash, size_bytes, status, mtime_ns, rules_hash, id) "
        "VALUES(?, ?, ?, 'rejected', ?, ?, ?)");
    bind_value(doc, 6, id ? ColumnValue{*id} : ColumnValue{});  // a document keeps its id (by path)
    doc.bind(1, path);
    doc.bind(2, stamp.content_hash);
    doc.bind(3, stamp.size);
    doc.bind(4, stamp.mtime_ns);
    doc.bind(5, rules_hash);
    doc.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot record quarantine: " + e.what());
  }
}

void Database::mark_missing(const std::vector<std::string>& paths) {
  try {
    for (const auto& path : paths) {
      auto& s = impl_->statement(
          "UPDATE documents SET missing_since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE path = ? AND missing_since IS NULL");
      s.bind(1, path);
      s.exec();
      // Another source of a resolution it stands for takes over (it is read again in this run).
      if (const auto id = impl_->document_id(path)) impl_->sources->gone(*id);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot mark missing files: ") + e.what());
  }
}

std::int64_t Database::align_actions(const std::vector<std::string>& symbols, const RuleSet& rules) {
  std::unordered_set<std::string> english_lemmas;
  for (const auto& [form, lemma] : rules.phrases.lemma_of_form) english_lemmas.insert(lemma);
  std::int64_t changed = 0;
  try {
    // The symbols asked for, and those whose translations took an English action that is gone
    // (its resolution forgotten since).
    std::set<std::string> todo(symbols.begin(), symbols.end());
    auto& orphans = impl_->statement(
        "SELECT DISTINCT r.symbol FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
        "JOIN resolutions r ON r.id = p.resolution_id WHERE a.action_source = 'english' "
        "AND NOT EXISTS (SELECT 1 FROM resolutions e WHERE e.symbol = r.symbol AND e.language = 'en')");
    while (orphans.executeStep()) todo.insert(orphans.getColumn(0).getString());
    (void)orphans.tryReset();
    for (const auto& symbol : todo) {
      // Top-level paragraphs per kind of each language of the symbol: the paragraphs of a kind
      // align with the English ones when both have as many (the annexes of translations are
      // often cut into paragraphs differently; their operative paragraphs still align).
      std::map<std::string, std::map<std::string, std::int64_t>> counts;   // language -> kind -> n
      auto& count = impl_->statement(
          "SELECT r.language, p.kind, count(*) FROM resolutions r JOIN paragraphs p ON p.resolution_id = r.id "
          "WHERE r.symbol = ? AND p.parent_id IS NULL GROUP BY r.language, p.kind");
      count.bind(1, symbol);
      while (count.executeStep())
        counts[count.getColumn(0).getString()][count.getColumn(1).getString()] = count.getColumn(2).getInt64();
      (void)count.tryReset();
      const auto english = counts.find(kDefaultLanguage);
      struct Change {
        std::int64_t id;
        std::string action;
        const char* source;
      };
      std::vector<Change> changes;
      auto& rows = impl_->statement(
          "SELECT a.id, r.language, a.lemma, a.action, coalesce(a.action_source, 'lexicon'), p.kind, "
          "(SELECT ea.action FROM resolutions e JOIN paragraphs ep ON ep.resolution_id = e.id AND ep.kind = p.kind "
          "   AND ep.ordinal = p.ordinal AND ep.parent_id IS NULL "
          " JOIN action_verbs ea ON ea.paragraph_id = ep.id AND ea.is_lead = 1 "
          " WHERE e.symbol = r.symbol AND e.language = 'en' LIMIT 1) "
          "FROM resolutions r JOIN paragraphs p ON p.resolution_id = r.id AND p.parent_id IS NULL "
          "JOIN action_verbs a ON a.paragraph_id = p.id AND a.is_lead = 1 "
          "WHERE r.symbol = ? AND r.language <> 'en'");
      rows.bind(1, symbol);
      while (rows.executeStep()) {
        const std::string language = rows.getColumn(1).getString(), lemma = rows.getColumn(2).getString();
        const std::string action = rows.getColumn(3).getString(), source = rows.getColumn(4).getString();
        const std::string kind = rows.getColumn(5).getString();
        const auto& aligned = rows.getColumn(6);
        Change want{rows.getColumn(0).getInt64(), rules.lexicon(language).action(lemma), "lexicon"};
        // (The English phrase must be one the English lexicon knows: an unknown one is its own lemma.)
        if (english != counts.end() && counts[language][kind] == english->second[kind] && !aligned.isNull() &&
            english_lemmas.count(aligned.getString())) {
          want.action = aligned.getString();
          want.source = "english";
        }
        if (want.action != action || source != want.source) changes.push_back(std::move(want));
      }
      (void)rows.tryReset();
      for (const auto& c : changes) {
        auto& update = impl_->statement("UPDATE action_verbs SET action = ?, action_source = ? WHERE id = ?");
        update.bind(1, c.action);
        update.bind(2, c.source);
        update.bind(3, c.id);
        update.exec();
      }
      changed += static_cast<std::int64_t>(changes.size());
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot align the actions of translations with the English: ") + e.what());
  }
  return changed;
}

bool Database::forget(const std::string& path) {
  try {
    auto& q = impl_->statement("SELECT (SELECT count(*) FROM documents WHERE path = ?1) + "
                               "(SELECT count(*) FROM quarantine WHERE path = ?1)");
    q.bind(1, path);
    const bool known = q.executeStep() && q.getColumn(0).getInt64() > 0;
    (void)q.tryReset();
    if (!known) return false;
    forget_document(path);
    auto& del = impl_->statement("DELETE FROM quarantine WHERE path = ?");
    del.bind(1, path);
    del.exec();
    return true;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot forget: " + e.what());
  }
}

std::vector<std::string> Database::stale_documents() {
  try {
    return impl_->sources->stale_paths();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read documents: ") + e.what());
  }
}

std::vector<std::string> Database::symbols() {
  std::vector<std::string> out;
  try {
    SQLite::Statement q(impl_->db, "SELECT symbol FROM resolutions");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read resolutions: ") + e.what());
  }
  return out;
}

std::vector<QuarantineRow> Database::quarantine_rows() {
  std::vector<QuarantineRow> out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT coalesce(run_id, 0), path, stage, coalesce(line, 0), reason, coalesce(excerpt, ''), "
                        "recorded_at FROM quarantine ORDER BY id");
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(),
                     q.getColumn(3).getInt64()});
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read quarantine: ") + e.what());
  }
  return out;
}

}  // namespace unres
