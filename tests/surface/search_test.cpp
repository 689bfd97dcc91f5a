// Full-text search: FTS5 query syntax, no hits, bad queries, and the index kept in step with loads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include <sqlite3.h>

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

TEST(Fts5Query, WordFormsWidenTypedWordsOutsidePhrasesAndNear) {
  // A toy widening: a word starting with 'a' is also sought with "x" before it.
  const WordForms forms = [](std::string_view word) {
    return word.starts_with('a') ? std::vector<std::string>{"x" + std::string(word)} : std::vector<std::string>{};
  };
  EXPECT_EQ(fts5_query("ab cd", forms), "(ab OR xab) cd");
  EXPECT_EQ(fts5_query("ab* OR a-b", forms), "(ab* OR xab*) OR (\"a-b\" OR \"xa-b\")");
  EXPECT_EQ(fts5_query("\"ab cd\" NEAR(ab cd, 3)", forms), "\"ab cd\" NEAR(ab cd, 3)");
  EXPECT_EQ(fts5_query("ab", {}), "ab");
  // A form ending in '*' is a stem: a prefix query.
  const WordForms stems = [](std::string_view word) { return std::vector<std::string>{std::string(word.substr(0, 2)) + "*"}; };
  EXPECT_EQ(fts5_query("abcd", stems), "(abcd OR ab*)");
}

TEST_F(Search, FiltersNarrowTheHits) {
  const auto all = search("cooperation", 1000);
  ASSERT_GT(all.total, 0);
  const auto in = [&](const SearchFilters& f) { return queries.search("cooperation", "[", "]", 1000, f); };

  const auto session = in({68, std::nullopt, std::string(), std::string(), std::string(), std::string()});
  EXPECT_GT(session.total, 0);
  EXPECT_LT(session.total, all.total);
  for (const auto& h : session.hits) EXPECT_EQ(h.session, 68) << h.symbol;

  const auto year = in({std::nullopt, 2013, std::string(), std::string(), std::string(), std::string()});
  EXPECT_GT(year.total, 0);
  for (const auto& h : year.hits) EXPECT_EQ(h.symbol, "A/RES/68/230");  // the seeds' only 2013 resolution

  for (const std::string committee : {"Second", "second committee", "SECOND COMMITTEE"}) {
    const auto second = in({std::nullopt, std::nullopt, std::string(committee), std::string(), std::string(), std::string()});
    EXPECT_EQ(second.total, year.total) << committee;
    for (const auto& h : second.hits) EXPECT_EQ(h.committee, "Second Committee");
  }
  const auto plenary = in({std::nullopt, std::nullopt, std::string("plenary"), std::string(), std::string(), std::string()});
  EXPECT_EQ(plenary.total + year.total, all.total);
  for (const auto& h : plenary.hits) EXPECT_EQ(h.committee, "");
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("Fifth"), std::string(), std::string(), std::string()}).total, 0);

  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string(), std::string("a"), std::string(), std::string()}).total, all.total);
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string(), std::string("S"), std::string(), std::string()}).total, 0);

  const auto operative = in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("operative"), std::string()});
  const auto preambular = in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("preambular"), std::string()});
  EXPECT_GT(operative.total, 0);
  EXPECT_GT(preambular.total, 0);
  EXPECT_EQ(operative.total + preambular.total + in({std::nullopt, std::nullopt, std::string(), std::string(), std::string("annex"), std::string()}).total, all.total);
  for (const auto& h : operative.hits) EXPECT_EQ(h.kind, "operative");

  const auto both = in({68, std::nullopt, std::string(), std::string(), std::string("operative"), std::string()});
  EXPECT_GT(both.total, 0);
  EXPECT_LT(both.total, std::min(session.total, operative.total) + 1);
  // A filter value is data, never SQL or a LIKE pattern.
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("%"), std::string(), std::string(), std::string()}).total, 0);
  EXPECT_EQ(in({std::nullopt, std::nullopt, std::string("' OR 1=1 --"), std::string(), std::string(), std::string()}).total, 0);
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

