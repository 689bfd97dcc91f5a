// Vocabulary::number and Vocabulary::iso_date with the default rules (mappings/vocabulary.yaml).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "common.h"
#include "rules/loader.h"
#include "text.h"

namespace unres {
namespace {

const Vocabulary& vocab() { return test::default_rules().vocabulary; }

struct NumberRow {
  const char* text;
  std::optional<int> value;
};

class VocabularyNumber : public ::testing::TestWithParam<NumberRow> {};

TEST_P(VocabularyNumber, Parses) {
  const auto& row = GetParam();
  EXPECT_EQ(vocab().number(row.text), row.value) << "'" << row.text << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Table, VocabularyNumber,
    ::testing::Values(NumberRow{"sixty-ninth", 69}, NumberRow{"seventieth", 70}, NumberRow{"one hundred and first", 101},
                      NumberRow{"70", 70}, NumberRow{"foo", std::nullopt}, NumberRow{"Sixty-Eighth", 68},
                      NumberRow{"  seventy-sixth ", 76}, NumberRow{"eightieth", 80}, NumberRow{"first", 1},
                      NumberRow{"twenty-first", 21}, NumberRow{"one hundredth", 100}, NumberRow{"hundred", 100},
                      NumberRow{"0", 0}, NumberRow{"007", 7}, NumberRow{"1234567", std::nullopt},
                      NumberRow{"", std::nullopt}, NumberRow{"   ", std::nullopt}, NumberRow{"sixty-foo", std::nullopt},
                      NumberRow{"69th", std::nullopt}, NumberRow{"and", std::nullopt}, NumberRow{"-", std::nullopt}));

struct DateRow {
  const char* text;
  std::optional<std::string> iso;
};

class VocabularyDate : public ::testing::TestWithParam<DateRow> {};

TEST_P(VocabularyDate, Parses) {
  const auto& row = GetParam();
  EXPECT_EQ(vocab().iso_date(row.text), row.iso) << "'" << row.text << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Table, VocabularyDate,
    ::testing::Values(DateRow{"19 May 2014", "2014-05-19"}, DateRow{"31 Foo 2014", std::nullopt},
                      DateRow{"1 January 2000", "2000-01-01"}, DateRow{"31 December 1999", "1999-12-31"},
                      DateRow{"19  may\n2014", "2014-05-19"}, DateRow{"32 May 2014", std::nullopt},
                      DateRow{"0 May 2014", std::nullopt}, DateRow{"19 May 1899", std::nullopt},
                      DateRow{"19 May", std::nullopt}, DateRow{"May 2014", std::nullopt}, DateRow{"", std::nullopt},
                      DateRow{"x May 2014", std::nullopt}, DateRow{"19 May year", std::nullopt}));

TEST(Vocabulary, MonthsAndRelativeSessions) {
  EXPECT_EQ(vocab().months.size(), 12u);
  EXPECT_EQ(vocab().months.at("september"), 9);
  EXPECT_EQ(vocab().relative_sessions.at("next"), 1);
  EXPECT_EQ(vocab().relative_sessions.at("current"), 0);
}

}  // namespace
}  // namespace unres

namespace unres {
namespace {

// The engine knows no language: dates, joiners and case come from the rules and from UTF-8.
TEST(LanguageNeutral, DatesFollowTheRulesDateForms) {
  auto sources = default_rule_sources();
  sources.push_back({"x/fr.yaml", "extends: phrases\ncoordinators: [et]\n"});
  RuleSet rules = load_rules(sources);
  auto& v = rules.vocabulary;
  v.months["janvier"] = 1;
  v.dates.push_back(Pattern::compile("(?P<day>[0-9]{1,2})(?:er)? (?P<month>\\S+) (?P<year>[0-9]{4})"));
  v.dates.push_back(Pattern::compile("(?P<year>[0-9]{4})年(?P<month>[0-9]{1,2})月(?P<day>[0-9]{1,2})日"));
  EXPECT_EQ(v.iso_date("1er janvier 2024").value_or(""), "2024-01-01");
  EXPECT_EQ(v.iso_date("2024年1月31日").value_or(""), "2024-01-31");
  EXPECT_EQ(v.iso_date("19 May 2014").value_or(""), "2014-05-19");
  EXPECT_FALSE(v.iso_date("2024年2月30日"));
  EXPECT_TRUE(rules.phrases.coordinators.count("et"));
}

TEST(LanguageNeutral, CaseFoldingAndLowerCaseStartsReadUtf8) {
  EXPECT_EQ(fold_case("Prie ÉGALEMENT"), "prie également");
  EXPECT_EQ(fold_case("Просит ТАКЖЕ"), "просит также");
  EXPECT_EQ(fold_case("يطلب"), "يطلب");
  EXPECT_EQ(fold_case("ŁÓDŹ İ"), "łódź İ");
  EXPECT_TRUE(starts_lowercase("été"));
  EXPECT_TRUE(starts_lowercase("просит"));
  EXPECT_FALSE(starts_lowercase("Été"));
  EXPECT_FALSE(starts_lowercase("Просит"));
  EXPECT_FALSE(starts_lowercase("يطلب"));
  EXPECT_FALSE(starts_lowercase("1. text"));
  EXPECT_EQ(phrase_key("Prie  ÉGALEMENT ,"), "prie également,");
}

}  // namespace
}  // namespace unres
