#include "store/run_log.h"

#include "errors.h"
#include "store/connection.h"
#include "store/database.h"
#include "text.h"

namespace unres {

std::int64_t begin_run(Database& db, const std::string& rules_hash) {
  try {
    auto& s = db.connection().statement(
        "INSERT INTO ingest_runs(started_at, status, rules_hash, tool_version) VALUES(?, 'running', ?, ?)");
    s.bind(1, utc_now("%Y-%m-%dT%H:%M:%SZ"));
    s.bind(2, rules_hash);
    s.bind(3, std::string(UNRES_VERSION));
    s.exec();
    return db.connection().db.getLastInsertRowid();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot record the run: ") + e.what());
  }
}

void finish_run(Database& db, std::int64_t run, const RunCounts& c, const std::string& status) {
  std::string rows = "{";
  for (const auto& [table, n] : row_counts(db)) rows += (rows.size() > 1 ? ", \"" : "\"") + table + "\": " + std::to_string(n);
  rows += "}";
  try {
    auto& s = db.connection().statement(
        "UPDATE ingest_runs SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, files_skipped = ?, "
        "files_quarantined = ?, resolutions = ?, row_counts = ? WHERE id = ?");
    s.bind(1, utc_now("%Y-%m-%dT%H:%M:%SZ"));
    s.bind(2, status);
    s.bind(3, c.seen);
    s.bind(4, c.loaded);
    s.bind(5, c.skipped);
    s.bind(6, c.quarantined);
    s.bind(7, c.resolutions);
    s.bind(8, rows);
    s.bind(9, run);
    s.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot record the run: ") + e.what());
  }
}

std::map<std::string, std::int64_t> row_counts(Database& db) {
  std::vector<std::string> tables = {"documents", "quarantine"};
  for (const auto& t : db.tables().tables()) tables.push_back(t.name);
  std::map<std::string, std::int64_t> out;
  try {
    // Table names come from the registry, never from input.
    for (const auto& t : tables) out[t] = db.connection().db.execAndGet("SELECT count(*) FROM " + t).getInt64();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot count rows: ") + e.what());
  }
  return out;
}

std::unordered_map<std::string, KnownDocument> known_documents(Database& db) {
  std::unordered_map<std::string, KnownDocument> out;
  try {
    SQLite::Statement q(db.connection().db,
                        "SELECT path, content_hash, coalesce(rules_hash, ''), status, size_bytes, coalesce(mtime_ns, 0), "
                        "missing_since IS NOT NULL, CASE status WHEN 'rejected' THEN coalesce((SELECT reason FROM "
                        "quarantine q WHERE q.path = d.path ORDER BY q.id DESC LIMIT 1), '') ELSE '' END "
                        "FROM documents d");
    while (q.executeStep())
      out[q.getColumn(0).getString()] = {q.getColumn(1).getString(), q.getColumn(2).getString(),
                                         q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64(),
                                         q.getColumn(6).getInt() != 0, q.getColumn(7).getString()};
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read documents: ") + e.what());
  }
  return out;
}

std::vector<std::string> loaded_symbols(Database& db) {
  std::vector<std::string> out;
  try {
    SQLite::Statement q(db.connection().db, "SELECT symbol FROM resolutions");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read resolutions: ") + e.what());
  }
  return out;
}

std::vector<QuarantineRow> quarantine_rows(Database& db) {
  std::vector<QuarantineRow> out;
  try {
    SQLite::Statement q(db.connection().db,
                        "SELECT coalesce(run_id, 0), path, stage, coalesce(line, 0), reason, coalesce(excerpt, ''), "
                        "recorded_at FROM quarantine ORDER BY id");
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(),
                     q.getColumn(3).getInt64()});
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read quarantine: ") + e.what());
  }
  return out;
}

}  // namespace unres
