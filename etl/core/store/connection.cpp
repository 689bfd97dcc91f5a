#include "store/connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <thread>

#include "embedded.h"
#include "errors.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/table_sql.h"

namespace unres {

namespace {
using Clock = std::chrono::steady_clock;
// How long a wait for a lock another process holds may last (docs/security.md, "busy timeout").
constexpr auto kBusyTimeout = std::chrono::milliseconds(10000);
}  // namespace

std::string_view embedded_sql(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  throw DatabaseError(std::string(path) + " is not embedded in this build");
}

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

Connection::Connection(const std::filesystem::path& file)
    // NOMUTEX: one thread (the writer) uses the connection, so SQLite's per-call locking is waste.
    : db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
  sqlite3_busy_handler(db.getHandle(), &Connection::on_busy, this);
}

void Connection::share_deadline(bool shared) {
  shared_deadline_ = shared;
  if (shared) deadline_ = Clock::now() + kBusyTimeout;
}

// The busy timeout. SQLite's own (sqlite3_busy_timeout) starts again at every statement, so
// opening the database, which is several statements, could wait several times 10 s (a lock held
// 15 s gave a 14 s wait and success): hence share_deadline().
int Connection::on_busy(void* self, int attempt) {
  auto& connection = *static_cast<Connection*>(self);
  const auto now = Clock::now();
  if (attempt == 0 && !connection.shared_deadline_) connection.deadline_ = now + kBusyTimeout;
  if (now >= connection.deadline_) return 0;  // SQLITE_BUSY: "database is locked"
  // Short sleeps first (a batch commits in milliseconds), then 100 ms, as SQLite's own handler.
  static constexpr int steps_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  const auto step = std::chrono::milliseconds(steps_ms[std::min<std::size_t>(attempt, std::size(steps_ms) - 1)]);
  std::this_thread::sleep_for(std::min<Clock::duration>(step, connection.deadline_ - now));
  return 1;
}

SQLite::Statement& Connection::statement(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(db, sql);
  // tryReset: reset() would re-throw the error of the statement's last failed run.
  (void)slot->tryReset();
  return *slot;
}

Database::Database(const std::filesystem::path& file, const TableRegistry& tables, bool allow_foreign)
    : tables_(&tables) {
  try {
    connection_ = std::make_unique<Connection>(file);
    table_sql_ = std::make_unique<const TableSql>(plan_table_sql(tables));
    open_schema(*connection_, file, tables, allow_foreign);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(file.string() + ": " + e.what());
  }
}

Database::~Database() = default;

}  // namespace unres
