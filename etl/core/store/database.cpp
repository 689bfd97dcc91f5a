#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <map>
#include <unordered_map>

#include "embedded.h"
#include "source.h"
#include "text.h"

namespace unres {

namespace {

// Page cache: 64 MiB, so that index pages stay in memory while rows are added to a database.
constexpr int kCacheSize = -65536;

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

void bind_opt(SQLite::Statement& s, int index, std::optional<int> value) {
  if (value) s.bind(index, *value);
  else s.bind(index);
}

void bind_id(SQLite::Statement& s, int index, std::optional<std::int64_t> id) {
  if (id) s.bind(index, *id);
  else s.bind(index);
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

// Resolution columns that hold whole numbers.
bool is_integer_column(const std::string& column) {
  return column == "session" || column == "number" || column == "plenary_meeting";
}

}  // namespace

struct Database::Impl {
  SQLite::Database db;
  std::vector<std::int64_t> organization_ids;  // by gazetteer entry index

  explicit Impl(const std::filesystem::path& file)
      // NOMUTEX: one thread (the writer) uses the connection, so SQLite's per-call locking is waste.
      : db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 10000) {}

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
                                 "AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'paragraphs_fts') "
                                 "AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'indexes_deferred')");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  } catch (const SQLite::Exception&) {
    return {};  // no meta table yet
  }
}
}  // namespace

Database::Database(const std::filesystem::path& file) {
  try {
    impl_ = std::make_unique<Impl>(file);
    auto& db = impl_->db;
    // WAL: readers keep reading while a load writes. A first load that stopped before its end
    // left a rollback journal (defer_indexes): WAL again from here, unless a reader holds the
    // database open, which only costs this run WAL's concurrency.
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
    if (stored_fingerprint(db) == schema_fingerprint()) return;  // up to date: nothing to write
    // IMMEDIATE: take the write lock first, waiting the busy timeout for another writer (a deferred
    // transaction that has read cannot wait: SQLite fails it at once with "database is locked").
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(std::string(embedded_sql("sql/schema.sql")));
    // Views, full-text index and documentation: derived from the tables, refreshed when they change.
    db.exec(std::string(embedded_sql("sql/views.sql")));
    // A first load that stopped before its end: schema.sql has just built its indexes; the
    // full-text index merges its segments again.
    if (db.execAndGet("SELECT count(*) FROM meta WHERE key = 'indexes_deferred'").getInt()) {
      db.exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('automerge', 4)");  // FTS5's default
      db.exec("DELETE FROM meta WHERE key = 'indexes_deferred'");
    }
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    SQLite::Statement meta(db, "INSERT INTO meta(key, value) VALUES('tool_version', ?), ('schema_fingerprint', ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    meta.bind(1, std::string(UNRES_VERSION));
    meta.bind(2, schema_fingerprint());
    meta.exec();
    tx.commit();
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
  // Table names come from this list, never from input.
  static const char* tables[] = {"documents", "resolutions", "paragraphs", "action_verbs", "organization_mentions",
                                 "footnotes", "footnote_refs", "citations", "deadlines", "quarantine"};
  std::map<std::string, std::int64_t> out;
  try {
    for (const char* t : tables) out[t] = impl_->db.execAndGet(std::string("SELECT count(*) FROM ") + t).getInt64();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot count rows: ") + e.what());
  }
  return out;
}

std::unordered_map<std::string, KnownDocument> Database::known_documents() {
  std::unordered_map<std::string, KnownDocument> out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT path, content_hash, coalesce(rules_hash, ''), status, size_bytes, coalesce(mtime_ns, 0) "
                        "FROM documents");
    while (q.executeStep())
      out[q.getColumn(0).getString()] = {q.getColumn(1).getString(), q.getColumn(2).getString(),
                                         q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()};
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
    // A rollback journal until the end of the load: SQLite journals only the pages a transaction
    // changes that existed before it, so the new pages a load appends are written once, where
    // WAL writes each twice (to the log, then back into the file). Readers of a database being
    // loaded for the first time wait for each batch's commit meanwhile. With a reader already
    // connected, SQLite cannot leave WAL: the load keeps it.
    (void)set_journal_mode(db, "DELETE");
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
    db.exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('automerge', 0)");
    db.exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('crisismerge', 1000)");
    db.exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('hashsize', 16777216)");
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
    db.exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('automerge', 4)");  // FTS5's default
    db.exec("DELETE FROM meta WHERE key = 'indexes_deferred'");
    tx.commit();
    db.exec("PRAGMA cache_size = " + std::to_string(kCacheSize));
    // Refused while a reader is connected (the next open sets it), and while a statement of
    // this connection is still running: they are all reset first.
    for (auto& [sql, statement] : impl_->statements) (void)statement->tryReset();
    (void)set_journal_mode(db, "WAL");
    impl_->indexes_deferred = false;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot build the indexes: ") + e.what());
  }
}

