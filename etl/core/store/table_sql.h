#pragma once
// Internal to etl/core/store: the SQL the writer derives from the table registry, once per
// Database (model/tables.h): each table's INSERT, the deletes of a document's rows, and the reads
// of its keyed rows (stable ids on reload). Names come from the registry, never from input.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/tables.h"

namespace unres {

// How the rows of a registered table are keyed across reloads (Table::stable_key), resolved
// once per registry: column indices, and the SQL that reads a document's keyed rows.
struct KeyPlan {
  bool keyed = false;
  std::vector<std::size_t> columns;    // the key columns, as indices into Table::columns
  std::optional<std::size_t> nested;   // the nested_in column
  std::size_t parent_column = 0;       // Table::parent_column
  std::optional<std::size_t> parent;   // the parent table (registry index); none: documents
  std::string old_rows;  // SELECT id, parent id, nested id, key columns of the rows of document ?1
  std::string fresh_id;  // the id above every id of the table
};

struct TableSql {
  const TableRegistry* tables = nullptr;
  std::vector<std::string> inserts;  // by registry table: columns, then the id
  std::vector<std::string> forget;   // what removes a document's rows, in order (?1: its id)
  std::vector<KeyPlan> key_plans;    // by registry table
};

// Throws DatabaseError when a table's stable key names a column it lacks, or lacks a keyed parent.
TableSql plan_table_sql(const TableRegistry& registry);

}  // namespace unres
