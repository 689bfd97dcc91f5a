#pragma once
// The only place that knows the order of the stages:
// read -> normalize -> split -> segment -> extract -> load.
// Parsing runs on `jobs` threads; one writer loads the results in input order.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "formats/format.h"
#include "model/records.h"
#include "model/tables.h"
#include "rules/ruleset.h"
#include "store/run_log.h"

namespace unres {

// Time spent in each stage, summed over threads (seconds).
struct StageTimes {
  double read = 0, normalize = 0, segment = 0, extract = 0, load = 0;
  double index = 0;  // building the indexes after a first load (defer_indexes, store/schema.h)
};

// Every stage but load, on one file already read (adding each stage's time to `times` if given),
// in the first of `formats` that detects it. Pure: throws InputError for bad input.
Document parse(const SourceFile& file, const RuleSet& rules, StageTimes* times = nullptr,
               const FormatRegistry& formats = FormatRegistry::builtin());

struct IngestProgress {
  std::int64_t done, total, resolutions;
  double seconds;
};

struct IngestOptions {
  std::vector<std::filesystem::path> inputs;  // files or directories (recursive)
  std::filesystem::path database = "unres.db";
  std::uintmax_t max_file_size = 64u << 20;
  bool verbose = false;
  bool quiet = false;              // no notice of a successful run's long steps (cron: mail only problems)
  bool force = false;              // re-process unchanged files too
  bool retry_quarantined = false;  // re-process unchanged files that were quarantined
  bool wait_for_lock = false;      // wait for another writer instead of failing
  bool allow_foreign_db = false;   // add unres's tables to a database holding another application's
  unsigned jobs = 0;               // parser threads; 0: the machine's cores
  std::size_t batch_size = 500;    // documents per transaction
  const std::atomic<bool>* cancel = nullptr;      // set by a signal handler: stop after the batch
  std::function<void(const IngestProgress&)> on_progress;  // called by the writer, ~5 times a second
  const FormatRegistry* formats = &FormatRegistry::builtin();  // the formats files are read in
  const TableRegistry* tables = &TableRegistry::builtin();     // the tables documents are written to
};

// A file of the run that is quarantined: rejected now, or still rejected since an earlier run
// (unchanged, so not tried again: `fresh` false).
struct QuarantinedInRun {
  std::string path, stage, reason;
  std::size_t line = 0;
  bool fresh = true;
};

struct IngestResult {
  RunCounts counts;     // counts.quarantined: rejected now, or still rejected (unchanged)
  std::int64_t run_id = 0;  // 0: the run was not recorded (the database could not be opened or locked)
  std::string status;   // completed, completed_with_quarantine, interrupted (failed: thrown)
  std::string started_at;  // UTC, ISO 8601
  std::int64_t stale = 0;  // files loaded under other rules, re-processed now
  std::int64_t published_records = 0;  // records of votes and sponsors loaded (records files)
  // What loaded files set aside without being rejected, "PATH: line 3: ..." (also logged).
  std::vector<std::string> warnings;
  // Each Member State name mappings/member_states.yaml lacks, with the files that use it.
  std::map<std::string, std::vector<std::string>> unknown_states;
  std::vector<std::string> new_symbols;       // resolutions the database did not hold before the run
  std::int64_t drafts_from_records = 0;       // resolutions whose draft_symbol changed from their records
  std::int64_t votes_from_records = 0;        // resolutions whose vote counts changed from their records
  std::int64_t aligned_actions = 0;           // translated lead phrases whose action changed source (align_actions)
  std::vector<QuarantinedInRun> quarantined;
  std::vector<std::string> missing;           // loaded before from under the inputs, not found now (rows kept)
  std::map<std::string, std::int64_t> rows;
  StageTimes times;
  double seconds = 0;
};

// Where a file's path is stored: absolute, symbolic links resolved (lexically normalized when it
// cannot be resolved: a dangling link, a loop), so that one file has one path whatever the
// working directory or the link it was reached through.
std::filesystem::path stored_path(const std::filesystem::path& path);

// Loads every input file; unchanged files are skipped, bad ones quarantined, and the run goes on.
// Files recorded under an input directory that no longer exist are marked missing (rows kept).
// Log lines (one per event) go to `log`. `result` is filled as the run goes, so that it holds what
// was done when an exception leaves. Throws DatabaseError when the database cannot be written.
void ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log, IngestResult& result);
IngestResult ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log);

}  // namespace unres
