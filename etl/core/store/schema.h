#pragma once
// The schema of an unres database: creating it, bringing an older one up to date (sql/schema.sql
// and sql/views.sql, embedded; the columns of the table registry), the journal mode, the
// fingerprint that lets a database already current open without a write, the refusal of another
// application's database, and the deferral of the indexes during a first load.
#include <filesystem>
#include <string>

namespace unres {

class Connection;
class Database;
class TableRegistry;

inline constexpr int kSchemaVersion = 1;

// Identifies the schema and views this build creates; stored in the meta table, so that a
// database already up to date is opened without writing (and a reader never waits for a writer).
std::string schema_fingerprint();

// A first load into an empty database: the secondary indexes are dropped, to be built once by
// build_indexes() (sorting once is far cheaper than updating them row by row), and the
// full-text index does not merge its segments meanwhile. Readers see complete rows throughout.
// Should the load stop before build_indexes(), the next open of the database builds them.
void defer_indexes(Database& db);
void build_indexes(Database& db);  // nothing to do unless defer_indexes() ran on `db`

// Database's constructor (store/connection.cpp): refuses another application's database (unless
// allow_foreign), sets the journal mode and the connection's settings, and brings the schema up
// to date in one transaction (nothing written when its fingerprint is current). Throws
// DatabaseError, or SQLite::Exception for the caller to name the file.
void open_schema(Connection& connection, const std::filesystem::path& file, const TableRegistry& tables,
                 bool allow_foreign);

}  // namespace unres
