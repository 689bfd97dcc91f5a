#pragma once
// Small valid versions of the six rule files, in rule_file_names() order: fast to load, and a base
// that tests break one line at a time (tests/unit/rules_errors_test.cpp) or the fuzzer replaces
// one file of (tests/fuzz/fuzz_rules.cpp). Line numbers matter: tests assert file:line:col.
#include <stdexcept>
#include <string>

namespace unres::test {

inline constexpr const char* kTinyStructure = R"(layouts:
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
)";

inline constexpr const char* kTinyVocabulary = R"(months: [January, February, March, April, May, June, July, August, September, October, November, December]
numbers: {one: 1, first: 1}
relative_sessions: {next: 1}
dates: ['(?P<day>[0-9]{1,2}) (?P<month>\S+) (?P<year>[0-9]{4})']
)";

inline constexpr const char* kTinyPhrases = R"(modifiers: [also]
postmodifiers: [further]
qualifiers: [with concern]
secondary_connector: '[,;]\s+'
phrases:
  - lemma: note
    preambular: [Noting]
    operative: [Notes]
)";

inline constexpr const char* kTinyOrganizations = R"(categories: [principal-organ, other]
defined_acronym: '\s*\((?P<acronym>[A-Z]+)\)'
organizations:
  - name: General Assembly
    category: principal-organ
)";

inline constexpr const char* kTinyCitations = R"(kinds: [ga_resolution, sc_resolution]
ibid: '^Ibid\.'
rules:
  - id: tiny-ga
    kind: ga_resolution
    pattern: 'A/RES/(?P<session>\d+)/(?P<number>\d+)'
    emit:
      - target: 'A/RES/{session}/{number}'
)";

inline constexpr const char* kTinyDeadlines = R"(kinds: [report, agenda_item]
rules:
  - id: tiny-report
    kind: report
    pattern: 'report at its (?P<session>[a-z-]+) session'
)";

inline constexpr const char* kTinyMemberStates = R"(not_states: [submitted by]
states:
  - {iso3: FRA, status: member, en: France, fr: France}
  - {iso3: GBR, status: member, en: United Kingdom of Great Britain and Northern Ireland, aliases: [United Kingdom]}
)";

// The small version of `file` ("phrases.yaml").
inline const char* tiny(const std::string& file) {
  if (file == "structure.yaml") return kTinyStructure;
  if (file == "vocabulary.yaml") return kTinyVocabulary;
  if (file == "phrases.yaml") return kTinyPhrases;
  if (file == "organizations.yaml") return kTinyOrganizations;
  if (file == "citations.yaml") return kTinyCitations;
  if (file == "deadlines.yaml") return kTinyDeadlines;
  if (file == "member_states.yaml") return kTinyMemberStates;
  throw std::invalid_argument(file);
}

// A made-up organ (profiles_test.cpp, facts_test.cpp): the Toy Assembly of Tests adopts decisions
// "TA/DEC/7(2031)", opens them with "Decision 7 (2031) of the Toy Assembly", enacts with "The Toy
// Assembly," and closes with "Done at the 12th sitting".
inline constexpr const char* kToyAssemblyProfile =
    "extends: profiles\n"
    "profiles:\n"
    "  - id: toy-assembly\n"
    "    organ: TA\n"
    "    document:\n"
    "      start: '(?m)^\\s*Decision \\d+ \\(\\d{4}\\) of the Toy Assembly\\s*$'\n"
    "      enacting_formula: '^\\s*The Toy Assembly\\s*,?\\s*$'\n"
    "      closing: '^\\s*Done at the \\d+(?:st|nd|rd|th) sitting\\s*$'\n"
    "    metadata:\n"
    "      - id: toy-number\n"
    "        pattern: '(?m)^\\s*Decision (?P<number>\\d+) \\((?P<year>\\d{4})\\) of the Toy Assembly'\n"
    "        set: {symbol: 'TA/DEC/{number}({year})'}\n"
    "        examples:\n"
    "          - text: 'Decision 7 (2031) of the Toy Assembly'\n"
    "            expect: {symbol: TA/DEC/7(2031), number: '7', year: '2031'}\n"
    "      - id: toy-sitting\n"
    "        pattern: '(?m)^\\s*Done at the (?P<meeting>\\d+)(?:st|nd|rd|th) sitting'\n";

}  // namespace unres::test
