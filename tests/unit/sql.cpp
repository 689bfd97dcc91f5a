#include "sql.h"

#include <sqlite3.h>

#include <stdexcept>

namespace unres::test {
namespace {

void cut(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* text = static_cast<const char*>(sqlite3_value_blob(args[0]));
  const int size = sqlite3_value_bytes(args[0]);
  const auto begin = sqlite3_value_int64(args[1]), end = sqlite3_value_int64(args[2]);
  if (!text || begin < 0 || end < begin || end > size) return sqlite3_result_null(context);
  sqlite3_result_text(context, text + begin, static_cast<int>(end - begin), SQLITE_TRANSIENT);
}

}  // namespace

Sql::Sql(const std::filesystem::path& file) {
  if (sqlite3_open(file.string().c_str(), &db_) != SQLITE_OK) {
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + file.string());
  }
  sqlite3_create_function(db_, "cut", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &cut, nullptr, nullptr);
}

Sql::~Sql() { sqlite3_close(db_); }

std::vector<std::string> Sql::rows(const std::string& query) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + ": " + query);
  std::vector<std::string> out;
  int step;
  while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i) row += '|';
      const auto* text = sqlite3_column_text(stmt, i);
      row += text ? reinterpret_cast<const char*>(text) : "NULL";
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  if (step != SQLITE_DONE) throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + ": " + query);
  return out;
}

std::string Sql::one(const std::string& query) {
  const auto r = rows(query);
  if (r.size() != 1) throw std::runtime_error("expected one row: " + query);
  return r[0];
}

long long Sql::count(const std::string& table) { return std::stoll(one("SELECT count(*) FROM " + table)); }

void Sql::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "?";
    sqlite3_free(error);
    throw std::runtime_error(message + ": " + sql);
  }
}

bool Sql::try_exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

std::vector<std::string> rows(const std::filesystem::path& file, const std::string& query) { return Sql(file).rows(query); }
std::string one(const std::filesystem::path& file, const std::string& query) { return Sql(file).one(query); }

}  // namespace unres::test
