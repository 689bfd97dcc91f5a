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
    // Stemmed: parliaments also finds Parliament.
    EXPECT_NE(lower(hit.snippet).find("[parliament"), std::string::npos) << hit.snippet;
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

  // Stemmed: mobilize resources, resource mobilization, resources and the mobilization.
  const auto near = search("NEAR(mobilize resources, 2)");
  ASSERT_EQ(near.total, 3);
  for (const auto& hit : near.hits) {
    EXPECT_EQ(hit.symbol, "A/RES/68/230");
    EXPECT_EQ(hit.kind, "operative");
  }
  EXPECT_EQ(search("\"mobilize adequate resources\"").hits.at(0).paragraph, "17");
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
  for (const std::string bad : {"AND parliaments", "\"unterminated", "parliaments (", "NEAR(a b,", "&", "- *", ""})
    EXPECT_THROW(search(bad), QueryError) << bad;
}

// Issue 17: words with hyphens, slashes, apostrophes and colons are words, not FTS5 syntax.
TEST(Fts5Query, OrdinaryWordsAreQuotedSyntaxIsKept) {
  EXPECT_EQ(fts5_query("self-determination"), "\"self-determination\"");
  EXPECT_EQ(fts5_query("A/RES/70/1"), "\"A/RES/70/1\"");
  EXPECT_EQ(fts5_query("Member States'"), "Member \"States'\"");
  EXPECT_EQ(fts5_query("nosuchcolumn: word"), "\"nosuchcolumn:\" word");
  EXPECT_EQ(fts5_query("peace, security"), "peace  security");
  EXPECT_EQ(fts5_query("self-determ*"), "\"self-determ\"*");
  EXPECT_EQ(fts5_query("- & COVID-19"), "  \"COVID-19\"");
  // FTS5 syntax where it is unambiguous: phrases, prefixes, operators in capitals, NEAR, groups.
  EXPECT_EQ(fts5_query("\"South-South cooperation\" OR parliament*"), "\"South-South cooperation\" OR parliament*");
  EXPECT_EQ(fts5_query("NEAR(self-determination peoples, 5)"), "NEAR(\"self-determination\" peoples, 5)");
  EXPECT_EQ(fts5_query("(a OR b) NOT c"), "(a OR b) NOT c");
  EXPECT_EQ(fts5_query("near and or"), "near and or");
}

TEST_F(Search, FiltersNarrowTheHits) {
  const auto all = search("cooperation", 1000);
  ASSERT_GT(all.total, 0);
  const auto in = [&](const SearchFilters& f) { return queries.search("cooperation", "[", "]", 1000, f); };

  const auto session = in({68, std::nullopt, std::string(), std::string(), std::string()});
  EXPECT_GT(session.total, 0);
  EXPECT_LT(session.total, all.total);
  for (const auto& h : session.hits) EXPECT_EQ(h.session, 68) << h.symbol;

  const auto year = in({std::nullopt, 2013, std::string(), std::string(), std::string()});
  EXPECT_GT(year.total, 0);
  for (const auto& h : year.hits) EXPECT_EQ(h.symbol, "A/RES/68/230");  // the seeds' only 2013 resolution

  for (const std::string committee : {"Second", "second committee", "SECOND COMMITTEE"}) {
    const auto second = in({std::nullopt, std::nullopt, std::string(committee), std::string(), std::string()});
    EXPECT_EQ(second.total, year.total) << committee;
    for (const auto& h : second.hits) EXPECT_EQ(h.committee, "Second Committee");
  }
  const auto plenary = in({std::nullopt, std::nullopt, std::string("plenary"), std::string(), std::string()});
  EXPECT_EQ(plenary.total + year.total, all.total);
  for (const auto& h : plenary.hits) EXPECT_EQ(h.committee, "");
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("Fifth"), std::string(), std::string()}).total, 0);

  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string(), std::string("a"), std::string()}).total, all.total);
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string(), std::string("S"), std::string()}).total, 0);

  const auto operative = in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("operative")});
  const auto preambular = in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("preambular")});
  EXPECT_GT(operative.total, 0);
  EXPECT_GT(preambular.total, 0);
  EXPECT_EQ(operative.total + preambular.total + in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("annex")}).total, all.total);
  for (const auto& h : operative.hits) EXPECT_EQ(h.kind, "operative");

  const auto both = in({68, std::nullopt, std::string(), std::string(), std::string("operative")});
  EXPECT_GT(both.total, 0);
  EXPECT_LT(both.total, std::min(session.total, operative.total) + 1);
  // A filter value is data, never SQL or a LIKE pattern.
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("%"), std::string(), std::string()}).total, 0);
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("' OR 1=1 --"), std::string(), std::string()}).total, 0);
}

// Issue 17: ordinary UN words, symbols and other forms of a word find the paragraphs that hold them.
TEST(SearchWords, PunctuatedWordsSymbolsAndStems) {
  test::TempDir dir;
  const auto file = dir / "resolution.txt";
  std::string text = test::read_text(test::data_dir() / "seeds/000_6ebaee88ab77a99b.txt");
  const auto at = text.find("deliberative processes");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "deliberative processes on self-determination, COVID-19, refugees and resolution 70/1 (A/RES/70/1)");
  test::write_text(file, text);
  const auto db = dir / "words.db";
  test::ingest_into(db, {file});
  Queries queries(db);
  const auto total = [&](const std::string& q) { return queries.search(q, "[", "]", 10).total; };
  for (const std::string q : {"self-determination", "Secretary-General", "COVID-19", "A/RES/70/1", "70/1",
                              "Member States'", "refugee", "refugees", "self-determin*"})
    EXPECT_GE(total(q), 1) << q;
  EXPECT_EQ(total("refugee"), total("refugees"));
  EXPECT_EQ(total("parliament"), total("parliaments"));
  EXPECT_EQ(total("\"A/RES/70/2\""), 0);
  const auto hit = queries.search("refugee", "[", "]", 1);
  ASSERT_EQ(hit.hits.size(), 1u);
  EXPECT_NE(hit.hits[0].snippet.find("[refugees]"), std::string::npos) << hit.hits[0].snippet;
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
  changed.replace(changed.find("deliberative"), 12, "xylophonic");
  test::write_text(file, changed);
  test::ingest_into(db, {file});
  Queries queries(db);
  EXPECT_EQ(queries.search("deliberative", "[", "]", 10).total, 0);
  EXPECT_EQ(queries.search("xylophonic", "[", "]", 10).total, 1);
  // The replaced paragraphs are indexed once, not twice.
  EXPECT_EQ(queries.search("parliaments", "[", "]", 100).total,
            Queries(test::seeds_database()).search("parliaments", "[", "]", 100).total);
}

}  // namespace
}  // namespace unres
