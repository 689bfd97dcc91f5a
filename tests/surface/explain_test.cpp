// explain: the rows of a resolution or paragraph with the source text cut at their offsets, and
// what happens when the source file changed or went away.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "common.h"
#include "surface.h"

namespace unres {
namespace {

using test::canonical;
using test::default_rules;

// Rows whose stored value is the very text they were matched on (whitespace folded).
bool stores_its_surface(const ExplainRow& row) {
  return row.table == "action_verbs" || row.table == "organization_mentions" || row.table == "footnote_refs" ||
         (row.table == "citations" && !row.rule_id.starts_with("footnote/") && !row.rule_id.starts_with("ibid/"));
}

class Explain : public ::testing::TestWithParam<std::string> {};

TEST_P(Explain, CutTextEqualsTheSurface) {
  Queries queries(test::seeds_database());
  const Explanation e = queries.explain(GetParam(), std::nullopt);
  EXPECT_TRUE(e.source_problem.empty()) << e.source_problem;
  ASSERT_FALSE(e.rows.empty());
  std::size_t compared = 0;
  for (const auto& row : e.rows) {
    EXPECT_EQ(static_cast<std::int64_t>(row.source.size()), row.end - row.start) << row.table << " " << row.id;
    EXPECT_GE(row.start, e.start);
    EXPECT_LE(row.end, e.end);
    if (stores_its_surface(row)) {
      EXPECT_EQ(canonical(row.source, default_rules()), canonical(row.value, default_rules()))
          << row.table << " " << row.id << " rule " << row.rule_id;
      ++compared;
    } else if (row.table == "paragraphs" || row.table == "footnotes") {
      // The stored text drops the printed number and footnote marks: its first word is in the cut.
      const std::string first = row.value.substr(0, row.value.find(' '));
      EXPECT_NE(canonical(row.source, default_rules()).find(first), std::string::npos) << row.table << " " << row.id;
    }
  }
  EXPECT_GT(compared, 10u);
}

INSTANTIATE_TEST_SUITE_P(Seeds, Explain,
                         ::testing::Values("A/RES/68/272", "A/RES/68/230", "A/RES/69/12", "A/RES/65/124", "A/RES/67/15"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name)
                             if (c == '/') c = '_';
                           return name;
                         });

// Issue 17: a General Assembly resolution is also known by its number alone; case and spaces aside.
TEST(ExplainSymbol, AcceptsTheShortFormOfAnAssemblySymbol) {
  Queries queries(test::seeds_database());
  for (const std::string typed : {"68/230", " a/res/68/230 ", "A/RES/68/230"}) {
    const Explanation e = queries.explain(typed, std::nullopt);
    EXPECT_EQ(e.symbol, "A/RES/68/230") << typed;
    EXPECT_FALSE(e.rows.empty()) << typed;
  }
  EXPECT_THROW(queries.explain("68/999", std::nullopt), QueryError);
  EXPECT_THROW(queries.explain("S/RES/68/230", std::nullopt), QueryError);
}

TEST(ExplainParagraph, ListsOnlyThatParagraph) {
  Queries queries(test::seeds_database());
  const Explanation e = queries.explain("A/RES/68/230", 21);
  ASSERT_FALSE(e.rows.empty());
  std::set<std::string> tables;
  for (const auto& row : e.rows) {
    EXPECT_EQ(row.paragraph, "21") << row.table << " " << row.id;
    tables.insert(row.table);
  }
  EXPECT_TRUE(tables.count("paragraphs"));
  EXPECT_TRUE(tables.count("action_verbs"));
  EXPECT_TRUE(tables.count("deadlines"));
  EXPECT_EQ(e.rows.front().table, "paragraphs");
  EXPECT_TRUE(e.rows.front().source.find("Decides to include") != std::string::npos) << e.rows.front().source;
  // Symbols are matched whatever their case.
  EXPECT_EQ(queries.explain("a/res/68/230", 21).rows.size(), e.rows.size());
}

TEST(ExplainParagraph, UnknownSymbolOrParagraphIsAQueryError) {
  Queries queries(test::seeds_database());
  EXPECT_THROW(queries.explain("A/RES/1/1", std::nullopt), QueryError);
  EXPECT_THROW(queries.explain("A/RES/68/230", 99), QueryError);
}

TEST(ExplainSource, ChangedOrMissingFileGivesNoText) {
  test::TempDir dir;
  const auto file = dir / "resolution.txt";
  const std::string original = test::read_text(test::data_dir() / "seeds/001_0943c82c3fc4f3e2.txt");
  test::write_text(file, original);
  const auto db = dir / "explain.db";
  test::ingest_into(db, {file});
  Queries queries(db);
  EXPECT_TRUE(queries.explain("A/RES/68/230", 1).source_problem.empty());

  // Same size, different bytes: offsets would still fall inside the file, on the wrong text.
  std::string changed = original;
  changed[changed.find("Takes note")] = 'M';
  test::write_text(file, changed);
  auto e = queries.explain("A/RES/68/230", 1);
  EXPECT_NE(e.source_problem.find("changed since it was loaded"), std::string::npos) << e.source_problem;
  ASSERT_FALSE(e.rows.empty());
  for (const auto& row : e.rows) EXPECT_TRUE(row.source.empty());

  std::filesystem::remove(file);
  e = queries.explain("A/RES/68/230", 1);
  EXPECT_NE(e.source_problem.find(file.string()), std::string::npos) << e.source_problem;
  for (const auto& row : e.rows) EXPECT_TRUE(row.source.empty());
}

}  // namespace
}  // namespace unres
