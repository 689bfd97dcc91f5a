// golden_dump: the tables of an unres database as sorted TSV files, one per table, derived from
// the table registry (model/tables.h), so that a table added there is dumped with no edit here:
//   golden_dump DB OUTDIR [ROOT]
// documents, then every registered table in registry order with every registered column, then
// quarantine. No autoincrement id is printed: a column that refers to a row (a foreign key that
// sql/schema.sql declares, or the table's parent column) shows that row's key instead — a
// document's path (the part after ROOT, so that the files do not depend on where the project is
// checked out), an organization's name, a row of a keyed table its stable key
// (Table::stable_key, within its parent's or nest's key: "A/RES/78/1 en / operative 5 / operative 1").
// Rows are sorted by their values (numbers as numbers), so that the files are stable across runs.
// Used by tests/golden/run.sh (ctest label golden, scripts/update-golden.sh).
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/tables.h"

namespace {

using unres::Table;
using unres::TableRegistry;

// A cell: NULL (printed empty), a whole number, or text.
struct Cell {
  std::optional<long long> number;
  std::string text;
  bool null = false;
  bool operator<(const Cell& other) const {
    if (null != other.null) return null;  // NULL first
    if (number && other.number) return *number < *other.number;
    if (number.has_value() != other.number.has_value()) return number.has_value();  // numbers before text
    return text < other.text;
  }
};
using Row = std::vector<Cell>;

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error(path + ": " + sqlite3_errmsg(db_));
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Every row of `sql` (names from the registry and the catalog, never from input).
  std::vector<Row> rows(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    std::vector<Row> out;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Row row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        Cell cell;
        const int type = sqlite3_column_type(s, c);
        cell.null = type == SQLITE_NULL;
        if (type == SQLITE_INTEGER) cell.number = sqlite3_column_int64(s, c);
        if (!cell.null) cell.text = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
        row.push_back(std::move(cell));
      }
      out.push_back(std::move(row));
    }
    const bool ok = rc == SQLITE_DONE;
    sqlite3_finalize(s);
    if (!ok) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

// The key of each row of a table, by id.
using Keys = std::map<long long, std::string>;

std::string without_root(const std::string& path, const std::string& root) {
  return !root.empty() && path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
}

class Dumper {
 public:
  Dumper(Db& db, const TableRegistry& registry, std::string root) : db_(db), registry_(registry), root_(std::move(root)) {
    for (const auto& row : db_.rows("SELECT id, path FROM documents"))
      keys_["documents"][*row[0].number] = without_root(row[1].text, root_);
    for (const auto& row : db_.rows("SELECT id, name FROM organizations")) keys_["organizations"][*row[0].number] = row[1].text;
    for (const auto& table : registry_.tables())
      if (!table.stable_key.empty()) read_keys(table);
  }

  // The registered table `table`, every column, links shown as keys.
  void dump(const Table& table, const std::filesystem::path& out) {
    std::map<std::string, std::string> links;  // column -> the table it refers to
    for (const auto& fk : db_.rows("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('" + table.name + "')"))
      links[fk[0].text] = fk[1].text;
    links.emplace(table.parent_column, table.parent_table);
    std::string select, header;
    for (const auto& c : table.columns) {
      select += (select.empty() ? "" : ", ") + c.name;
      header += (header.empty() ? "" : "\t") + c.name;
    }
    auto rows = db_.rows("SELECT " + select + " FROM " + table.name);
    for (auto& row : rows)
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto link = links.find(table.columns[c].name);
        if (link == links.end() || row[c].null) continue;
        row[c] = Cell{std::nullopt, key_of(link->second, *row[c].number, table.name + "." + link->first), false};
      }
    write(out / (table.name + ".tsv"), header, std::move(rows));
  }

  // A table of the store's own (not registered): the columns given.
  void dump_plain(const std::string& table, const std::vector<std::string>& columns, const std::filesystem::path& out) {
    std::string select, header;
    for (const auto& c : columns) {
      select += (select.empty() ? "" : ", ") + c;
      header += (header.empty() ? "" : "\t") + c;
    }
    auto rows = db_.rows("SELECT " + select + " FROM " + table);
    for (auto& row : rows)
      if (columns[0] == "path") row[0].text = without_root(row[0].text, root_);
    write(out / (table + ".tsv"), header, std::move(rows));
  }

 private:
  const std::string& key_of(const std::string& table, long long id, const std::string& where) {
    const auto keys = keys_.find(table);
    if (keys == keys_.end())
      throw std::runtime_error(where + " refers to " + table + ", which has no stable key to show instead of its ids");
    const auto key = keys->second.find(id);
    if (key == keys->second.end()) throw std::runtime_error(where + ": no row " + std::to_string(id) + " in " + table);
    return key->second;
  }

  // The stable key of every row of a keyed table: its nest's key or its parent's, then its own
  // key columns (Table::stable_key). Parents come before children in the registry.
  void read_keys(const Table& table) {
    std::string select = "SELECT id, " + table.parent_column + ", " +
                         (table.stable_key.nested_in.empty() ? std::string("NULL") : table.stable_key.nested_in);
    for (const auto& c : table.stable_key.columns) select += ", " + c;
    std::map<long long, Row> rows;
    for (auto& row : db_.rows(select + " FROM " + table.name)) rows[*row[0].number] = std::move(row);
    Keys& keys = keys_[table.name];
    const std::function<std::string(long long)> key = [&](long long id) -> std::string {
      if (const auto k = keys.find(id); k != keys.end()) return k->second;
      const Row& row = rows.at(id);
      std::string own;
      for (std::size_t c = 3; c < row.size(); ++c) own += (c > 3 ? " " : "") + row[c].text;
      std::string scope;
      if (!row[2].null) scope = key(*row[2].number);
      else if (table.parent_table != "documents") scope = key_of(table.parent_table, *row[1].number, table.name);
      return keys[id] = scope.empty() ? own : scope + " / " + own;
    };
    for (const auto& [id, row] : rows) key(id);
  }

  static void write(const std::filesystem::path& file, const std::string& header, std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end());
    std::ofstream out(file, std::ios::binary);
    out << header << "\n";
    for (const auto& row : rows) {
      for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "\t" : "") << row[c].text;
      out << "\n";
    }
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }

  Db& db_;
  const TableRegistry& registry_;
  const std::string root_;
  std::map<std::string, Keys> keys_;  // by table
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: golden_dump DB OUTDIR [ROOT]\n";
    return 2;
  }
  try {
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out);
    Db db(argv[1]);
    const auto& registry = TableRegistry::builtin();
    Dumper dumper(db, registry, argc == 4 ? argv[3] : "");
    dumper.dump_plain("documents", {"path", "status", "format", "size_bytes", "content_hash"}, out);
    for (const auto& table : registry.tables()) dumper.dump(table, out);
    dumper.dump_plain("quarantine", {"path", "stage", "line", "reason", "excerpt"}, out);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "golden_dump: " << e.what() << "\n";
    return 1;
  }
}
