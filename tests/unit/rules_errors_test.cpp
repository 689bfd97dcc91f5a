// rules/loader.h: every kind of mistake in a rule file is reported as
// "file:line:col: rule 'id': message", all of them at once, before any input is read.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common.h"
#include "errors.h"
#include "rules/check.h"
#include "rules/loader.h"
#include "tiny_rules.h"

namespace unres {
namespace {

// The small valid rule files (tiny_rules.h); a row breaks one of them.
using test::tiny;
constexpr const char* kStructure = test::kTinyStructure;
constexpr const char* kVocabulary = test::kTinyVocabulary;
constexpr const char* kPhrases = test::kTinyPhrases;
constexpr const char* kOrganizations = test::kTinyOrganizations;
constexpr const char* kCitations = test::kTinyCitations;
constexpr const char* kDeadlines = test::kTinyDeadlines;

// The default sources with `file` (e.g. "phrases.yaml") replaced by `text`.
// The base files, one of them replaced. (Without the other languages' lexicons: their actions
// name lemmas of the full English lexicon, which a tiny or broken phrases.yaml does not have.)
std::vector<RuleSource> with(const std::string& file, const std::string& text) {
  auto sources = default_rule_sources();
  sources.resize(rule_file_names().size());
  bool found = false;
  for (auto& s : sources)
    if (s.path == "mappings/" + file) {
      s.text = text;
      found = true;
    }
  EXPECT_TRUE(found) << file;
  return sources;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> errors_of(const std::vector<RuleSource>& sources) {
  try {
    (void)load_rules(sources);
  } catch (const RulesError& e) {
    EXPECT_FALSE(e.messages().empty());
    // what() lists the same messages, one per line.
    std::string joined;
    for (const auto& m : e.messages()) joined += m + "\n";
    EXPECT_EQ(std::string(e.what()), joined);
    return e.messages();
  }
  return {};
}

std::string show(const std::vector<std::string>& messages) {
  std::string out;
  for (const auto& m : messages) out += "\n  " + m;
  return out;
}

TEST(RulesLoad, DefaultRulesLoad) {
  const auto sources = default_rule_sources();
  // The base files, then the languages' phrase lexicons (fr, es, ar, zh, ru) and the profiles of
  // the Security Council, the Human Rights Council and ECOSOC.
  ASSERT_EQ(sources.size(), rule_file_names().size() + 5 + 3);
  const RuleSet rules = load_rules(sources);
  EXPECT_EQ(rules.hash.size(), 16u);
  EXPECT_GE(rules.layouts.size(), 2u);
  EXPECT_FALSE(rules.metadata.empty());
  EXPECT_FALSE(rules.citations.empty());
  EXPECT_FALSE(rules.deadlines.empty());
  EXPECT_GT(rules.organizations.entries.size(), 100u);
  EXPECT_GT(rules.phrases.lemma_of_form.size(), 100u);
  // Loading is deterministic.
  EXPECT_EQ(load_rules(sources).hash, rules.hash);
}

TEST(RulesLoad, AProfilesMembersAreDatesAndCounts) {
  const auto errors = test::errors_with("mappings/profiles.toy.yaml",
                                        "extends: profiles\nprofiles:\n  - id: toy\n    organ: T\n"
                                        "    document: {start: '^Toy resolution'}\n    members: {soon: 3, \"2001-01-01\": 0}\n");
  EXPECT_EQ(errors.size(), 2u) << show(errors);
  for (const auto& e : errors) EXPECT_NE(e.find("'members' maps a date (YYYY-MM-DD) to the number of Members"), std::string::npos) << e;
  EXPECT_TRUE(test::errors_with("mappings/profiles.toy.yaml",
                                "extends: profiles\nprofiles:\n  - id: toy\n    organ: T\n"
                                "    document: {start: '^Toy resolution'}\n    members: {\"2001-01-01\": 9}\n").empty());
}

TEST(RulesLoad, TinyFilesLoadCleanly) {
  for (const auto& file : rule_file_names()) {
    SCOPED_TRACE(file);
    EXPECT_EQ(errors_of(with(file, tiny(file))), std::vector<std::string>{});
  }
  std::vector<RuleSource> all;
  for (const auto& file : rule_file_names()) all.push_back({"mappings/" + file, tiny(file)});
  const RuleSet rules = load_rules(all);
  EXPECT_EQ(rules.metadata.size(), 1u);
  EXPECT_EQ(rules.citations.size(), 1u);
  EXPECT_EQ(rules.deadlines.size(), 1u);
  EXPECT_EQ(rules.phrases.lemma_of_form.at("notes"), "note");
  // The hash covers the bytes of every rule file.
  EXPECT_NE(rules.hash, load_rules(default_rule_sources()).hash);
}

struct ErrorRow {
  const char* name;
  std::string file;      // the rule file to break
  std::string text;      // its broken text
  std::string message;   // expected in RulesError::messages()
  bool exact = true;     // `message` is a whole message (else a substring of one)
};

void PrintTo(const ErrorRow& row, std::ostream* os) { *os << row.name; }

class RulesErrors : public ::testing::TestWithParam<ErrorRow> {};

TEST_P(RulesErrors, Reported) {
  const ErrorRow& row = GetParam();
  const auto messages = errors_of(with(row.file, row.text));
  ASSERT_FALSE(messages.empty()) << "no error for: " << row.name;
  const bool found = std::any_of(messages.begin(), messages.end(), [&](const std::string& m) {
    return row.exact ? m == row.message : m.find(row.message) != std::string::npos;
  });
  EXPECT_TRUE(found) << "expected " << (row.exact ? "message" : "a message containing") << "\n  " << row.message
                     << "\ngot:" << show(messages);
  // Every message names its file and a 1-based position.
  for (const auto& m : messages) EXPECT_EQ(m.rfind("mappings/" + row.file + ":", 0), 0u) << m;
}

std::vector<ErrorRow> error_rows() {
  const std::string S = kStructure, V = kVocabulary, P = kPhrases, O = kOrganizations, C = kCitations, D = kDeadlines;
  const std::string M = test::kTinyMemberStates;
  return {
      {"yaml_syntax", "vocabulary.yaml", "months: [January, February\nnumbers: {one: 1\n",
       "mappings/vocabulary.yaml:2:8: YAML syntax error: end of sequence flow not found", true},
      {"yaml_bad_indent", "deadlines.yaml", replace(D, "    kind: report", "   kind: report"),
       "mappings/deadlines.yaml:4:4: YAML syntax error:", false},
      {"not_a_mapping", "vocabulary.yaml", "- January\n- February\n",
       "mappings/vocabulary.yaml:1:1: the file must be a YAML mapping", true},
      {"unknown_key", "structure.yaml", replace(S, "    pattern: '(?P<session>", "    patern: '(?P<session>"),
       "mappings/structure.yaml:18:5: rule 'tiny-symbol': unknown key 'patern' (use id, pattern, set, examples, counter_examples)",
       true},
      {"unknown_key_also_missing_pattern", "structure.yaml", replace(S, "    pattern: '(?P<session>", "    patern: '(?P<session>"),
       "mappings/structure.yaml:17:5: rule 'tiny-symbol': missing required key 'pattern'", true},
      {"unknown_top_level_key", "deadlines.yaml", "kinds: [report]\nrules: []\nrulez: []\n",
       "mappings/deadlines.yaml:3:1: unknown key 'rulez' (use kinds, own_body, rules)", true},
      {"re2_compile_error", "citations.yaml", replace(C, "pattern: 'A/RES/(?P<session>\\d+)", "pattern: 'A/RES/((?P<session>\\d+)"),
       "mappings/citations.yaml:6:14: rule 'tiny-ga': pattern 'pattern' does not compile: missing ): A/RES/((?P<session>\\d+)/(?P<number>\\d+)",
       true},
      {"re2_compile_error_in_structure", "structure.yaml", replace(S, "closing: 'c'", "closing: 'c)'"),
       "mappings/structure.yaml:10:12: rule 'document': pattern 'closing' does not compile: unexpected ): c)", true},
      {"duplicate_rule_id", "structure.yaml",
       S + "  - id: tiny-symbol\n    pattern: '(?P<title>T.*)'\n",
       "mappings/structure.yaml:20:5: rule 'tiny-symbol': duplicate rule id", true},
      {"duplicate_rule_id_across_files", "deadlines.yaml", replace(D, "id: tiny-report", "id: ga-resolution-symbol"),
       "mappings/deadlines.yaml:3:5: rule 'ga-resolution-symbol': duplicate rule id", true},
      {"template_missing_group", "structure.yaml", replace(S, "A/RES/{session}/{number}", "A/RES/{sesion}/{number}"),
       "mappings/structure.yaml:19:10: rule 'tiny-symbol': template 'A/RES/{sesion}/{number}' refers to group 'sesion' that "
       "the pattern does not have",
       true},
      {"citation_template_missing_group", "citations.yaml", replace(C, "'A/RES/{session}/{number}'", "'A/RES/{session}/{nr}'"),
       "mappings/citations.yaml:8:9: rule 'tiny-ga': template 'A/RES/{session}/{nr}' refers to group 'nr' that the pattern "
       "does not have",
       true},
      {"metadata_group_not_a_column", "structure.yaml", replace(S, "(?P<session>\\d+)/", "(?P<sesion>\\d+)/"),
       "mappings/structure.yaml:18:14: rule 'tiny-symbol': group 'sesion' is not a column of resolutions (use adopted_on, "
       "agenda_item, basis_symbol, body, committee, distributed_on, draft_symbol, job_number, language, meeting, number, "
       "plenary_meeting, session, symbol, title, year)",
       true},
      {"metadata_set_not_a_column", "structure.yaml", replace(S, "set: {symbol:", "set: {symbl:"),
       "mappings/structure.yaml:19:10: rule 'tiny-symbol': 'symbl' is not a column of resolutions", true},
      {"unknown_citation_kind", "citations.yaml", replace(C, "kind: ga_resolution", "kind: ga_resolutoin"),
       "mappings/citations.yaml:8:9: rule 'tiny-ga': unknown kind 'ga_resolutoin' (use ga_resolution, sc_resolution)", true},
      {"unknown_emit_kind", "citations.yaml", replace(C, "      - target:", "      - kind: treaty\n        target:"),
       "mappings/citations.yaml:8:9: rule 'tiny-ga': unknown kind 'treaty' (use ga_resolution, sc_resolution)", true},
      {"citation_when_missing_group", "citations.yaml", C + "        when: part\n",
       "mappings/citations.yaml:8:9: rule 'tiny-ga': 'when' names group 'part' that the pattern does not have", true},
      {"citation_empty_emit", "citations.yaml", C.substr(0, C.find("    emit:")) + "    emit: []\n",
       "mappings/citations.yaml:4:5: rule 'tiny-ga': 'emit' must be a non-empty list", true},
      {"unknown_deadline_kind", "deadlines.yaml", replace(D, "kind: report", "kind: memo"),
       "mappings/deadlines.yaml:4:11: rule 'tiny-report': unknown kind 'memo' (use report, agenda_item)", true},
      {"missing_required_key", "citations.yaml", replace(C, "    pattern: 'A/RES/(?P<session>\\d+)/(?P<number>\\d+)'\n", ""),
       "mappings/citations.yaml:4:5: rule 'tiny-ga': missing required key 'pattern'", true},
      {"missing_required_top_level_key", "organizations.yaml", replace(O, "categories: [principal-organ, other]\n", ""),
       "mappings/organizations.yaml:1:1: missing required key 'categories'", true},
      {"deadline_without_session_group", "deadlines.yaml", replace(D, "(?P<session>[a-z-]+)", "([a-z-]+)"),
       "mappings/deadlines.yaml:5:14: rule 'tiny-report': pattern needs a group 'session', 'due_date' or 'due_year', or "
       "'session_from_paragraph: true'",
       true},
      {"deadline_session_from_paragraph_ok_but_group_unknown", "deadlines.yaml",
       replace(D, "(?P<session>[a-z-]+)", "(?P<when>[a-z-]+)"),
       "mappings/deadlines.yaml:5:14: rule 'tiny-report': group 'when' is not a deadline field (use body, due_date, "
       "due_year, requested_of, session, subject)",
       true},
      {"deadline_unknown_default", "deadlines.yaml", D + "    defaults: {bodyy: General Assembly}\n",
       "mappings/deadlines.yaml:6:15: rule 'tiny-report': unknown field 'bodyy' in defaults", true},
      {"organization_unknown_category", "organizations.yaml", replace(O, "category: principal-organ", "category: agency"),
       "mappings/organizations.yaml:5:15: rule 'General Assembly': unknown category 'agency' (use principal-organ, other)", true},
      // Two entries whose names compare equal (case, accents and punctuation aside) are one error.
      {"member_state_alias_key_twice", "member_states.yaml", M + "  - {iso3: XFR, status: historical, en: \"FRANCE \u2019\"}\n",
       "mappings/member_states.yaml:5:5: rule 'XFR': 'FRANCE \u2019' (compared as 'france') already names FRA (France)", true},
      {"member_state_alias_of_another", "member_states.yaml", replace(M, "aliases: [United Kingdom]", "aliases: [United Kingdom, Fránce]"),
       "mappings/member_states.yaml:4:5: rule 'GBR': 'Fránce' (compared as 'france') already names FRA (France)", true},
      {"member_state_bad_code", "member_states.yaml", replace(M, "iso3: FRA", "iso3: Fr"),
       "mappings/member_states.yaml:3:12: rule 'Fr': 'iso3' must be three capital letters (ISO 3166 alpha-3)", true},
      {"member_state_code_twice", "member_states.yaml", replace(M, "iso3: GBR", "iso3: FRA"),
       "mappings/member_states.yaml:4:12: rule 'FRA': duplicate iso3 code", true},
      {"member_state_unknown_status", "member_states.yaml", replace(M, "status: member, en: France", "status: former, en: France"),
       "mappings/member_states.yaml:3:25: rule 'FRA': unknown status 'former' (use member, observer, historical)", true},
      {"member_state_without_english_name", "member_states.yaml", replace(M, "en: France, ", ""),
       "mappings/member_states.yaml:3:5: rule 'FRA': missing required key 'en'", true},
      {"member_state_unknown_key", "member_states.yaml", replace(M, "fr: France", "de: Frankreich"),
       "mappings/member_states.yaml:3:45: rule 'FRA': unknown key 'de' (use iso3, status, en, fr, es, ru, zh, ar, aliases, note)", true},
      {"member_state_not_state_without_letters", "member_states.yaml", replace(M, "not_states: [submitted by]", "not_states: ['--']"),
       "mappings/member_states.yaml:1:13: '--' has no letters: it would match every name", true},
      {"organization_surface_twice", "organizations.yaml",
       O + "  - name: Assembly of States\n    acronym: General Assembly\n    category: other\n",
       "mappings/organizations.yaml:6:5: rule 'Assembly of States': 'General Assembly' already names 'General Assembly'", true},
      {"defined_acronym_without_group", "organizations.yaml", replace(O, "(?P<acronym>[A-Z]+)", "([A-Z]+)"),
       "mappings/organizations.yaml:2:18: pattern 'defined_acronym' has no named group 'acronym'", true},
      {"phrase_form_of_two_lemmas", "phrases.yaml", P + "  - lemma: notice\n    operative: [Notices, Notes]\n",
       "mappings/phrases.yaml:10:16: rule 'notice': form 'Notes' already belongs to lemma 'note'", true},
      {"phrase_lexicon_without_operative_forms", "phrases.yaml", replace(P, "    operative: [Notes]\n", ""),
       "mappings/phrases.yaml:1:1: the lexicon needs preambular and operative forms", true},
      {"footnote_mark_without_mark_group", "structure.yaml", replace(S, "['(?P<mark>\\d)']", "['(?P<mark>\\d)', '\\d+']"),
       "mappings/structure.yaml:14:19: rule 'document': a footnote mark pattern needs a group 'mark'", true},
      {"operative_without_text_group", "structure.yaml", replace(S, "(?P<text>.*)'\n  subparagraph", "(.*)'\n  subparagraph"),
       "mappings/structure.yaml:7:14: rule 'document': pattern 'operative' has no named group 'text'", true},
      {"unwrap_without_paragraph_start", "structure.yaml", replace(S, "    detect: 'x'\n", "    detect: 'x'\n    unwrap: true\n"),
       "mappings/structure.yaml:2:5: rule 'tiny-layout': a layout with 'unwrap: true' needs 'paragraph_start'", true},
      {"flag_not_a_boolean", "structure.yaml", replace(S, "    detect: 'x'\n", "    detect: 'x'\n    unwrap: maybe\n"),
       "mappings/structure.yaml:4:13: rule 'tiny-layout': 'unwrap' must be true or false", true},
      {"months_not_twelve", "vocabulary.yaml", replace(V, "November, December", "November"),
       "mappings/vocabulary.yaml:1:9: 'months' must list the 12 month names", true},
      {"number_not_whole", "vocabulary.yaml", replace(V, "first: 1", "first: one"),
       "mappings/vocabulary.yaml:2:10: 'numbers' values must be whole numbers: 'first'", true},
      {"search_words_without_forms", "vocabulary.yaml", V + "search_words:\n  - words: 'x+'\n",
       "mappings/vocabulary.yaml:6:5: a 'search_words' entry needs 'prefixes' or 'endings'", false},
      {"search_words_min_stem_not_whole", "vocabulary.yaml",
       V + "search_words:\n  - words: 'x+'\n    endings: [s]\n    min_stem: four\n",
       "'min_stem' must be a whole number of characters: 'four'", false},
      {"search_words_pattern_does_not_compile", "vocabulary.yaml",
       V + "search_words:\n  - words: '(x'\n    prefixes: [y]\n", "pattern 'words' does not compile", false},
      {"example_expects_unknown_field", "citations.yaml",
       C + "    examples:\n      - text: 'A/RES/1/2'\n        expect: {targt: A/RES/1/2}\n",
       "mappings/citations.yaml:11:17: rule 'tiny-ga': example expects unknown field 'targt' (use cited_date, kind, part, target)",
       true},
  };
}

std::string row_name(const ::testing::TestParamInfo<ErrorRow>& row) { return row.param.name; }

INSTANTIATE_TEST_SUITE_P(Table, RulesErrors, ::testing::ValuesIn(error_rows()), row_name);

TEST(RulesLoad, ErrorTableIsLarge) { EXPECT_GE(error_rows().size(), 12u); }

TEST(RulesLoad, ReportsEveryErrorAtOnce) {
  auto sources = with("deadlines.yaml", replace(kDeadlines, "kind: report", "kind: memo"));
  for (auto& s : sources) {
    if (s.path == "mappings/citations.yaml") s.text = replace(kCitations, "'A/RES/{session}/{number}'", "'{nr}'");
    if (s.path == "mappings/vocabulary.yaml") s.text = "months: [January\n";
  }
  const auto messages = errors_of(sources);
  EXPECT_EQ(messages.size(), 3u) << show(messages);
  const auto has = [&](const std::string& prefix) {
    return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.rfind(prefix, 0) == 0; });
  };
  EXPECT_TRUE(has("mappings/vocabulary.yaml:2:1: YAML syntax error")) << show(messages);
  EXPECT_TRUE(has("mappings/citations.yaml:8:9: rule 'tiny-ga': template '{nr}'")) << show(messages);
  EXPECT_TRUE(has("mappings/deadlines.yaml:4:11: rule 'tiny-report': unknown kind 'memo'")) << show(messages);
  // In load order: structure, vocabulary, phrases, organizations, citations, deadlines.
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_NE(messages[0].find("vocabulary.yaml"), std::string::npos);
  EXPECT_NE(messages[2].find("deadlines.yaml"), std::string::npos);
}

TEST(RulesLoad, SeveralErrorsInOneRule) {
  const std::string broken = replace(replace(kDeadlines, "kind: report", "kind: memo"), "(?P<session>[a-z-]+)", "(?P<sesion>");
  const auto messages = errors_of(with("deadlines.yaml", broken));
  EXPECT_EQ(messages.size(), 2u) << show(messages);
}

TEST(RulesLoad, MissingRuleFile) {
  auto sources = default_rule_sources();
  sources.erase(std::remove_if(sources.begin(), sources.end(),
                               [](const RuleSource& s) { return s.path == "mappings/deadlines.yaml"; }),
                sources.end());
  EXPECT_EQ(errors_of(sources), std::vector<std::string>{"deadlines.yaml:1:1: rule file is missing"});
}

TEST(RulesLoad, ReadRuleSourcesFromADirectory) {
  test::TempDir dir;
  for (const auto& file : rule_file_names()) test::write_text(dir / file, tiny(file));
  const auto sources = read_rule_sources(dir.path());
  ASSERT_EQ(sources.size(), rule_file_names().size());
  EXPECT_EQ(sources[0].path, (dir / "structure.yaml").string());
  EXPECT_EQ(sources[0].text, kStructure);
  EXPECT_NO_THROW((void)load_rules(sources));
  // A missing file is an error naming it.
  std::filesystem::remove(dir / "phrases.yaml");
  std::filesystem::remove(dir / "citations.yaml");
  try {
    (void)read_rule_sources(dir.path());
    FAIL() << "read";
  } catch (const RulesError& e) {
    EXPECT_EQ(e.messages(), (std::vector<std::string>{(dir / "phrases.yaml").string() + ":1:1: cannot read rule file",
                                                       (dir / "citations.yaml").string() + ":1:1: cannot read rule file"}));
  }
}

TEST(RulesLoad, MessagesOfFilesReadFromADirectoryNameThatPath) {
  test::TempDir dir;
  for (const auto& file : rule_file_names()) test::write_text(dir / file, tiny(file));
  test::write_text(dir / "deadlines.yaml", replace(kDeadlines, "kind: report", "kind: memo"));
  const auto messages = errors_of(read_rule_sources(dir.path()));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], (dir / "deadlines.yaml").string() +
                             ":4:11: rule 'tiny-report': unknown kind 'memo' (use report, agenda_item)");
}

