#include "store/table_sql.h"

#include "errors.h"
#include "store/full_text.h"

namespace unres {

namespace {

// The ids of the rows of `table` loaded from document ?1, as SQL (names from the registry, never
// from input): through its parents up to the document.
std::string owned_ids(const TableRegistry& registry, const std::string& table);

// The condition on a row of `table` that it was loaded from document ?1.
std::string owned_rows(const TableRegistry& registry, const Table& table) {
  return table.parent_column + " IN (" + owned_ids(registry, table.parent_table) + ")";
}

std::string owned_ids(const TableRegistry& registry, const std::string& table) {
  if (table == "documents") return "?1";
  const Table* t = registry.find(table);
  if (!t) throw DatabaseError("table " + table + " is not registered");
  return "SELECT id FROM " + t->name + " WHERE " + owned_rows(registry, *t);
}

std::vector<KeyPlan> plan_keys(const TableRegistry& registry) {
  const auto& all = registry.tables();
  std::vector<KeyPlan> plans(all.size());
  const auto index_of = [](const Table& t, const std::string& column) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].name == column) return c;
    throw DatabaseError("table " + t.name + ": stable key column " + column + " is not one of its columns");
  };
  for (std::size_t t = 0; t < all.size(); ++t) {
    const Table& table = all[t];
    if (table.stable_key.empty()) continue;
    KeyPlan& plan = plans[t];
    plan.keyed = true;
    plan.parent_column = index_of(table, table.parent_column);
    if (table.parent_table != "documents") {
      for (std::size_t p = 0; p < t; ++p)
        if (all[p].name == table.parent_table && plans[p].keyed) plan.parent = p;
      if (!plan.parent) throw DatabaseError("table " + table.name + ": a stable key needs a keyed parent table");
    }
    // Names from the registry, never from input.
    std::string select = "SELECT id, " + table.parent_column + ", ";
    if (!table.stable_key.nested_in.empty()) {
      plan.nested = index_of(table, table.stable_key.nested_in);
      select += table.stable_key.nested_in;
    } else {
      select += "NULL";
    }
    for (const auto& column : table.stable_key.columns) {
      plan.columns.push_back(index_of(table, column));
      select += ", " + column;
    }
    plan.old_rows = select + " FROM " + table.name + " WHERE " + owned_rows(registry, table);
    plan.fresh_id = "SELECT coalesce(max(id), 0) + 1 FROM " + table.name;
  }
  return plans;
}

}  // namespace

TableSql plan_table_sql(const TableRegistry& registry) {
  TableSql sql;
  sql.tables = &registry;
  // Every statement is built from the registry's names, never from input.
  const auto& all = registry.tables();
  for (const auto& t : all) {
    std::string columns, marks;
    for (const auto& c : t.columns) {
      columns += (columns.empty() ? "" : ", ") + c.name;
      marks += marks.empty() ? "?" : ", ?";
    }
    // The id last: NULL lets SQLite choose; a reload gives rows their old ids (StableIds).
    sql.inserts.push_back("INSERT INTO " + t.name + "(" + columns + ", id) VALUES(" + marks + ", ?)");
  }
  sql.key_plans = plan_keys(registry);
  // A document's paragraphs leave the full-text indexes first (an external-content index needs
  // their text), then the rows, children before parents (what ON DELETE CASCADE would do with the
  // checks on).
  for (const auto& t : all)
    if (t.full_text)
      for (auto& removal : full_text_removals("SELECT id FROM " + t.name + " WHERE " + owned_rows(registry, t)))
        sql.forget.push_back(std::move(removal));
  for (auto t = all.rbegin(); t != all.rend(); ++t)
    sql.forget.push_back("DELETE FROM " + t->name + " WHERE " + owned_rows(registry, *t));
  sql.forget.push_back("DELETE FROM document_texts WHERE document_id = ?1");
  sql.forget.push_back("DELETE FROM documents WHERE id = ?1");
  return sql;
}

}  // namespace unres
