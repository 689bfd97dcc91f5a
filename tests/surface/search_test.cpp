// Full-text search: FTS5 query syntax, no hits, bad queries, and the index kept in step with loads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "common.h"
#include "surface.h"

namespace unres {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class Search : public ::testing::Test {
 protected:
  Queries queries{test::seeds_database()};
  SearchResult search(const std::string& q, std::int64_t limit = 100) { return queries.search(q, "[", "]", limit); }
};

TEST_F(Search, FindsWordsAndMarksThem) {
  const auto r = search("parliaments");
  ASSERT_GT(r.total, 0);
  EXPECT_EQ(r.total, static_cast<std::int64_t>(r.hits.size()));
  for (const auto& hit : r.hits) {
    EXPECT_EQ(hit.symbol, "A/RES/68/272");
    EXPECT_NE(lower(hit.snippet).find("[parliaments]"), std::string::npos) << hit.snippet;
    EXPECT_FALSE(hit.paragraph.empty());
  }
}

TEST_F(Search, PrefixPhraseAndNearQueries) {
  const auto prefix = search("parliament*");
  const auto word = search("parliaments");
  EXPECT_GT(prefix.total, word.total);

  const auto phrase = search("\"Shanghai Cooperation Organization\"");
  ASSERT_GT(phrase.total, 0);
  for (const auto& hit : phrase.hits) {
    EXPECT_TRUE(hit.symbol == "A/RES/65/124" || hit.symbol == "A/RES/67/15") << hit.symbol;
    // A phrase is marked as one span, unless the snippet ends inside it.
    EXPECT_TRUE(hit.snippet.find("[Shanghai Cooperation Organization]") != std::string::npos ||
                hit.snippet.ends_with("[Shanghai]…") || hit.snippet.ends_with("[Shanghai Cooperation]…"))
        << hit.snippet;
  }

  const auto near = search("NEAR(mobilize resources, 2)");
  ASSERT_EQ(near.total, 1);
  EXPECT_EQ(near.hits[0].symbol, "A/RES/68/230");
  EXPECT_EQ(near.hits[0].kind, "operative");
  EXPECT_EQ(near.hits[0].paragraph, "17");
  EXPECT_EQ(search("NEAR(mobilize triangular, 1)").total, 0);
}

TEST_F(Search, LimitKeepsTheBestAndCountsAll) {
  const auto all = search("cooperation");
  const auto three = search("cooperation", 3);
  ASSERT_GT(all.total, 3);
  EXPECT_EQ(three.total, all.total);
  ASSERT_EQ(three.hits.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(three.hits[i].snippet, all.hits[i].snippet);
}

TEST_F(Search, NoHitIsEmpty) {
  const auto r = search("xylophone");
  EXPECT_EQ(r.total, 0);
  EXPECT_TRUE(r.hits.empty());
}

TEST_F(Search, BadQueriesAreQueryErrors) {
  for (const std::string bad : {"AND parliaments", "\"unterminated", "parliaments (", "nosuchcolumn: word", "NEAR(a b,"})
    EXPECT_THROW(search(bad), QueryError) << bad;
}

// A re-ingested file replaces its paragraphs: the index must forget the old text and know the new.
TEST(SearchIndex, FollowsReplacedFiles) {
  test::TempDir dir;
  const auto file = dir / "resolution.txt";
  const std::string original = test::read_text(test::data_dir() / "seeds/000_6ebaee88ab77a99b.txt");
  ASSERT_NE(original.find("deliberative"), std::string::npos);
  test::write_text(file, original);
  const auto db = dir / "index.db";
  test::ingest_into(db, {file});
  EXPECT_EQ(Queries(db).search("deliberative", "[", "]", 10).total, 1);

  std::string changed = original;
  changed.replace(changed.find("deliberative"), 12, "consultative");
  test::write_text(file, changed);
  test::ingest_into(db, {file});
  Queries queries(db);
  EXPECT_EQ(queries.search("deliberative", "[", "]", 10).total, 0);
  EXPECT_EQ(queries.search("consultative", "[", "]", 10).total, 1);
  // The replaced paragraphs are indexed once, not twice.
  EXPECT_EQ(queries.search("parliaments", "[", "]", 100).total,
            Queries(test::seeds_database()).search("parliaments", "[", "]", 100).total);
}

}  // namespace
}  // namespace unres
