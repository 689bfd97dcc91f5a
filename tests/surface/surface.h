#pragma once
// Shared by the surface tests: a database loaded from tests/data/seeds once per process, and the
// rows of a table or view as maps from column name to value.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/queries.h"

namespace unres::test {

// The seeds loaded into a fresh database (the one the README builds).
const std::filesystem::path& seeds_database();

// Loads `inputs` into `database` with the default rules.
void ingest_into(const std::filesystem::path& database, const std::vector<std::filesystem::path>& inputs);

using Row = std::map<std::string, Value>;
std::vector<Row> rows_of(Queries& queries, const std::string& object);

std::string text(const Value& v);  // "" for NULL
std::int64_t integer(const Value& v);  // throws unless an integer
bool is_null(const Value& v);

}  // namespace unres::test
