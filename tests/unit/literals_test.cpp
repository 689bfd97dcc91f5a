// rules/literals.h: whole-word, leftmost-longest matching of many literals, which must find
// exactly what the RE2 alternation \b(?:a|b|...)\b would.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "common.h"
#include "rules/literals.h"
#include "rules/pattern.h"

namespace unres {
namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(LiteralSet, LongestAtTheLeftmostWordStart) {
  const LiteralSet set({"United Nations", "United Nations Children's Fund", "Fund", "UN-Women", "UN"});
  const std::string text = "the United Nations Children's Fund, UN-Women and UN (Fund) and the United Nations.";
  EXPECT_EQ(texts(text, set.find_all(text)),
            (std::vector<std::string>{"United Nations Children's Fund", "UN-Women", "UN", "Fund", "United Nations"}));
}

TEST(LiteralSet, WholeWordsOnly) {
  const LiteralSet set({"Fund", "UN", "Côte d’Ivoire"});
  EXPECT_TRUE(set.find_all("Funding UNDP UNs FUND fund _UN UN_").empty());
  const std::string text = "in Côte d’Ivoire's north";
  EXPECT_EQ(texts(text, set.find_all(text)), (std::vector<std::string>{"Côte d’Ivoire"}));
}

TEST(LiteralSet, BoundariesLookOutsideTheRange) {
  const LiteralSet set({"UN"});
  const std::string text = "XUN UN UNX";
  // [1, 3) holds "UN" but it is part of "XUN"; [7, 9) holds "UN" of "UNX".
  EXPECT_TRUE(set.find_all(text, 1, 3).empty());
  EXPECT_TRUE(set.find_all(text, 7, 9).empty());
  EXPECT_EQ(set.find_all(text, 4, 6).size(), 1u);
  // A match must end inside the range.
  EXPECT_TRUE(set.find_all(text, 4, 5).empty());
}

TEST(LiteralSet, LiteralEndingInPunctuationNeedsAWordAfterIt) {
  // \b after ")" holds only before a word character, as in RE2.
  const LiteralSet set({"Committee (2004)"});
  EXPECT_TRUE(set.find_all("the Committee (2004) met").empty());
  EXPECT_EQ(set.find_all("the Committee (2004)x met").size(), 1u);
}

TEST(LiteralSet, RefusesWhatCannotStartAWord) {
  EXPECT_THROW(LiteralSet({""}), std::invalid_argument);
  EXPECT_THROW(LiteralSet({"(UNDP)"}), std::invalid_argument);
  EXPECT_TRUE(LiteralSet().empty());
  EXPECT_TRUE(LiteralSet().find_all("anything").empty());
}

// The gazetteer of mappings/organizations.yaml over every real resolution of tests/data: the same
// spans as RE2's leftmost-longest alternation.
TEST(LiteralSet, SameMatchesAsTheRe2AlternationOnRealResolutions) {
  const auto& gaz = test::default_rules().organizations;
  std::vector<std::string> surfaces;
  for (const auto& [surface, entry] : gaz.entry_of_surface) surfaces.push_back(surface);
  PatternOptions longest;
  longest.longest_match = true;
  longest.max_memory = 256 << 20;
  const Pattern re2 = Pattern::any_literal(surfaces, "\\b", "\\b", longest);
  std::size_t total = 0;
  for (const auto& file : test::corpus_files()) {
    const std::string text = test::read_text(file);
    std::vector<Span> expected;
    for (const auto& m : re2.find_all(text)) expected.push_back(m.whole);
    const auto got = gaz.matcher.find_all(text);
    ASSERT_EQ(texts(text, got), texts(text, expected)) << file;
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].begin, expected[i].begin) << file;
    total += got.size();
  }
  EXPECT_GT(total, 100u);  // the comparison saw real mentions
}

}  // namespace
}  // namespace unres
