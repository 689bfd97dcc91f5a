#pragma once
// Stage 6, load: the only user of SQLiteCpp. Owns the connection, the schema (sql/schema.sql,
// embedded) and every write. All values are bound parameters.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "errors.h"
#include "extract.h"
#include "source.h"

namespace unres {

inline constexpr int kSchemaVersion = 1;

struct RunCounts {
  std::int64_t seen = 0, loaded = 0, skipped = 0, quarantined = 0, resolutions = 0;
};

struct QuarantineRow {
  std::int64_t run_id;
  std::string path, stage, reason, excerpt, recorded_at;
  std::int64_t line;
};

class Database {
 public:
  // Opens or creates the database and brings its schema up to date. Throws DatabaseError when it
  // cannot be opened or written, or when its schema is newer than this program's.
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Makes the organizations table match the gazetteer (inserts new names, updates the rest).
  void sync_organizations(const Gazetteer& gazetteer);

  std::int64_t begin_run(const std::string& rules_hash);
  void finish_run(std::int64_t run, const RunCounts& counts, const std::string& status);

  // Replaces every row loaded from `file.path` by these resolutions, in one transaction.
  // Throws InputError (stage "load") when a symbol is already loaded from another file.
  void load_document(const SourceFile& file, const std::string& format,
                     const std::vector<ResolutionRecord>& resolutions, const std::string& rules_hash);
  // Records a rejected file: a quarantine row, and the file's document row marked 'rejected'.
  void quarantine(std::int64_t run, const std::string& path, const std::string& content_hash,
                  std::int64_t size, const InputError& error);

  std::vector<QuarantineRow> quarantine_rows();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unres
