#include "surface.h"

#include <sstream>
#include <stdexcept>
#include <variant>

#include "common.h"
#include "pipeline.h"

namespace unres::test {

void ingest_into(const std::filesystem::path& database, const std::vector<std::filesystem::path>& inputs) {
  IngestOptions options;
  options.inputs = inputs;
  options.database = database;
  std::ostringstream log;
  const auto result = ingest(default_rules(), options, log);
  if (result.counts.quarantined != 0) throw std::runtime_error("quarantined input: " + log.str());
}

const std::filesystem::path& seeds_database() {
  // Lives as long as the process: every test reads it, none writes it.
  static const TempDir dir;
  static const std::filesystem::path db = [] {
    const auto path = dir / "seeds.db";
    ingest_into(path, {data_dir() / "seeds"});
    return path;
  }();
  return db;
}

std::vector<Row> rows_of(Queries& queries, const std::string& object) {
  std::vector<std::string> columns;
  for (const auto& o : queries.objects())
    if (o.name == object) columns = o.columns;
  std::vector<Row> out;
  queries.for_each_row(object, [&](const std::vector<Value>& values) {
    Row row;
    for (std::size_t i = 0; i < values.size(); ++i) row[columns.at(i)] = values[i];
    out.push_back(std::move(row));
  });
  return out;
}

std::string text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return {};
}

std::int64_t integer(const Value& v) { return std::get<std::int64_t>(v); }

bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace unres::test
