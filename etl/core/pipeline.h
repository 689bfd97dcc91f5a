#pragma once
// The only place that knows the order of the stages:
// read -> normalize -> split -> segment -> extract -> load.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "extract.h"
#include "rules/ruleset.h"
#include "store/database.h"

namespace unres {

struct ParsedFile {
  std::string format;
  std::vector<ResolutionRecord> resolutions;
};

// Every stage but load, on one file already read. Pure: throws InputError for bad input.
ParsedFile parse(const SourceFile& file, const RuleSet& rules);

struct IngestOptions {
  std::vector<std::filesystem::path> inputs;  // files or directories (recursive)
  std::filesystem::path database = "unres.db";
  std::uintmax_t max_file_size = 64u << 20;
  bool verbose = false;
};

struct IngestResult {
  RunCounts counts;
  std::int64_t run_id = 0;
};

// Loads every input file; bad ones are quarantined and the run goes on.
// Throws DatabaseError when the database cannot be written.
IngestResult ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log);

}  // namespace unres