// Issue 16: a word of each of the six languages, in one resolution (A/RES/78/11) in all six.
class SearchLanguages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;  // NOLINT: one per suite, freed in TearDownTestSuite
    for (const char* file : {"akn/A_RES_78_11-2323817E.xml", "akn/A_RES_78_11-2323817F.xml",
                             "akn-lang/A_RES_78_11-2323817S.xml", "akn/A_RES_78_11-2323817A.xml",
                             "akn/A_RES_78_11-2323817C.xml", "akn-lang/A_RES_78_11-2323817R.xml"}) {
      const std::filesystem::path from = test::data_dir() / file;
      std::filesystem::copy_file(from, *dir_ / from.filename().string());
    }
    test::ingest_into(db(), {dir_->path()});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::filesystem::path db() { return *dir_ / "six.db"; }

  // The hits of `query` in `language`, after checking that every hit is of that language and that
  // a search in all languages finds them too.
  static SearchResult in(const std::string& language, const std::string& query) {
    Queries queries(db());
    SearchFilters only;
    only.language = language;
    auto result = queries.search(query, "[", "]", 100, only);
    for (const auto& hit : result.hits) EXPECT_EQ(hit.language, language) << query << ": " << hit.symbol;
    EXPECT_GE(queries.search(query, "[", "]", 1000).total, result.total) << query;
    return result;
  }
  // The hits of `query` in `language` (all languages when empty) with the words widened by the
  // rules' search_words (Vocabulary::search_forms), as `unres search` asks.
  static SearchResult widened(const std::string& language, const std::string& query) {
    const auto& vocabulary = test::default_rules().vocabulary;
    SearchFilters only;
    only.language = language;
    return Queries(db()).search(query, "[", "]", 100, only,
                                [&](std::string_view word) { return vocabulary.search_forms(word); });
  }
  static bool marked(const SearchResult& r, const std::string& word) {
    return std::any_of(r.hits.begin(), r.hits.end(),
                       [&](const SearchHit& h) { return h.snippet.find("[" + word + "]") != std::string::npos; });
  }

  static test::TempDir* dir_;
};
test::TempDir* SearchLanguages::dir_ = nullptr;

TEST_F(SearchLanguages, English) {
  const auto r = in("en", "jurisdictions");  // stemmed: the text has "jurisdiction"
  EXPECT_GE(r.total, 1);
  EXPECT_TRUE(marked(r, "jurisdiction")) << r.hits.at(0).snippet;
  EXPECT_EQ(in("fr", "jurisdictions").total, 0);
}

TEST_F(SearchLanguages, FrenchWithAndWithoutAccents) {
  const auto accented = in("fr", "juridiction");
  EXPECT_GE(accented.total, 1);
  EXPECT_EQ(in("fr", "décision").total, in("fr", "decision").total);
  EXPECT_GE(in("fr", "decision").total, 1);
  EXPECT_TRUE(marked(in("fr", "Declare"), "Déclare"));
}

TEST_F(SearchLanguages, SpanishWithAndWithoutAccents) {
  const auto r = in("es", "jurisdicción");
  EXPECT_GE(r.total, 1);
  EXPECT_EQ(in("es", "jurisdiccion").total, r.total);
  EXPECT_TRUE(marked(r, "jurisdicción"));
}

TEST_F(SearchLanguages, RussianAnyCase) {
  const auto r = in("ru", "юрисдикцию");
  EXPECT_GE(r.total, 1);
  EXPECT_EQ(in("ru", "ЮРИСДИКЦИЮ").total, r.total);
  EXPECT_EQ(in("ru", "Israel").total, 0);  // Израиль
}

TEST_F(SearchLanguages, ArabicWithoutItsVowelMarks) {
  // The text writes تُستأنَف (with a damma and a fatha): the bare word finds it, and so does the
  // word with other marks (a query's marks are left out as the text's are).
  const auto resumed = in("ar", "تستأنف");
  ASSERT_EQ(resumed.total, 1);
  EXPECT_TRUE(marked(resumed, "تستأنف")) << resumed.hits[0].snippet;
  EXPECT_EQ(in("ar", "تُستأنَف").total, 1);
  EXPECT_EQ(in("ar", "تَسْتأنِف").total, 1);
  EXPECT_GE(in("ar", "إسرائيل").total, 1);
}

