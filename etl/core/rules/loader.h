#pragma once
// The only user of yaml-cpp. Compiles mappings/*.yaml into a RuleSet, reporting every problem at
// once as "file:line:col: rule 'id': message" (RulesError).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace unres {

// Limits that keep loading and matching bounded in time and memory whatever a rule file says
// (docs/security.md). Each is reported as a RulesError naming the file and position.
struct RuleLimits {
  static constexpr std::size_t file_bytes = 16u << 20;        // one rule file
  static constexpr std::size_t yaml_nodes = 200'000;          // scalars, lists and mappings of one file
  static constexpr std::size_t yaml_depth = 64;               // nesting of lists and mappings
  static constexpr std::size_t pattern_bytes = 64u << 10;     // the source of one pattern
  static constexpr std::size_t literal_bytes = 2u << 20;      // the gazetteer's names, acronyms, aliases together
  static constexpr std::int64_t pattern_memory = 8 << 20;     // RE2 budget (program + DFA cache) of a pattern
  static constexpr std::size_t patterns = 1'000;              // regular expressions in all files
  static constexpr std::size_t instructions = 2'000'000;      // their compiled RE2 programs together
  static constexpr int vocabulary_value = 1'000'000;          // |value| of a number word or relative session
  static constexpr std::size_t messages = 100;                // errors listed; the rest are counted
};

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