void Database::forget_document(const std::string& path) {
  auto& find = impl_->statement("SELECT id FROM documents WHERE path = ?");
  find.bind(1, path);
  if (!find.executeStep()) return;  // a new file: nothing to forget
  const std::int64_t document = find.getColumn(0).getInt64();
  (void)find.tryReset();
  // Its paragraphs leave the full-text index first: an external-content index needs their text.
  // Then the rows, children before parents (what ON DELETE CASCADE would do with the checks on).
  static const char* deletes[] = {
      "INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) SELECT 'delete', p.id, p.text FROM paragraphs p "
      "WHERE p.resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM footnote_refs WHERE paragraph_id IN "
      "(SELECT p.id FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id WHERE r.document_id = ?1)",
      "DELETE FROM action_verbs WHERE paragraph_id IN "
      "(SELECT p.id FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id WHERE r.document_id = ?1)",
      "DELETE FROM organization_mentions WHERE resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM citations WHERE resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM deadlines WHERE resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM footnotes WHERE resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM paragraphs WHERE resolution_id IN (SELECT id FROM resolutions WHERE document_id = ?1)",
      "DELETE FROM resolutions WHERE document_id = ?1",
      "DELETE FROM document_texts WHERE document_id = ?1",
      "DELETE FROM documents WHERE id = ?1",
  };
  for (const char* sql : deletes) {
    auto& del = impl_->statement(sql);
    del.bind(1, document);
    del.exec();
  }
}

void Database::load_document(const SourceFile& file, const Document& document, const std::string& rules_hash) {
  // The one way input can make a write fail is a symbol another file holds (split_documents
  // rejects a file that holds one twice): it is checked first, so that a rejected document writes
  // nothing. No savepoint per document: FTS5 writes its pending terms to disk at every savepoint,
  // which would cut the full-text index into tiny segments and stall the writer at each one.
  try {
    for (const auto& r : document.resolutions) {
      const std::string& symbol = r.meta.at("symbol");
      auto& owner = impl_->statement(
          "SELECT d.path FROM resolutions r JOIN documents d ON d.id = r.document_id WHERE r.symbol = ? AND d.path <> ?");
      owner.bindNoCopy(1, symbol);
      owner.bindNoCopy(2, file.path);
      if (owner.executeStep()) {
        std::string other = owner.getColumn(0).getString();
        (void)owner.tryReset();  // a statement left running would keep a read open
        throw InputError("load", 0, "conflicting symbol: " + symbol + " is already loaded from " + other);
      }
    }
    write_document(file, document, rules_hash);
  } catch (const SQLite::Exception& e) {
    // Not caused by the input: the batch is rolled back and the run fails (nothing half-written).
    throw DatabaseError(file.path + ": cannot load: " + e.what());
  }
}

