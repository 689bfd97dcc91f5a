// The unres command line: a thin layer over the unres_core library. The only user of CLI11.
//
// Exit codes: 0 every input loaded; 1 finished, but some input was quarantined; 2 bad usage or
// bad rules (nothing written); 3 the database could not be opened or written; 4 internal error.
#include <CLI/CLI.hpp>

#include <iostream>

#include "errors.h"
#include "pipeline.h"
#include "rules/check.h"
#include "rules/loader.h"

namespace {

constexpr int kExitOk = 0, kExitQuarantined = 1, kExitUsage = 2, kExitDatabase = 3, kExitInternal = 4;

unres::RuleSet load(const std::string& rules_dir) {
  return unres::load_rules(rules_dir.empty() ? unres::default_rule_sources() : unres::read_rule_sources(rules_dir));
}

int run(int argc, char** argv) {
  CLI::App app{"unres: United Nations resolutions -> SQLite"};
  app.set_version_flag("--version", std::string("unres ") + UNRES_VERSION);
  app.require_subcommand(1);

  std::string db = "unres.db", rules_dir;
  std::vector<std::string> inputs;
  unres::IngestOptions options;

  auto* ingest = app.add_subcommand("ingest", "Load resolution files (or directories, recursively) into the database");
  ingest->add_option("--db", db, "SQLite database file")->capture_default_str();
  ingest->add_option("--rules", rules_dir, "Directory of rule files (default: the rules built in)");
  ingest->add_option("--max-file-size", options.max_file_size, "Larger files are quarantined (bytes)")->capture_default_str();
  ingest->add_flag("-v,--verbose", options.verbose, "Log every file loaded");
  ingest->add_option("paths", inputs, "Files or directories")->required();

  auto* rules = app.add_subcommand("rules", "Work with the rule files");
  rules->require_subcommand(1);
  auto* check = rules->add_subcommand("check", "Load, compile and run every example of the rules");
  check->add_option("--rules", rules_dir, "Directory of rule files (default: the rules built in)");

  auto* quarantine = app.add_subcommand("quarantine", "Inspect files set aside as bad input");
  quarantine->require_subcommand(1);
  auto* list = quarantine->add_subcommand("list", "List quarantined files with the reason");
  list->add_option("--db", db, "SQLite database file")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (*ingest) {
    const unres::RuleSet ruleset = load(rules_dir);
    options.database = db;
    for (const auto& p : inputs) options.inputs.emplace_back(p);
    const auto result = unres::ingest(ruleset, options, std::cerr);
    const auto& c = result.counts;
    std::cerr << "unres: run " << result.run_id << ": " << c.seen << " file(s) seen, " << c.loaded << " loaded, "
              << c.quarantined << " quarantined, " << c.resolutions << " resolution(s)\n";
    return c.quarantined ? kExitQuarantined : kExitOk;
  }
  if (*check) {
    const unres::RuleSet ruleset = load(rules_dir);
    const auto failures = unres::run_examples(ruleset);
    for (const auto& f : failures) std::cerr << f << "\n";
    if (!failures.empty()) return kExitUsage;
    std::cout << "rules ok: " << ruleset.metadata.size() << " metadata, " << ruleset.phrases.lemma_of_form.size()
              << " phrase forms, " << ruleset.organizations.entries.size() << " organizations, "
              << ruleset.citations.size() << " citation and " << ruleset.deadlines.size() << " deadline rules; "
              << unres::count_examples(ruleset) << " examples pass\n";
    return kExitOk;
  }
  if (*list) {
    unres::Database database(db);
    for (const auto& q : database.quarantine_rows())
      std::cout << q.path << (q.line ? ":" + std::to_string(q.line) : "") << "\t" << q.stage << "\t" << q.reason
                << "\trun " << q.run_id << "\t" << q.recorded_at << (q.excerpt.empty() ? "" : "\t" + q.excerpt) << "\n";
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const unres::RulesError& e) {
    std::cerr << e.what();
    return kExitUsage;
  } catch (const unres::DatabaseError& e) {
    std::cerr << "unres: database error: " << e.what() << "\n";
    return kExitDatabase;
  } catch (const std::exception& e) {
    std::cerr << "unres: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
