// Fact rules (a profile's `facts`, docs/rules.md "Facts"): where a rule matches a resolution's
// body, the fact column it names is 1 and a resolution_facts row says where; where none of its
// profile's rules for the column matches, 0; for a profile without such rules, NULL. What a fact
// looks like is the rules' alone: a toy rule from a test rules directory sets chapter_vii from a
// toy phrase, and the Security Council's words do nothing without the Security Council's rules.
#include <gtest/gtest.h>

#include <sstream>

#include "common.h"
#include "errors.h"
#include "pipeline.h"
#include "rules/check.h"
#include "sql.h"
#include "store/database.h"
#include "tiny_rules.h"

namespace unres {
namespace {

using test::errors_with;

// The Toy Assembly of Tests (tiny_rules.h), which also "invokes Toy Article 99".
const std::string kToyProfile = std::string(test::kToyAssemblyProfile) +
    "    facts:\n"
    "      - id: toy-article-99\n"
    "        column: chapter_vii\n"
    "        pattern: '(?m)^[ \\t]*Invoking Toy Article 99\\b'\n"
    "        examples:\n"
    "          - text: 'Invoking Toy Article 99 of the Toy Charter,'\n"
    "            expect: {surface: Invoking Toy Article 99}\n"
    "        counter_examples:\n"
    "          - 'Recalling that it was invoking Toy Article 99 last year,'\n";

// A toy decision whose last preambular paragraph is `last_preambular`.
std::string toy_decision(int number, const std::string& last_preambular) {
  return "[DU1]\n"
         "Decision " + std::to_string(number) + " (2031) of the Toy Assembly\n"
         "\tThe Toy Assembly,\n"
         "\tRecalling its decision 3 (2030),\n"
         "\t" + last_preambular + "\n"
         "\t1.\tDecides to meet again;\n"
         "\t2.\tRequests its Secretary to report.\n"
         "Done at the 12th sitting\n";
}

// The default rule files written into `dir` by their base names, plus the toy profile.
void write_toy_rules(const test::TempDir& dir) {
  for (const auto& source : default_rule_sources())
    test::write_text(dir / std::filesystem::path(source.path).filename().string(), source.text);
  test::write_text(dir / "profiles.toy.yaml", kToyProfile);
}

SourceFile source(std::string path, std::string bytes) {
  SourceFile f;
  f.path = std::move(path);
  f.bytes = std::move(bytes);
  return f;
}

std::string_view cut(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

TEST(Facts, AToyFactRuleSetsTheColumnFromTheRulesDirectoryAlone) {
  const test::TempDir dir;
  write_toy_rules(dir);
  const RuleSet rules = load_rules(read_rule_sources(dir.path()));
  EXPECT_TRUE(run_examples(rules).empty());

  const std::string text = toy_decision(7, "Invoking Toy Article 99 of the Toy Charter,");
  const Document doc = parse(source("toy.txt", text), rules);
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.facts_sought, std::set<std::string>{"chapter_vii"});
  ASSERT_EQ(r.facts.size(), 1u);
  const FactRecord& f = r.facts[0];
  EXPECT_EQ(f.fact, "chapter_vii");
  EXPECT_EQ(f.rule_id, "toy-article-99");
  EXPECT_EQ(f.surface, "Invoking Toy Article 99");
  EXPECT_EQ(cut(text, f.span), "Invoking Toy Article 99");  // provenance: the offsets cut the words out
  ASSERT_GE(f.paragraph, 0);
  const auto& p = r.paragraphs[static_cast<std::size_t>(f.paragraph)];
  EXPECT_EQ(p.kind, "preambular");
  EXPECT_EQ(p.ordinal, 2);
}

TEST(Facts, TheSecurityCouncilsWordsSetNothingWithoutItsRules) {
  const test::TempDir dir;
  write_toy_rules(dir);
  const RuleSet rules = load_rules(read_rule_sources(dir.path()));
  const Document doc =
      parse(source("toy.txt", toy_decision(8, "Acting under Chapter VII of the Charter of the United Nations,")), rules);
  ASSERT_EQ(doc.resolutions.size(), 1u);
  // The toy profile looks for the column (so it is 0, not NULL), and its rule is not this one.
  EXPECT_EQ(doc.resolutions[0].facts_sought, std::set<std::string>{"chapter_vii"});
  EXPECT_TRUE(doc.resolutions[0].facts.empty());
}

TEST(Facts, AProfileWithoutFactRulesSeeksNone) {
  // The General Assembly's profile has no fact rules: chapter_vii is NULL for its resolutions.
  const Document doc = parse(test::read_data("seeds/" + std::string("001_0943c82c3fc4f3e2.txt")), test::default_rules());
  ASSERT_FALSE(doc.resolutions.empty());
  EXPECT_TRUE(doc.resolutions[0].facts_sought.empty());
  EXPECT_TRUE(doc.resolutions[0].facts.empty());
}

// The Security Council's rules (mappings/profiles.security-council.yaml) on its text and XML.
TEST(Facts, TheSecurityCouncilActingUnderChapterVIIInTextAndXml) {
  struct Case {
    const char* file;
    std::size_t rows;
    const char* surface;
    int preambular;  // the ordinal of the preambular paragraph that says so; 0: a heading line
  };
  const std::vector<Case> cases = {
      {"organs/S_RES_2701_E.txt", 1, "Acting under Chapter VII", 16},
      {"akn/S_RES_2270_1603394E.xml", 1, "Acting under Chapter VII", 12},
      // The XML sets the formula as a crossHeading after the tenth preambular paragraph.
      {"akn/S_RES_1295_N0039656.xml", 1, "Acting under Chapter VII", 0},
      {"akn/S_RES_2524_2020-2007457E.xml", 0, "", 0},  // not under Chapter VII
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const Document doc = parse(test::read_data(c.file), test::default_rules());
    ASSERT_EQ(doc.resolutions.size(), 1u);
    const auto& r = doc.resolutions[0];
    EXPECT_EQ(r.meta.at("body"), "S");
    EXPECT_EQ(r.facts_sought, std::set<std::string>{"chapter_vii"});
    ASSERT_EQ(r.facts.size(), c.rows);
    if (!c.rows) continue;
    const FactRecord& f = r.facts[0];
    EXPECT_EQ(f.rule_id, "sc-chapter-vii");
    EXPECT_EQ(f.surface, c.surface);
    const std::string readable = doc.source_text.empty() ? test::read_text(test::data_dir() / c.file) : doc.source_text;
    EXPECT_EQ(cut(readable, f.span), c.surface);
    if (c.preambular == 0) {
      EXPECT_EQ(f.paragraph, -1);
    } else {
      ASSERT_GE(f.paragraph, 0);
      const auto& p = r.paragraphs[static_cast<std::size_t>(f.paragraph)];
      EXPECT_EQ(p.kind, "preambular");
      EXPECT_EQ(p.ordinal, c.preambular);
    }
  }
}

TEST(Facts, AFactRuleMustNameAFactColumnOfResolutions) {
  const std::string head =
      "extends: profiles\nprofiles:\n  - id: toy\n    organ: T\n    document: {start: '(?m)^Toy$'}\n    facts:\n";
  EXPECT_EQ(errors_with("x/f.yaml", head + "      - id: f1\n        column: title\n        pattern: 'Toy'\n"),
            std::vector<std::string>{
                "x/f.yaml:8:17: rule 'f1': 'title' is not a fact column of resolutions (use chapter_vii)"});
  EXPECT_EQ(errors_with("x/g.yaml", head + "      - id: f2\n        column: chapter_vii\n        pattern: 'x*'\n"),
            std::vector<std::string>{"x/g.yaml:9:18: rule 'f2': pattern 'pattern' matches the empty string (it would "
                                     "match at every position)"});
  EXPECT_EQ(errors_with("x/h.yaml", head + "      - id: f3\n        column: chapter_vii\n        pattern: 'x'\n        kind: y\n"),
            std::vector<std::string>{
                "x/h.yaml:10:9: rule 'f3': unknown key 'kind' (use id, column, pattern, examples, counter_examples)"});
}

using test::rows;

IngestResult load(const RuleSet& rules, const std::filesystem::path& db, const std::filesystem::path& input) {
  IngestOptions options;
  options.database = db;
  options.inputs = {input};
  std::ostringstream log;
  return ingest(rules, options, log);
}

constexpr const char* kColumnAndWhere =
    "SELECT r.symbol, coalesce(r.chapter_vii, 'NULL'), coalesce(f.rule_id, '-'), coalesce(p.kind || ' ' || p.ordinal, '-') "
    "FROM resolutions r LEFT JOIN resolution_facts f ON f.resolution_id = r.id "
    "LEFT JOIN paragraphs p ON p.id = f.paragraph_id ORDER BY r.symbol";

TEST(Facts, TheColumnIsOneZeroOrNullAndItsRowCutsTheFile) {
  const test::TempDir dir;
  write_toy_rules(dir);
  const RuleSet rules = load_rules(read_rule_sources(dir.path()));
  const auto inputs = dir / "in";
  std::filesystem::create_directories(inputs);
  test::write_text(inputs / "7.txt", toy_decision(7, "Invoking Toy Article 99 of the Toy Charter,"));
  test::write_text(inputs / "8.txt", toy_decision(8, "Noting the work of the Toy Committee,"));
  std::filesystem::copy_file(test::data_dir() / "seeds/001_0943c82c3fc4f3e2.txt", inputs / "ga.txt");
  const auto db = dir / "unres.db";
  EXPECT_EQ(load(rules, db, inputs).counts.quarantined, 0);
  const auto symbol = rows(db, "SELECT symbol FROM resolutions WHERE body = 'A'");
  ASSERT_EQ(symbol.size(), 1u);
  EXPECT_EQ(rows(db, kColumnAndWhere),
            (std::vector<std::string>{symbol[0] + "|NULL|-|-", "TA/DEC/7(2031)|1|toy-article-99|preambular 2",
                                      "TA/DEC/8(2031)|0|-|-"}));
  // The row's offsets cut its words out of the file.
  const auto fact = rows(db, "SELECT d.path, f.start_offset, f.end_offset, f.surface FROM resolution_facts f "
                             "JOIN resolutions r ON r.id = f.resolution_id JOIN documents d ON d.id = r.document_id");
  ASSERT_EQ(fact.size(), 1u);
  std::vector<std::string> field;
  std::stringstream in(fact[0]);
  for (std::string s; std::getline(in, s, '|');) field.push_back(s);
  ASSERT_EQ(field.size(), 4u);
  const std::string file = test::read_text(field[0]);
  EXPECT_EQ(file.substr(std::stoul(field[1]), std::stoul(field[2]) - std::stoul(field[1])), field[3]);
  // The dashboard view counts the resolutions whose profile tells.
  EXPECT_EQ(rows(db, "SELECT body, year, language, resolutions, chapter_vii, share FROM v_chapter_vii_by_year"),
            std::vector<std::string>{"TA|2031|en|2|1|0.5"});
}

TEST(Facts, ADatabaseMadeBeforeFactsGetsThemAndTheNextRunReadsItsFilesAgain) {
  const test::TempDir dir;
  const auto inputs = dir / "in";
  std::filesystem::create_directories(inputs);
  std::filesystem::copy_file(test::data_dir() / "organs/S_RES_2701_E.txt", inputs / "sc.txt");
  const auto db = dir / "unres.db";
  EXPECT_EQ(load(test::default_rules(), db, inputs).counts.quarantined, 0);
  // As an unres before fact rules left it: no chapter_vii column, no resolution_facts table,
  // another schema fingerprint; its files were read with other rules.
  test::Sql(db).exec("DROP VIEW v_chapter_vii_by_year; DROP VIEW v_resolution_facts; DROP VIEW source_disagreements; "
           "DROP VIEW v_resolutions; DROP TABLE resolution_facts; ALTER TABLE resolutions DROP COLUMN chapter_vii; "
           "ALTER TABLE resolution_sources DROP COLUMN chapter_vii; "
           "UPDATE meta SET value = 'earlier' WHERE key = 'schema_fingerprint'; "
           "UPDATE documents SET rules_hash = 'earlier rules'");
  { Database reopened(db); }
  // Upgraded on open: the column (NULL until the file is read again) and the table.
  EXPECT_EQ(rows(db, "SELECT symbol, coalesce(chapter_vii, 'NULL') FROM resolutions"),
            std::vector<std::string>{"S/RES/2701(2023)|NULL"});
  EXPECT_EQ(rows(db, "SELECT count(*) FROM resolution_facts"), std::vector<std::string>{"0"});
  // The rules differ from those the file was read with: the next run reads it again.
  const IngestResult again = load(test::default_rules(), db, inputs);
  EXPECT_EQ(again.counts.loaded, 1);
  EXPECT_EQ(again.stale, 1);
  EXPECT_EQ(rows(db, kColumnAndWhere),
            std::vector<std::string>{"S/RES/2701(2023)|1|sc-chapter-vii|preambular 16"});
  EXPECT_EQ(rows(db, "SELECT chapter_vii FROM v_resolutions"), std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace unres
