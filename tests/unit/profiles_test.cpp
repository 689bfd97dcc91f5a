// Document profiles (mappings/structure.yaml `profiles`, mappings/profiles.*.yaml): a resolution is
// read with the profile whose start line opens it; the profile's patterns drive the segmenter and
// its metadata rules and organ fill the resolution. A new organ is a rule file, no C++.
#include <gtest/gtest.h>

#include <algorithm>

#include "common.h"
#include "errors.h"
#include "pipeline.h"
#include "rules/loader.h"
#include "tiny_rules.h"

namespace unres {
namespace {

using test::errors_with;

using test::kToyAssemblyProfile;

const char* kToyDecision =
    "[DU1]\n"
    "Decision 7 (2031) of the Toy Assembly\n"
    "\tThe Toy Assembly,\n"
    "\tRecalling its decision 3 (2030),\n"
    "\tNoting with appreciation the work of the Toy Committee,\n"
    "\t1.\tDecides to meet again;\n"
    "\t\t(a)\tin spring;\n"
    "\t2.\tRequests its Secretary to report.\n"
    "Done at the 12th sitting\n"
    "[DU1]<<ODS JOB NO>>T0000001<<ODS JOB NO>>\n";

// The default rule files, written into `dir` by their base names, plus `extra` files.
void write_rules(const test::TempDir& dir, const std::vector<std::pair<std::string, std::string>>& extra) {
  for (const auto& source : default_rule_sources())
    test::write_text(dir / std::filesystem::path(source.path).filename().string(), source.text);
  for (const auto& [name, text] : extra) test::write_text(dir / name, text);
}

SourceFile source(std::string path, std::string bytes) {
  SourceFile f;
  f.path = std::move(path);
  f.bytes = std::move(bytes);
  return f;
}

TEST(Profiles, AToyOrganIsReadThroughAProfileFromTheRulesDirectoryAlone) {
  const test::TempDir dir;
  write_rules(dir, {{"profiles.toy.yaml", kToyAssemblyProfile}});
  const RuleSet rules = load_rules(read_rule_sources(dir.path()));
  ASSERT_EQ(rules.profiles.back().id, "toy-assembly");
  const Document doc = parse(source("toy.txt", kToyDecision), rules);
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.meta.at("symbol"), "TA/DEC/7(2031)");
  EXPECT_EQ(r.meta.at("body"), "TA");  // the profile's organ
  EXPECT_EQ(r.meta.at("year"), "2031");
  EXPECT_EQ(r.meta.at("meeting"), "12");
  const auto count = [&](const std::string& kind, bool top) {
    return std::count_if(r.paragraphs.begin(), r.paragraphs.end(),
                         [&](const ParagraphRecord& p) { return p.kind == kind && (p.parent < 0) == top; });
  };
  EXPECT_EQ(count("preambular", true), 2);
  EXPECT_EQ(count("operative", true), 2);
  EXPECT_EQ(count("operative", false), 1);
  EXPECT_EQ(r.paragraphs.back().text, "Requests its Secretary to report.");  // the closing line is no paragraph
}

TEST(Profiles, WithoutTheProfileTheToyDecisionIsNoResolution) {
  const test::TempDir dir;
  write_rules(dir, {});
  const RuleSet rules = load_rules(read_rule_sources(dir.path()));
  try {
    (void)parse(source("toy.txt", kToyDecision), rules);
    FAIL() << "read without its profile";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no resolution found"), std::string::npos) << e.what();
  }
}

TEST(Profiles, TheBuiltInProfilesAreTheFourOrgans) {
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& p : test::default_rules().profiles) got.emplace_back(p.id, p.organ);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"general-assembly", "A"},
                                                                   {"economic-and-social-council", "E"},
                                                                   {"human-rights-council", "A/HRC"},
                                                                   {"security-council", "S"}}));
}

TEST(Profiles, ASecondProfileWithoutItsOwnStartIsAnError) {
  const auto messages = errors_with("x/p.yaml", "extends: profiles\nprofiles:\n  - id: nameless\n    organ: N\n");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("x/p.yaml:3:5: rule 'nameless': a profile after the first needs its own 'document.start'"),
            std::string::npos)
      << messages[0];
  EXPECT_EQ(errors_with("x/q.yaml", "extends: profiles\nprofiles:\n  - id: q\n    organ: Q\n    layout: x\n    document: {start: 'Q'}\n"),
            std::vector<std::string>{"x/q.yaml:5:5: rule 'q': unknown key 'layout' (use id, organ, document, metadata, facts, members)"});
}

// The texts of tests/data/organs are derived from the UN's XML (tests/data/README.md); the counts
// are the XML's (scripts/organ_agreement.py: the text and the XML load agree on these files).
struct OrganCase {
  const char* file;
  std::map<std::string, std::string> meta;
  int preambular, operative;
};

TEST(Profiles, EachOrganTextIsReadWithItsProfile) {
  const std::vector<OrganCase> cases = {
      {"organs/S_RES_2701_E.txt",
       {{"symbol", "S/RES/2701(2023)"}, {"body", "S"}, {"number", "2701"}, {"year", "2023"}, {"meeting", "9445"},
        {"adopted_on", "2023-10-19"}},
       16, 22},
      {"organs/A_HRC_RES_55_1E.txt",
       {{"symbol", "A/HRC/RES/55/1"}, {"body", "A/HRC"}, {"session", "55"}, {"number", "1"}, {"meeting", "53"},
        {"adopted_on", "2024-04-03"}},
       18, 22},
      {"organs/E_RES_2024_11-2414119E.txt",
       {{"symbol", "E/RES/2024/11"}, {"body", "E"}, {"session", "2024"}, {"year", "2024"}, {"meeting", "37"},
        {"committee", "Commission on Crime Prevention and Criminal Justice"}, {"basis_symbol", "E/2024/30"}},
       0, 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const Document doc = parse(test::read_data(c.file), test::default_rules());
    ASSERT_EQ(doc.resolutions.size(), 1u);
    const auto& r = doc.resolutions[0];
    for (const auto& [column, value] : c.meta) {
      ASSERT_TRUE(r.meta.count(column)) << column;
      EXPECT_EQ(r.meta.at(column), value) << column;
    }
    int preambular = 0, operative = 0;
    for (const auto& p : r.paragraphs) {
      preambular += p.parent < 0 && p.kind == "preambular";
      operative += p.parent < 0 && p.kind == "operative";
    }
    EXPECT_EQ(preambular, c.preambular);
    EXPECT_EQ(operative, c.operative);
  }
}

TEST(Profiles, AnEmbeddedDraftStaysInsideTheParagraphThatRecommendsIt) {
  const std::string text = test::read_text(test::data_dir() / "organs/E_RES_2024_11-2414119E.txt");
  const Document doc = parse(test::read_data("organs/E_RES_2024_11-2414119E.txt"), test::default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  // One paragraph: "Recommends …"; the draft's own preamble and twelve paragraphs are not paragraphs.
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].text, "Recommends to the General Assembly the adoption of the following draft resolution:");
  // Its source span runs over the draft, to the line before the closing "37th plenary meeting".
  const std::string_view span = std::string_view(text).substr(r.paragraphs[0].span.begin, r.paragraphs[0].span.size());
  EXPECT_NE(span.find("The General Assembly,"), std::string_view::npos);
  EXPECT_NE(span.find("12.\tInvites Member States"), std::string_view::npos);
  EXPECT_EQ(span.find("plenary meeting"), std::string_view::npos);
}

}  // namespace
}  // namespace unres