TEST_F(SearchLanguages, ArabicWordsWithTheParticlesAndArticleJoinedToThem) {
  // قرار (resolution) is also written لقرار (for a resolution) and القرار (the resolution): the
  // rules' search_words widen the query, never the index.
  const auto resolution = widened("ar", "قرار");
  EXPECT_GT(resolution.total, in("ar", "قرار").total);
  for (const std::string word : {"قرار", "لقرار", "القرار"}) EXPECT_TRUE(marked(resolution, word)) << word;
  // The definite form typed finds the same paragraphs.
  EXPECT_EQ(widened("ar", "القرار").total, resolution.total);
  // Words of other scripts are as typed.
  EXPECT_EQ(widened("", "Golan").total, Queries(db()).search("Golan", "[", "]", 100).total);
}

TEST_F(SearchLanguages, RussianWordsInTheirOtherCases) {
  // резолюции (of the resolution) is also sought as резолюц*: резолюций, резолюциям, резолюцию.
  const auto resolution = widened("ru", "резолюции");
  EXPECT_GT(resolution.total, in("ru", "резолюции").total);
  for (const std::string word : {"резолюции", "резолюций", "резолюциям"}) EXPECT_TRUE(marked(resolution, word)) << word;
  EXPECT_EQ(resolution.fts5_query, "(резолюции OR резолюц*)");
}

TEST(SearchWordForms, TheRulesWidenArabicAndRussianWords) {
  const auto& vocabulary = test::default_rules().vocabulary;
  const auto peace = vocabulary.search_forms("السلام");
  for (const std::string form : {"سلام", "والسلام", "للسلام", "بالسلام", "وبالسلام", "بسلام"})
    EXPECT_NE(std::find(peace.begin(), peace.end(), form), peace.end()) << form;
  EXPECT_EQ(std::find(peace.begin(), peace.end(), "السلام"), peace.end()) << "the word itself is not another form";
  EXPECT_TRUE(vocabulary.search_forms("peace").empty());
  EXPECT_TRUE(vocabulary.search_forms("paix").empty());
  EXPECT_TRUE(vocabulary.search_forms("و").empty()) << "one letter: a particle alone";
  const auto pain = vocabulary.search_forms("الم");  // the article is not taken off a single letter
  EXPECT_EQ(std::find(pain.begin(), pain.end(), "م"), pain.end());
  EXPECT_NE(std::find(pain.begin(), pain.end(), "والم"), pain.end());
  // Russian: the stem without the longest ending that leaves four letters, as a prefix.
  EXPECT_EQ(vocabulary.search_forms("государствами"), std::vector<std::string>{"государств*"});
  EXPECT_EQ(vocabulary.search_forms("доклад"), std::vector<std::string>{"доклад*"});
  EXPECT_EQ(vocabulary.search_forms("мира"), std::vector<std::string>{"мира*"}) << "мир is under four letters";
  EXPECT_TRUE(vocabulary.search_forms("мир").empty());
}

