// rules/loader.h: a rules directory is read whole. Every .yaml file is loaded; one that is not a
// base file adds to the section it names ("extends: phrases"), and a file or key the loader does
// not understand is an error with its file:line:col, never skipped.
#include <gtest/gtest.h>

#include <fstream>

#include "common.h"
#include "errors.h"
#include "rules/loader.h"

namespace unres {
namespace {

using test::errors_with;

TEST(RulesDirectory, AFileThatExtendsPhrasesAddsVerbs) {
  auto sources = default_rule_sources();
  sources.push_back({"my/my_verbs.yaml",
                     "extends: phrases\n"
                     "phrases:\n"
                     "  - lemma: honour\n"
                     "    preambular: [Honouring]\n"
                     "    operative: [Honours]\n"});
  const RuleSet rules = load_rules(sources);
  EXPECT_EQ(rules.phrases.lemma_of_form.at("honouring"), "honour");
  EXPECT_TRUE(rules.phrases.operative_forms.count("honours"));
  // The matcher's index knows the new form, and the rules hash covers the new file.
  EXPECT_TRUE(rules.phrases.roles.count("honours"));
  EXPECT_NE(rules.hash, load_rules(default_rule_sources()).hash);
}

TEST(RulesDirectory, AFileThatExtendsOrganizationsAddsToTheGazetteer) {
  auto sources = default_rule_sources();
  sources.push_back({"x/orgs.yaml", "extends: organizations\norganizations:\n"
                                    "  - {name: Toy Organization of the Test, acronym: TOTT, category: other}\n"});
  const RuleSet rules = load_rules(sources);
  EXPECT_TRUE(rules.organizations.entry_of_surface.count("TOTT"));
  EXPECT_FALSE(rules.organizations.matcher.find_all("the TOTT said").empty());
}

TEST(RulesDirectory, AFileThatSaysNothingOfWhatItIsIsAnError) {
  const auto messages = errors_with("x/my_verbs.yaml", "phrases:\n  - lemma: honour\n");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("x/my_verbs.yaml:1:1: a rule file other than"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("'extends: phrases'"), std::string::npos) << messages[0];
}

TEST(RulesDirectory, AnUnknownSectionOrKeyIsAnErrorWithItsPosition) {
  EXPECT_EQ(errors_with("x/a.yaml", "extends: verbs\n"),
            std::vector<std::string>{
                "x/a.yaml:1:10: unknown section 'verbs' to extend (use phrases, organizations, citations, deadlines, profiles)"});
  EXPECT_EQ(errors_with("x/b.yaml", "extends: phrases\nsecondary_connector: ','\n"),
            std::vector<std::string>{"x/b.yaml:2:1: unknown key 'secondary_connector' (use extends, language, modifiers, "
                                     "postmodifiers, qualifiers, coordinators, phrases)"});
}

TEST(RulesDirectory, ExtensionsAreCheckedLikeBaseFiles) {
  const auto taken = errors_with("x/c.yaml", "extends: phrases\nphrases:\n  - lemma: honour\n    operative: [Requests]\n");
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_NE(taken[0].find("form 'Requests' already belongs to lemma 'request'"), std::string::npos) << taken[0];
  const auto kind = errors_with("x/d.yaml", "extends: deadlines\nrules:\n  - id: toy\n    kind: wish\n"
                                            "    pattern: 'by (?P<due_year>[0-9]{4})'\n");
  ASSERT_FALSE(kind.empty());
  EXPECT_NE(kind[0].find("unknown kind 'wish'"), std::string::npos) << kind[0];
}

TEST(RulesDirectory, EveryYamlFileOfADirectoryIsRead) {
  test::TempDir dir;
  for (const auto& s : default_rule_sources()) test::write_text(dir / std::filesystem::path(s.path).filename().string(), s.text);
  test::write_text(dir / "zz_verbs.yaml", "extends: phrases\nphrases:\n  - lemma: honour\n    preambular: [Honouring]\n");
  test::write_text(dir / "notes.txt", "not a rule file");
  const auto sources = read_rule_sources(dir.path());
  ASSERT_EQ(sources.size(), default_rule_sources().size() + 1);
  EXPECT_EQ(std::filesystem::path(sources.back().path).filename(), "zz_verbs.yaml");
  EXPECT_EQ(load_rules(sources).phrases.lemma_of_form.at("honouring"), "honour");
}

}  // namespace
}  // namespace unres
