// unres ingest [--db FILE] [--rules DIR] PATH...
#include <iostream>
#include <memory>

#include "commands.h"
#include "pipeline.h"

namespace unres::cli {

Command add_ingest(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", rules;
    std::vector<std::string> paths;
    IngestOptions options;
  };
  auto a = std::make_shared<Args>();
  auto* ingest = parent.add_subcommand("ingest", "Load resolution files (or directories, recursively) into the database");
  ingest->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  ingest->add_option("--rules", a->rules, "Directory of rule files (default: the rules built in)");
  ingest->add_option("--max-file-size", a->options.max_file_size, "Larger files are quarantined (bytes)")
      ->capture_default_str();
  ingest->add_flag("-v,--verbose", a->options.verbose, "Log every file loaded");
  ingest->add_option("paths", a->paths, "Files or directories")->required();
  return {ingest, [a] {
            const RuleSet ruleset = load_rules_from(a->rules);
            a->options.database = a->db;
            for (const auto& p : a->paths) a->options.inputs.emplace_back(p);
            const auto result = unres::ingest(ruleset, a->options, std::cerr);
            const auto& c = result.counts;
            std::cerr << "unres: run " << result.run_id << ": " << c.seen << " file(s) seen, " << c.loaded
                      << " loaded, " << c.quarantined << " quarantined, " << c.resolutions << " resolution(s)\n";
            return c.quarantined ? kExitQuarantined : kExitOk;
          }};
}

}  // namespace unres::cli
