#pragma once
// The run log of a database: a row of ingest_runs per run (begun, then finished with its counts
// and the rows per table), and what the database remembers of earlier runs: each file's record
// (to skip the unchanged ones), the quarantine rows, the symbols loaded. The quarantine rows are
// written by the WriterSession (writer.h), with the document row they replace.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace unres {

class Database;

struct RunCounts {
  std::int64_t seen = 0, loaded = 0, skipped = 0, quarantined = 0, resolutions = 0;
};

struct QuarantineRow {
  std::int64_t run_id;
  std::string path, stage, reason, excerpt, recorded_at;
  std::int64_t line;
};

// What the database remembers of a file: enough to skip it when nothing changed.
struct KnownDocument {
  std::string content_hash, rules_hash, status;
  std::int64_t size_bytes = 0, mtime_ns = 0;
  bool missing = false;       // its file was not found by an earlier run (documents.missing_since)
  std::string last_reason;    // rejected: the reason of its latest quarantine row
};

// A new run, 'running' until finish_run(); returns its id.
std::int64_t begin_run(Database& db, const std::string& rules_hash);
// status: completed, completed_with_quarantine, interrupted or failed. Records rows per table.
void finish_run(Database& db, std::int64_t run, const RunCounts& counts, const std::string& status);
// Rows per table of the schema contract, for run records and reports.
std::map<std::string, std::int64_t> row_counts(Database& db);

// Every file loaded or rejected so far, by path.
std::unordered_map<std::string, KnownDocument> known_documents(Database& db);
// Symbols of every resolution loaded, for telling the new ones of a run.
std::vector<std::string> loaded_symbols(Database& db);
std::vector<QuarantineRow> quarantine_rows(Database& db);

}  // namespace unres
