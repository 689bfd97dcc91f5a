#pragma once
// Stage 6, load: the only user of SQLiteCpp. Owns the connection, the schema (sql/schema.sql,
// embedded) and every write. All values are bound parameters.
#include <cstdint>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "errors.h"
#include "model/records.h"
#include "model/tables.h"
#include "rules/ruleset.h"
#include "source.h"

namespace unres {

struct SourcePlan;  // store/sources.h

inline constexpr int kSchemaVersion = 1;

// Identifies the schema and views this build creates; stored in the meta table, so that a
// database already up to date is opened without writing (and a reader never waits for a writer).
std::string schema_fingerprint();

struct RunCounts {
  std::int64_t seen = 0, loaded = 0, skipped = 0, quarantined = 0, resolutions = 0;
};

struct QuarantineRow {
  std::int64_t run_id;
  std::string path, stage, reason, excerpt, recorded_at;
  std::int64_t line;
};

// What the database remembers of a file: enough to skip it when nothing changed.
struct KnownDocument {
  std::string content_hash, rules_hash, status;
  std::int64_t size_bytes = 0, mtime_ns = 0;
  bool missing = false;       // its file was not found by an earlier run (documents.missing_since)
  std::string last_reason;    // rejected: the reason of its latest quarantine row
};

// Published records of symbols another loaded file also has a record of (see records_elsewhere).
struct RecordsElsewhere {
  std::string path;                  // the other file
  std::vector<std::string> symbols;  // the symbols both have
};

class Database {
 public:
  // Opens or creates the database and brings its schema up to date. Throws DatabaseError when it
  // cannot be opened or written, when its schema is newer than this program's, or when it holds
  // another application's tables (unless allow_foreign: then unres's tables are added beside them).
  // `tables`: the tables documents are written to (TableRegistry::builtin() but in tests).
  explicit Database(const std::filesystem::path& file, const TableRegistry& tables = TableRegistry::builtin(),
                    bool allow_foreign = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Makes the organizations table match the gazetteer (inserts new names, updates the rest).
  void sync_organizations(const Gazetteer& gazetteer);

  // Every file loaded or rejected so far, by path.
  std::unordered_map<std::string, KnownDocument> known_documents();

  std::int64_t begin_run(const std::string& rules_hash);
  // status: completed, completed_with_quarantine, interrupted or failed. Records rows per table.
  void finish_run(std::int64_t run, const RunCounts& counts, const std::string& status);
  // Rows per table of the schema contract, for run records and reports.
  std::map<std::string, std::int64_t> row_counts();

  // A write transaction: the documents loaded or quarantined while it lives commit together;
  // destroyed without commit(), it rolls back (so a document is never half-written).
  class Batch {
   public:
    explicit Batch(Database& db);
    ~Batch();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    void commit();

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };

  // Inside a Batch: replaces every row loaded from `file.path` by the document's. Rows whose
  // stable key (Table::stable_key; docs/schema.md) is unchanged get the ids they had, and so does
  // the document (by path).
  // A symbol held by another document of the same kind (XML, PDF, text) whose file no longer
  // exists (or is this very file under another spelling, e.g. a relative path stored by an older
  // unres) moves to this file: that document is replaced, and its path is returned. A symbol held
  // by a source of another kind is decided by precedence (store/sources.h): this document's rows
  // replace that resolution's, or only its link is written. Throws InputError (stage "load") when
  // a symbol is held by another existing file of the same kind; nothing is written then.
  std::vector<std::string> load_document(const SourceFile& file, const Document& document, const std::string& rules_hash);
  // Inside a Batch: records the new modification time of a file whose bytes did not change (and
  // that it is there: a missing mark is cleared).
  // The symbols of `document`'s published records that other loaded files also have records of,
  // by file. All are kept; the views read the record of the file loaded last (docs/schema.md).
  std::vector<RecordsElsewhere> records_elsewhere(const std::string& path, const Document& document);
  void touch_document(const std::string& path, const SourceStamp& stamp);
  // Inside a Batch: marks files that are gone (documents.missing_since = now, if not set yet).
  // Their rows stay: an absent mount must not lose data; `unres forget` removes them. But a
  // resolution another file is a source of is taken over by it: that file is marked to be read
  // again (stale_documents), and a gone file's link to a resolution it is not chosen for goes.
  void mark_missing(const std::vector<std::string>& paths);
  // Inside a Batch, after a run: the `action` of each lead phrase of a translation of `symbols`
  // (and of any symbol whose English resolution went since it took its action) is that of the lead
  // phrase of the aligned English paragraph (same kind, same ordinal; paragraph N of a translation
  // is paragraph N of the English), action_source 'english', when the English resolution is loaded,
  // has as many top-level paragraphs of each kind and its phrase is in the English lexicon; else the
  // lexicon's of its language (action_source 'lexicon'). Returns the rows changed.
  std::int64_t align_actions(const std::vector<std::string>& symbols, const RuleSet& rules);
  // Inside a Batch: removes every row of the document at `path` and its quarantine rows (unres
  // forget). False when the database holds no such path.
  bool forget(const std::string& path);
  // Files to read again in this run: each is a source of a resolution whose chosen source stopped
  // holding it (changed, rejected, forgotten or gone; store/sources.h), by path, the ones there.
  std::vector<std::string> stale_documents();
  // Symbols of every resolution loaded, for telling the new ones of a run.
  std::vector<std::string> symbols();
  // Inside a Batch: a quarantine row, and the file's document row marked 'rejected' (its earlier
  // rows removed: they no longer describe the file).
  void quarantine(std::int64_t run, const std::string& path, const SourceStamp& stamp,
                  const std::string& rules_hash, const InputError& error);

  std::vector<QuarantineRow> quarantine_rows();

  // A first load into an empty database: the secondary indexes are dropped, to be built once by
  // build_indexes() (sorting once is far cheaper than updating them row by row), and the
  // full-text index does not merge its segments meanwhile. Readers see complete rows throughout.
  // Should the load stop before build_indexes(), the next open of the database builds them.
  void defer_indexes();
  void build_indexes();

 private:
  // Removes every row loaded from `path`, its full-text entries included; returns the document's
  // id (none: the database held no such path).
  std::optional<std::int64_t> forget_document(const std::string& path);
  // Writes the document in place of the rows of its earlier load, of the documents `sources` moves
  // here and of the resolutions it takes over; of the resolutions another source stands for,
  // only the link (Table::every_source).
  void write_document(const SourceFile& file, const Document& document, const std::string& rules_hash,
                      const SourcePlan& sources);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unres
