#pragma once
// The only user of yaml-cpp. Compiles mappings/*.yaml into a RuleSet, reporting every problem at
// once as "file:line:col: rule 'id': message" (RulesError).
#include <filesystem>
#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace unres {

struct RuleSource {
  std::string path;   // as shown in messages, e.g. "mappings/phrases.yaml"
  std::string text;
};

// The rule files, in load order. Each must exist.
const std::vector<std::string>& rule_file_names();

// Reads the rule files from `dir`; a missing or unreadable file is a RulesError.
std::vector<RuleSource> read_rule_sources(const std::filesystem::path& dir);
// The default rules compiled into the binary.
std::vector<RuleSource> default_rule_sources();

// Parses, validates and compiles. Throws RulesError listing every problem.
RuleSet load_rules(const std::vector<RuleSource>& sources);

}  // namespace unres
