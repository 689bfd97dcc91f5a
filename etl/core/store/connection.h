#pragma once
// Internal to etl/core/store (schema.cpp, run_log.cpp, writer.cpp): the one SQLite connection a
// Database (database.h, opened in connection.cpp) writes through, with its busy handler and its
// prepared statements. Not included outside the store: everything else sees plain values
// (database.h, schema.h, run_log.h, writer.h).
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/tables.h"

namespace unres {

// Page cache: 64 MiB, so that index pages stay in memory while rows are added to a database.
inline constexpr int kCacheSize = -65536;

// Bytes per page of a new database (schema.cpp, open_schema).
inline constexpr int kPageSize = 16384;

// The text of sql/schema.sql or sql/views.sql, embedded at build time.
std::string_view embedded_sql(std::string_view path);

// Binds text, or NULL for an empty string. The value must outlive the statement's execution
// (it is not copied).
void bind_text(SQLite::Statement& s, int index, const std::string& value);
void bind_value(SQLite::Statement& s, int index, const ColumnValue& value);

class Connection {
 public:
  explicit Connection(const std::filesystem::path& file);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  SQLite::Database db;

  // One prepared statement per SQL text, reused across rows. Keyed by the text's address: every
  // caller passes a string literal or a string that lives as long as the connection (TableSql),
  // so lookups never build a string. Every caller binds every parameter (NULL included), so the
  // previous row's bindings need no clearing.
  SQLite::Statement& statement(const char* sql);

  // While set, every wait for another process's lock counts against one deadline (opening the
  // database is several statements, which must not wait 10 s each); otherwise each statement's
  // wait gets the full busy timeout.
  void share_deadline(bool shared);

  bool indexes_deferred = false;  // a first load: see defer_indexes() (schema.h)

  // Paragraphs waiting to enter the full-text indexes, and the bytes of their text
  // (full_text.h: add_to_full_text, flush_full_text).
  std::vector<std::pair<std::int64_t, std::string>> full_text_queue;
  std::size_t full_text_queued_bytes = 0;

 private:
  static int on_busy(void* self, int attempt);
  std::chrono::steady_clock::time_point deadline_{};
  bool shared_deadline_ = false;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace unres
