// libFuzzer target: bytes as a rule file. The first byte b chooses which of the six rule files
// (b % 6: structure, vocabulary, phrases, organizations, citations, deadlines) the rest replaces,
// and what the other five are ((b / 6) % 2: 0 small valid files, fast to load; 1 the default
// mappings/*.yaml). Then load_rules must either throw RulesError or return rules whose examples
// run. Any other exception, a crash, a leak, a sanitizer report, an input over 1 s or over 512 MB
// is a finding. Run: scripts/fuzz.sh rules SECONDS (seeds: mappings/*.yaml behind both bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "errors.h"
#include "rules/check.h"
#include "rules/loader.h"

namespace {

const std::vector<unres::RuleSource>& defaults() {
  static const std::vector<unres::RuleSource> sources = unres::default_rule_sources();
  return sources;
}

// Small valid rule files (as in tests/unit/rules_errors_test.cpp), in rule_file_names() order.
const std::vector<unres::RuleSource>& small() {
  static const std::vector<unres::RuleSource> sources = {
      {"mappings/structure.yaml", R"(layouts:
  - id: tiny-layout
    detect: 'x'
document:
  start: 'a'
  enacting_formula: 'b'
  operative: '(?P<number>\d+)\.(?P<text>.*)'
  subparagraph: '\((?P<number>[a-z])\)(?P<text>.*)'
  roman_label: 'i'
  closing: 'c'
  footnote: '(?P<number>\d+) (?P<text>.*)'
  end: 'e'
  annex: 'Annex'
  footnote_marks: ['(?P<mark>\d)']
  heading: 'h'
metadata:
  - id: tiny-symbol
    pattern: '(?P<session>\d+)/(?P<number>\d+)'
    set: {symbol: 'A/RES/{session}/{number}'}
)"},
      {"mappings/vocabulary.yaml", R"(months: [January, February, March, April, May, June, July, August, September, October, November, December]
numbers: {one: 1, first: 1}
relative_sessions: {next: 1}
)"},
      {"mappings/phrases.yaml", R"(modifiers: [also]
postmodifiers: [further]
qualifiers: [with concern]
secondary_connector: '[,;]\s+'
phrases:
  - lemma: note
    preambular: [Noting]
    operative: [Notes]
)"},
      {"mappings/organizations.yaml", R"(categories: [principal-organ, other]
defined_acronym: '\s*\((?P<acronym>[A-Z]+)\)'
organizations:
  - name: General Assembly
    category: principal-organ
)"},
      {"mappings/citations.yaml", R"(kinds: [ga_resolution, sc_resolution]
ibid: '^Ibid\.'
rules:
  - id: tiny-ga
    kind: ga_resolution
    pattern: 'A/RES/(?P<session>\d+)/(?P<number>\d+)'
    emit:
      - target: 'A/RES/{session}/{number}'
    examples:
      - text: 'resolution A/RES/70/1'
        expect: {target: A/RES/70/1}
)"},
      {"mappings/deadlines.yaml", R"(kinds: [report, agenda_item]
rules:
  - id: tiny-report
    kind: report
    pattern: 'report at its (?P<session>[a-z-]+) session'
)"},
  };
  return sources;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (defaults().size() != unres::rule_file_names().size() || small().size() != defaults().size()) __builtin_trap();
  (void)unres::load_rules(small());  // must load: a RulesError here would end the run at once
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t n = defaults().size();
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