void Database::write_document(const SourceFile& file, const Document& document, const std::string& rules_hash) {
  const auto& resolutions = document.resolutions;
  const auto& format = document.format;
  const auto& encoding = document.encoding;
  auto& db = impl_->db;
  {
    forget_document(file.path);
    auto& doc = impl_->statement(
        "INSERT INTO documents(path, content_hash, size_bytes, format, status, encoding, mtime_ns, rules_hash) "
        "VALUES(?, ?, ?, ?, 'loaded', ?, ?, ?)");
    doc.bindNoCopy(1, file.path);
    doc.bindNoCopy(2, file.stamp.content_hash);
    doc.bind(3, static_cast<std::int64_t>(file.bytes.size()));
    doc.bindNoCopy(4, format);
    doc.bindNoCopy(5, encoding);
    doc.bind(6, file.stamp.mtime_ns);
    doc.bindNoCopy(7, rules_hash);
    doc.exec();
    const std::int64_t document_id = db.getLastInsertRowid();
    if (!document.source_text.empty()) {
      auto& text = impl_->statement("INSERT INTO document_texts(document_id, text) VALUES(?, ?)");
      text.bind(1, document_id);
      text.bindNoCopy(2, document.source_text);
      text.exec();
    }

    for (const auto& r : resolutions) {
      static const char* columns[] = {"symbol", "body", "session", "number", "title", "adopted_on", "committee",
                                      "basis_symbol", "plenary_meeting", "agenda_item", "distributed_on", "job_number"};
      auto& res = impl_->statement(
          "INSERT INTO resolutions(symbol, body, session, number, title, adopted_on, committee, basis_symbol, "
          "plenary_meeting, agenda_item, distributed_on, job_number, document_id, start_offset, end_offset) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      int i = 1;
      for (const char* column : columns) {
        const auto it = r.meta.find(column);
        if (it == r.meta.end()) res.bind(i);
        else if (is_integer_column(column)) {
          try {
            res.bind(i, static_cast<std::int64_t>(std::stoll(it->second)));
          } catch (const std::exception&) {
            res.bind(i);
          }
        } else res.bindNoCopy(i, it->second);
        ++i;
      }
      res.bind(13, document_id);
      res.bind(14, static_cast<std::int64_t>(r.span.begin));
      res.bind(15, static_cast<std::int64_t>(r.span.end));
      res.exec();
      const std::int64_t resolution_id = db.getLastInsertRowid();

      std::vector<std::int64_t> paragraph_ids;
      for (const auto& p : r.paragraphs) {
        auto& s = impl_->statement(
            "INSERT INTO paragraphs(resolution_id, kind, ordinal, number, parent_id, text, rule_id, start_offset, "
            "end_offset) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, resolution_id);
        s.bindNoCopy(2, p.kind);
        s.bind(3, p.ordinal);
        bind_text(s, 4, p.number);
        bind_id(s, 5, p.parent >= 0 ? std::optional(paragraph_ids.at(static_cast<std::size_t>(p.parent))) : std::nullopt);
        s.bindNoCopy(6, p.text);
        s.bindNoCopy(7, p.parent >= 0 ? "document.subparagraph" : p.kind == "preambular" ? "document.preambular" : "document.operative");
        s.bind(8, static_cast<std::int64_t>(p.span.begin));
        s.bind(9, static_cast<std::int64_t>(p.span.end));
        s.exec();
        paragraph_ids.push_back(db.getLastInsertRowid());
        // FTS5 keeps the terms in memory until the batch commits (or its buffer fills).
        auto& fts = impl_->statement("INSERT INTO paragraphs_fts(rowid, text) VALUES(?, ?)");
        fts.bind(1, paragraph_ids.back());
        fts.bindNoCopy(2, p.text);
        fts.exec();
      }
      const auto paragraph_id = [&](int index) -> std::optional<std::int64_t> {
        if (index < 0) return std::nullopt;
        return paragraph_ids.at(static_cast<std::size_t>(index));
      };
      for (const auto& a : r.actions) {
        auto& s = impl_->statement(
            "INSERT INTO action_verbs(paragraph_id, phrase, lemma, modifier, qualifier, is_lead, rule_id, start_offset, "
            "end_offset) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, paragraph_ids.at(a.paragraph));
        s.bindNoCopy(2, a.phrase);
        s.bindNoCopy(3, a.lemma);
        bind_text(s, 4, a.modifier);
        bind_text(s, 5, a.qualifier);
        s.bind(6, a.is_lead ? 1 : 0);
        s.bindNoCopy(7, a.rule_id);
        s.bind(8, static_cast<std::int64_t>(a.span.begin));
        s.bind(9, static_cast<std::int64_t>(a.span.end));
        s.exec();
      }
      std::vector<std::int64_t> footnote_ids;
      for (const auto& f : r.footnotes) {
        auto& s = impl_->statement(
            "INSERT INTO footnotes(resolution_id, number, text, rule_id, start_offset, end_offset) VALUES(?, ?, ?, ?, ?, ?)");
        s.bind(1, resolution_id);
        s.bind(2, f.number);
        s.bindNoCopy(3, f.text);
        s.bindNoCopy(4, "document.footnote");
        s.bind(5, static_cast<std::int64_t>(f.span.begin));
        s.bind(6, static_cast<std::int64_t>(f.span.end));
        s.exec();
        footnote_ids.push_back(db.getLastInsertRowid());
      }
      const auto footnote_id = [&](int index) -> std::optional<std::int64_t> {
        if (index < 0) return std::nullopt;
        return footnote_ids.at(static_cast<std::size_t>(index));
      };
      for (const auto& ref : r.footnote_refs) {
        auto& s = impl_->statement(
            "INSERT INTO footnote_refs(paragraph_id, footnote_id, start_offset, rule_id) VALUES(?, ?, ?, ?)");
        s.bind(1, paragraph_ids.at(ref.paragraph));
        s.bind(2, footnote_ids.at(ref.footnote));
        s.bind(3, static_cast<std::int64_t>(ref.offset));
        s.bindNoCopy(4, "document.footnote_marks");
        s.exec();
      }
      for (const auto& m : r.mentions) {
        auto& s = impl_->statement(
            "INSERT INTO organization_mentions(organization_id, resolution_id, paragraph_id, surface, rule_id, "
            "start_offset, end_offset) VALUES(?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, impl_->organization_ids.at(m.organization));
        s.bind(2, resolution_id);
        bind_id(s, 3, paragraph_id(m.paragraph));
        s.bindNoCopy(4, m.surface);
        s.bindNoCopy(5, m.rule_id);
        s.bind(6, static_cast<std::int64_t>(m.span.begin));
        s.bind(7, static_cast<std::int64_t>(m.span.end));
        s.exec();
      }
      for (const auto& c : r.citations) {
        auto& s = impl_->statement(
            "INSERT INTO citations(resolution_id, paragraph_id, footnote_id, kind, target, cited_date, surface, rule_id, "
            "start_offset, end_offset) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, resolution_id);
        bind_id(s, 2, paragraph_id(c.paragraph));
        bind_id(s, 3, footnote_id(c.footnote));
        s.bindNoCopy(4, c.kind);
        s.bindNoCopy(5, c.target);
        bind_text(s, 6, c.cited_date);
        s.bindNoCopy(7, c.surface);
        s.bindNoCopy(8, c.rule_id);
        s.bind(9, static_cast<std::int64_t>(c.span.begin));
        s.bind(10, static_cast<std::int64_t>(c.span.end));
        s.exec();
      }
      for (const auto& d : r.deadlines) {
        auto& s = impl_->statement(
            "INSERT INTO deadlines(resolution_id, paragraph_id, kind, session, due_year, due_date, requested_of, body, "
            "subject, rule_id, start_offset, end_offset) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, resolution_id);
        s.bind(2, paragraph_ids.at(d.paragraph));
        s.bindNoCopy(3, d.kind);
        bind_opt(s, 4, d.session);
        bind_opt(s, 5, d.due_year);
        bind_text(s, 6, d.due_date);
        bind_text(s, 7, d.requested_of);
        bind_text(s, 8, d.body);
        bind_text(s, 9, d.subject);
        s.bindNoCopy(10, d.rule_id);
        s.bind(11, static_cast<std::int64_t>(d.span.begin));
        s.bind(12, static_cast<std::int64_t>(d.span.end));
        s.exec();
      }
    }
  }
}

void Database::touch_document(const std::string& path, const SourceStamp& stamp) {
  try {
    auto& s = impl_->statement("UPDATE documents SET mtime_ns = ? WHERE path = ?");
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
    forget_document(path);
    auto& doc = impl_->statement(
        "INSERT INTO documents(path, content_hash, size_bytes, status, mtime_ns, rules_hash) "
        "VALUES(?, ?, ?, 'rejected', ?, ?)");
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
