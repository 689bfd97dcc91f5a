#pragma once
// Each subcommand of the CLI lives in its own cmd_*.cpp: it registers its options on the parent
// app and returns what to run when it was chosen. Exit codes: see main.cpp.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace unres::cli {

inline constexpr int kExitOk = 0, kExitQuarantined = 1, kExitUsage = 2, kExitDatabase = 3, kExitInternal = 4,
                     kExitInterrupted = 130;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// The default rules, or the rule files of `dir` when it is not empty. Throws RulesError.
RuleSet load_rules_from(const std::string& dir);

Command add_ingest(CLI::App& parent);
Command add_rules_check(CLI::App& parent);
Command add_quarantine_list(CLI::App& parent);
Command add_search(CLI::App& parent);
Command add_explain(CLI::App& parent);
Command add_export(CLI::App& parent);
Command add_stats(CLI::App& parent);
Command add_report(CLI::App& parent);
Command add_forget(CLI::App& parent);
Command add_sources(CLI::App& parent);

}  // namespace unres::cli
