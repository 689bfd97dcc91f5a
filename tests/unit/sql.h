#pragma once
// Plain SQLite for the tests' checks of a database (not the code under test): rows as text.
#include <filesystem>
#include <string>
#include <vector>

struct sqlite3;

namespace unres::test {

// A read-write handle on a database file. It knows cut(text, begin, end): the bytes [begin, end) of
// text, as the stored offsets count bytes (SQLite's substr counts characters).
class Sql {
 public:
  explicit Sql(const std::filesystem::path& file);
  ~Sql();
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;

  // The rows of `query`, each as its columns joined by '|' (NULL as "NULL"); throws on an error.
  std::vector<std::string> rows(const std::string& query);
  // The only row of `query`; throws unless there is exactly one.
  std::string one(const std::string& query);
  long long count(const std::string& table);
  // Runs `sql`; throws with SQLite's message when it fails.
  void exec(const std::string& sql);
  // Runs `sql`; false when it fails (for statements a test expects the schema to refuse).
  bool try_exec(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
};

// Sql(file).rows(query) and Sql(file).one(query), for a single look.
std::vector<std::string> rows(const std::filesystem::path& file, const std::string& query);
std::string one(const std::filesystem::path& file, const std::string& query);

}  // namespace unres::test
