#include "store/schema.h"

#include <sqlite3.h>

#include <set>
#include <vector>

#include "errors.h"
#include "source.h"
#include "store/connection.h"
#include "store/database.h"
#include "store/full_text.h"
#include "store/sources.h"

namespace unres {

namespace {

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
}  // namespace

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

void open_schema(Connection& connection, const std::filesystem::path& file, const TableRegistry& tables,
                 bool allow_foreign) {
  auto& db = connection.db;
  // Opening is several statements: they wait for another process's lock 10 s in all.
  connection.share_deadline(true);
  // Before anything is written, even the journal mode.
  if (std::string found; !allow_foreign && !empty_or_unres(db, found))
    throw DatabaseError(file.string() + ": not an unres database (it holds tables of another application: " +
                        found + "); unres adds its tables only to an empty database or its own. Choose another "
                        "--db file, or pass --allow-foreign-db to add them to this one");
  // WAL, always: readers never block the writer, nor the writer readers (a rollback journal made
  // the writer wait for every reader at each commit, and fail when readers kept coming). A
  // database left in rollback-journal mode (by a first load of an earlier version stopped
  // before its end) is switched back here, unless a reader holds it open: then next time.
  // Pages of 16 KiB in a new database (an existing one keeps its own): a paragraph's text, a
  // document's rendered text and FTS5's segments fill fewer pages, so a load makes fewer B-tree
  // splits and a quarter of the page writes and reads of the WAL and its checkpoints. Measured on
  // 2,000 AKN4UN files: the writer thread -10 % CPU (4 KiB: SQLite's default); the same file size,
  // the same search times.
  db.exec("PRAGMA page_size = " + std::to_string(kPageSize));
  (void)set_journal_mode(db, "WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  // The writer makes every parent row before its children and deletes children itself
  // (writer.cpp, forget_rows): the per-row foreign-key lookups would only cost time.
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
    connection.share_deadline(false);
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
  // Views, full-text indexes and documentation: derived from the tables, refreshed when they change.
  drop_outdated_full_text(db);
  db.exec(std::string(embedded_sql("sql/views.sql")));
  // A first load that stopped before its end: schema.sql has just built its indexes; the
  // full-text indexes merge their segments again.
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
  connection.share_deadline(false);
}

void defer_indexes(Database& database) {
  Connection& connection = database.connection();
  try {
    auto& db = connection.db;
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
    connection.indexes_deferred = true;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot prepare the first load: ") + e.what());
  }
}

void build_indexes(Database& database) {
  Connection& connection = database.connection();
  if (!connection.indexes_deferred) return;
  try {
    auto& db = connection.db;
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
    connection.indexes_deferred = false;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot build the indexes: ") + e.what());
  }
}

}  // namespace unres