TEST_F(SearchLanguages, ChineseWordsOfTwoCharactersAndMore) {
  // Three characters and more through the trigram index, ranked.
  const auto israel = in("zh", "以色列");
  EXPECT_GE(israel.total, 5);
  EXPECT_TRUE(marked(israel, "以色列"));
  Queries queries(db());
  EXPECT_EQ(queries.search("以色列", "[", "]", 100).index, "paragraphs_han_fts");
  // Two characters: looked for in the paragraphs the index holds. Peace (和平) is in four paragraphs.
  const auto peace = in("zh", "和平");
  EXPECT_EQ(peace.total, 4);
  for (const auto& hit : peace.hits) EXPECT_NE(hit.snippet.find("[和平]"), std::string::npos) << hit.snippet;
  EXPECT_EQ(queries.search("和平", "[", "]", 100).fts5_query, "");
  // Every term must occur: a long and a short one, and Chinese punctuation separates terms.
  const auto security = in("zh", "安全");
  const auto both = in("zh", "以色列 安全");
  EXPECT_GT(both.total, 0);
  EXPECT_LT(both.total, std::min(israel.total, security.total));
  for (const auto& hit : both.hits) {
    EXPECT_NE(hit.snippet.find("[以色列]"), std::string::npos) << hit.snippet;
    EXPECT_NE(hit.snippet.find("[安全"), std::string::npos) << hit.snippet;
  }
  EXPECT_EQ(in("zh", "以色列，安全").total, both.total);
  EXPECT_EQ(in("zh", "以色列 和平").total, 0);  // in no paragraph together
  EXPECT_EQ(in("en", "和平").total, 0);
  EXPECT_THROW(queries.search("和平 OR 安全", "[", "]", 10), QueryError);
}

// The writer indexes the text its views give (Arabic marks removed; Han paragraphs only): FTS5's
// integrity-check with rank 1 compares each index with the text of its view.
TEST_F(SearchLanguages, IndexesHoldTheTextOfTheirViews) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db().string().c_str(), &raw), SQLITE_OK);
  for (const std::string index : {"paragraphs_fts", "paragraphs_han_fts"}) {
    const std::string check = "INSERT INTO " + index + "(" + index + ", rank) VALUES('integrity-check', 1)";
    EXPECT_EQ(sqlite3_exec(raw, check.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << index << ": " << sqlite3_errmsg(raw);
  }
  sqlite3_close(raw);
}

TEST(HanTerms, PhrasesStarsAndPunctuation) {
  EXPECT_EQ(han_terms("和平 安全"), (std::vector<std::string>{"和平", "安全"}));
  EXPECT_EQ(han_terms("\"秘书长 报告\" AND 和平*"), (std::vector<std::string>{"秘书长 报告", "和平"}));
  EXPECT_EQ(han_terms("和平、安全（理事会）"), (std::vector<std::string>{"和平", "安全", "理事会"}));
  EXPECT_EQ(han_terms("COVID-19 大流行"), (std::vector<std::string>{"COVID-19", "大流行"}));
  EXPECT_THROW(han_terms("NEAR(和平 安全)"), QueryError);
  EXPECT_TRUE(is_han_query("秘书长"));
  EXPECT_FALSE(is_han_query("Secretary-General تسلم résolution"));
}

// Re-ingesting a changed Chinese file: the Han index forgets the old text and knows the new.
TEST(SearchIndex, HanIndexFollowsReplacedFiles) {
  test::TempDir dir;
  const auto file = dir / "zh.xml";
  const std::string original = test::read_text(test::data_dir() / "akn/A_RES_78_11-2323817C.xml");
  test::write_text(file, original);
  const auto db = dir / "zh.db";
  test::ingest_into(db, {file});
  EXPECT_GT(Queries(db).search("以色列", "[", "]", 10).total, 0);
  std::string changed = original;
  for (auto at = changed.find("以色列"); at != std::string::npos; at = changed.find("以色列", at))
    changed.replace(at, std::string("以色列").size(), "某会员国");
  test::write_text(file, changed);
  test::ingest_into(db, {file});
  Queries queries(db);
  EXPECT_EQ(queries.search("以色列", "[", "]", 10).total, 0);
  EXPECT_GT(queries.search("某会员国", "[", "]", 10).total, 0);
  // FTS5's own check of both indexes against the text they read (rank 1: the content too).
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  for (const std::string index : {"paragraphs_fts", "paragraphs_han_fts"}) {
    const std::string check = "INSERT INTO " + index + "(" + index + ", rank) VALUES('integrity-check', 1)";
    EXPECT_EQ(sqlite3_exec(raw, check.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << index << ": " << sqlite3_errmsg(raw);
  }
  sqlite3_close(raw);
}

}  // namespace
}  // namespace unres
