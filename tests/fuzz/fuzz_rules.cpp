// libFuzzer target: bytes as a rule file. The first byte b chooses which of the n base rule files
// (b % n, in rule_file_names() order: structure, vocabulary, phrases, organizations, citations,
// deadlines, member_states) the rest replaces, and what the others are ((b / n) % 2: 0 small valid
// base files, fast to load; 1 the default mappings/*.yaml, the files that extend them included). Then load_rules must either throw RulesError or return rules whose examples
// run. Any other exception, a crash, a leak, a sanitizer report, an input over 1 s or over 512 MB
// is a finding. Run: scripts/fuzz.sh rules SECONDS (seeds: mappings/*.yaml behind both bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "errors.h"
#include "rules/check.h"
#include "rules/loader.h"
#include "tiny_rules.h"

namespace {

const std::vector<unres::RuleSource>& defaults() {
  static const std::vector<unres::RuleSource> sources = unres::default_rule_sources();
  return sources;
}

// The small valid rule files of tests/unit/tiny_rules.h, the citation rule with an example so that
// run_examples has one to run.
const std::vector<unres::RuleSource>& small() {
  static const std::vector<unres::RuleSource> sources = [] {
    std::vector<unres::RuleSource> out;
    for (const auto& file : unres::rule_file_names()) out.push_back({"mappings/" + file, unres::test::tiny(file)});
    for (auto& s : out)
      if (s.path == "mappings/citations.yaml")
        s.text += "    examples:\n      - text: 'resolution A/RES/70/1'\n        expect: {target: A/RES/70/1}\n";
    return out;
  }();
  return sources;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The defaults begin with the base files, in rule_file_names() order; files that extend them follow.
  const auto& names = unres::rule_file_names();
  if (defaults().size() < names.size() || small().size() != names.size()) __builtin_trap();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (defaults()[i].path != "mappings/" + names[i]) __builtin_trap();
  (void)unres::load_rules(small());  // must load: a RulesError here would end the run at once
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t n = unres::rule_file_names().size();
  std::vector<unres::RuleSource> sources = (data[0] / n) % 2 ? defaults() : small();
  auto& replaced = sources[data[0] % n];
  replaced.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const unres::RuleSet rules = unres::load_rules(sources);
    (void)unres::run_examples(rules);
  } catch (const unres::RulesError& e) {
    if (e.messages().empty()) __builtin_trap();  // a rules error always says what is wrong
  }
  return 0;
}