// --- examples (`unres rules check`) ----------------------------------------------------------

TEST(RulesExamples, ShippedExamplesPass) {
  const RuleSet& rules = test::default_rules();
  EXPECT_EQ(run_examples(rules), std::vector<std::string>{});
  EXPECT_GT(count_examples(rules), 30u);
}

TEST(RulesExamples, FailingExamplesAreReported) {
  const std::string structure = std::string(kStructure) +
                                "    examples:\n"
                                "      - text: '68/272'\n"
                                "        expect: {symbol: A/RES/68/272, number: '272'}\n"
                                "      - text: '68/272'\n"
                                "        expect: {symbol: A/RES/68/999}\n"
                                "      - text: 'no numbers'\n"
                                "    counter_examples: ['1/2']\n";
  const std::string citations = std::string(kCitations) +
                                "    examples:\n"
                                "      - text: 'resolution A/RES/70/1'\n"
                                "        expect: {target: A/RES/70/1, kind: ga_resolution}\n"
                                "      - text: 'resolution 70/1'\n"
                                "        expect: {target: A/RES/70/1}\n";
  const std::string deadlines = std::string(kDeadlines) +
                                "    examples:\n"
                                "      - text: 'report at its seventieth session'\n"
                                "        expect: {session: '71'}\n"
                                "    counter_examples: ['report at its first session']\n";
  auto sources = default_rule_sources();
  // (The organs' profiles and their examples extend the real structure.yaml, not this one.)
  std::erase_if(sources, [](const RuleSource& s) { return s.path.starts_with("mappings/profiles."); });
  for (auto& s : sources) {
    if (s.path == "mappings/structure.yaml") s.text = structure;
    if (s.path == "mappings/citations.yaml") s.text = citations;
    if (s.path == "mappings/deadlines.yaml") s.text = deadlines;
  }
  const RuleSet rules = load_rules(sources);
  EXPECT_EQ(count_examples(rules), 8u);
  const auto failures = run_examples(rules);
  EXPECT_EQ(failures,
            (std::vector<std::string>{
                "mappings/structure.yaml:23:9: rule 'tiny-symbol': example \"68/272\": expected symbol = 'A/RES/68/999', "
                "got {number: 272, session: 68, symbol: A/RES/68/272}",
                "mappings/structure.yaml:25:9: rule 'tiny-symbol': example \"no numbers\": does not match",
                "mappings/structure.yaml:26:23: rule 'tiny-symbol': example \"1/2\": must not match, got {number: 2, "
                "session: 1, symbol: A/RES/1/2}",
                "mappings/citations.yaml:12:9: rule 'tiny-ga': example \"resolution 70/1\": does not match",
                "mappings/deadlines.yaml:7:9: rule 'tiny-report': example \"report at its seventieth session\": expected "
                "session = '71', got {kind: report, session: 70}",
                "mappings/deadlines.yaml:9:23: rule 'tiny-report': example \"report at its first session\": must not "
                "match, got {kind: report, session: 1}",
            }))
      << show(failures);
}

}  // namespace
}  // namespace unres
