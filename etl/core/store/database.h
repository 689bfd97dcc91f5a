#pragma once
// The store's writing side (ARCHITECTURE.md, "The store"). A Database is an open connection
// (store/connection.*, where it is defined) whose schema is up to date; what is done with it
// lives in its own unit, each taking the Database:
//   schema.h   creating and upgrading the schema, the index deferral of a first load;
//   run_log.h  the runs (ingest_runs), what is known of each file, the quarantine rows;
//   writer.h   the gazetteer, batches, and a WriterSession that writes, replaces and quarantines
//              the documents of one run.
// All values are bound parameters.
#include <filesystem>
#include <memory>

#include "model/tables.h"

namespace unres {

class Connection;  // store/connection.h: internal to the store
struct TableSql;   // store/table_sql.h: internal to the store

class Database {
 public:
  // Opens or creates the database and brings its schema up to date (schema.h). Throws
  // DatabaseError when it cannot be opened or written, when its schema is newer than this
  // program's, or when it holds another application's tables (unless allow_foreign: then unres's
  // tables are added beside them).
  // `tables`: the tables documents are written to (TableRegistry::builtin() but in tests); it must
  // outlive the Database.
  explicit Database(const std::filesystem::path& file, const TableRegistry& tables = TableRegistry::builtin(),
                    bool allow_foreign = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // For the store's units.
  const TableRegistry& tables() const { return *tables_; }
  Connection& connection() { return *connection_; }
  const TableSql& table_sql() const { return *table_sql_; }

 private:
  const TableRegistry* tables_;
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<const TableSql> table_sql_;  // derived from `tables`, as long as the connection
};

}  // namespace unres
