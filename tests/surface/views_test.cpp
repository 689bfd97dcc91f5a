// sql/views.sql on the seeds: known rows of every view, and the views' agreement with the tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <sqlite3.h>

#include "common.h"
#include "surface.h"

namespace unres {
namespace {

using test::integer;
using test::is_null;
using test::Row;
using test::rows_of;
using test::text;

class Views : public ::testing::Test {
 protected:
  Queries queries{test::seeds_database()};

  // The rows of `view` whose columns hold these values (compared as text).
  std::vector<Row> where(const std::string& view, const std::map<std::string, std::string>& match) {
    auto rows = rows_of(queries, view);
    std::erase_if(rows, [&](const Row& row) {
      return std::any_of(match.begin(), match.end(), [&](const auto& m) { return text(row.at(m.first)) != m.second; });
    });
    return rows;
  }
};

TEST_F(Views, ResolutionsHaveYearCommitteeAndParagraphCounts) {
  const auto rows = where("v_resolutions", {{"symbol", "A/RES/68/230"}});
  ASSERT_EQ(rows.size(), 1u);
  const auto& r = rows[0];
  EXPECT_EQ(integer(r.at("session")), 68);
  EXPECT_EQ(integer(r.at("year")), 2013);
  EXPECT_EQ(text(r.at("committee")), "Second Committee");
  EXPECT_EQ(integer(r.at("preambular_paragraphs")), 3);
  EXPECT_EQ(integer(r.at("operative_paragraphs")), 21);
  EXPECT_EQ(integer(r.at("subparagraphs")), 0);
  EXPECT_TRUE(text(r.at("path")).ends_with("tests/data/seeds/001_0943c82c3fc4f3e2.txt")) << text(r.at("path"));

  const auto plenary = where("v_resolutions", {{"symbol", "A/RES/68/272"}});
  ASSERT_EQ(plenary.size(), 1u);
  EXPECT_TRUE(is_null(plenary[0].at("committee")));
  EXPECT_EQ(integer(plenary[0].at("year")), 2014);
  EXPECT_EQ(integer(plenary[0].at("operative_paragraphs")), 16);
  EXPECT_EQ(rows_of(queries, "v_resolutions").size(), 5u);
}

TEST_F(Views, OperativeActionsNameLeadAndSecondaryPhrases) {
  const auto rows = where("v_operative_actions", {{"symbol", "A/RES/68/230"}, {"paragraph", "13"}});
  ASSERT_EQ(rows.size(), 2u);
  std::map<std::string, std::string> role_of;
  for (const auto& r : rows) role_of[text(r.at("lemma"))] = text(r.at("role"));
  EXPECT_EQ(role_of["acknowledge"], "lead");
  EXPECT_EQ(role_of["encourage"], "secondary");
  for (const auto& r : rows) {
    EXPECT_EQ(integer(r.at("session")), 68);
    EXPECT_EQ(integer(r.at("year")), 2013);
    EXPECT_EQ(text(r.at("committee")), "Second Committee");
  }
  const auto modified = where("v_operative_actions", {{"symbol", "A/RES/68/230"}, {"paragraph", "2"}});
  ASSERT_EQ(modified.size(), 1u);
  EXPECT_EQ(text(modified[0].at("phrase")), "Also takes note");
  EXPECT_EQ(text(modified[0].at("lemma")), "take note");
  EXPECT_EQ(text(modified[0].at("modifier")), "also");
}

TEST_F(Views, OperativeActionsCoverEveryActionOfAnOperativeParagraph) {
  std::size_t operative = 0;
  const auto paragraphs = rows_of(queries, "paragraphs");
  std::set<std::int64_t> operative_ids;
  for (const auto& p : paragraphs)
    if (text(p.at("kind")) == "operative") operative_ids.insert(integer(p.at("id")));
  for (const auto& a : rows_of(queries, "action_verbs"))
    if (operative_ids.count(integer(a.at("paragraph_id")))) ++operative;
  EXPECT_EQ(rows_of(queries, "v_operative_actions").size(), operative);
}

TEST_F(Views, CitationEdgesLinkResolutionsInTheDatabase) {
  const auto in_db = where("v_citation_edges", {{"citing_symbol", "A/RES/67/15"}, {"target", "A/RES/65/124"}});
  ASSERT_EQ(in_db.size(), 1u);
  const auto& e = in_db[0];
  EXPECT_EQ(text(e.at("citing_lemma")), "recall");
  EXPECT_EQ(text(e.at("citing_phrase")), "Recalling");
  EXPECT_EQ(text(e.at("paragraph_kind")), "preambular");
  EXPECT_EQ(text(e.at("paragraph")), "4");
  EXPECT_EQ(text(e.at("kind")), "ga_resolution");
  EXPECT_EQ(text(e.at("cited_date")), "2010-12-13");
  const auto cited = where("v_resolutions", {{"symbol", "A/RES/65/124"}});
  ASSERT_EQ(cited.size(), 1u);
  EXPECT_EQ(integer(e.at("cited_resolution_id")), integer(cited[0].at("resolution_id")));

  const auto outside = where("v_citation_edges", {{"target", "A/RES/59/48"}});
  ASSERT_EQ(outside.size(), 2u);
  for (const auto& o : outside) {
    EXPECT_TRUE(is_null(o.at("cited_resolution_id")));
    EXPECT_EQ(text(o.at("citing_phrase")), "Recalling further");
  }
  EXPECT_EQ(rows_of(queries, "v_citation_edges").size(), rows_of(queries, "citations").size());
}

TEST_F(Views, ReportingDeadlinesGiveTheSessionsCalendarYear) {
  const auto rows = where("v_reporting_deadlines", {{"symbol", "A/RES/68/230"}, {"kind", "report"}, {"session", "69"}});
  ASSERT_EQ(rows.size(), 1u);
  const auto& d = rows[0];
  EXPECT_EQ(integer(d.at("session_year")), 2014);
  EXPECT_EQ(text(d.at("requested_of")), "Secretary-General");
  EXPECT_EQ(text(d.at("body")), "General Assembly");
  EXPECT_EQ(text(d.at("subject")), "the state of South-South cooperation");
  EXPECT_EQ(text(d.at("paragraph")), "21");
  EXPECT_EQ(integer(d.at("resolution_session")), 68);

  // Another body's session numbers are its own: no General Assembly year for them.
  const auto committee = where("v_reporting_deadlines", {{"symbol", "A/RES/68/230"}, {"session", "18"}});
  ASSERT_EQ(committee.size(), 1u);
  EXPECT_TRUE(is_null(committee[0].at("session_year")));
  EXPECT_EQ(rows_of(queries, "v_reporting_deadlines").size(), rows_of(queries, "deadlines").size());
}

TEST_F(Views, OrganizationMentionsCountPerResolution) {
  const auto rows = where("v_organization_mentions", {{"symbol", "A/RES/68/272"}, {"acronym", "IPU"}});
  ASSERT_EQ(rows.size(), 1u);
  const auto& m = rows[0];
  EXPECT_EQ(text(m.at("organization")), "Inter-Parliamentary Union");
  EXPECT_EQ(text(m.at("category")), "intergovernmental");
  EXPECT_EQ(integer(m.at("year")), 2014);
  EXPECT_EQ(integer(m.at("session")), 68);

  std::int64_t expected = 0;
  for (const auto& row : rows_of(queries, "organization_mentions"))
    if (integer(row.at("organization_id")) == integer(m.at("organization_id")) &&
        integer(row.at("resolution_id")) == integer(m.at("resolution_id")))
      ++expected;
  EXPECT_EQ(integer(m.at("mentions")), expected);
  EXPECT_GT(expected, 10);

  std::int64_t total = 0;
  for (const auto& row : rows_of(queries, "v_organization_mentions")) total += integer(row.at("mentions"));
  EXPECT_EQ(static_cast<std::size_t>(total), rows_of(queries, "organization_mentions").size());
}

TEST_F(Views, ParagraphLabelsNameSubParagraphsUnderTheirParent) {
  test::TempDir dir;
  const auto db = dir / "odsrender.db";
  test::ingest_into(db, {test::data_dir() / "odsrender"});
  Queries odsrender(db);
  bool found = false;
  const auto paragraphs = rows_of(odsrender, "paragraphs");
  std::map<std::int64_t, Row> by_id;
  for (const auto& p : paragraphs) by_id[integer(p.at("id"))] = p;
  for (const auto& v : rows_of(odsrender, "v_paragraphs")) {
    const auto& p = by_id.at(integer(v.at("paragraph_id")));
    if (is_null(p.at("parent_id"))) {
      EXPECT_EQ(integer(v.at("top_paragraph_id")), integer(p.at("id")));
      continue;
    }
    const auto& parent = by_id.at(integer(p.at("parent_id")));
    const std::string label = text(v.at("paragraph"));
    const std::string own = text(p.at("number"));
    EXPECT_TRUE(label.size() > own.size() && label.ends_with(own) && label[label.size() - own.size() - 1] == ' ')
        << label;
    if (is_null(parent.at("parent_id"))) {
      std::string expected = is_null(parent.at("number")) ? text(parent.at("ordinal")) : text(parent.at("number"));
      expected.append(" ").append(own);
      EXPECT_EQ(label, expected);
      found = true;
    }
  }
  EXPECT_TRUE(found) << "the odsrender samples have sub-paragraphs";
}

// Issue 16: A/RES/78/11 in the six languages pairs paragraph for paragraph; a language that lost a
// paragraph is listed as not aligned.
TEST(TranslationViews, SixLanguagesAlignAndADifferenceIsListed) {
  test::TempDir dir;
  for (const char* file : {"akn/A_RES_78_11-2323817E.xml", "akn/A_RES_78_11-2323817F.xml",
                           "akn-lang/A_RES_78_11-2323817S.xml", "akn/A_RES_78_11-2323817A.xml",
                           "akn/A_RES_78_11-2323817C.xml", "akn-lang/A_RES_78_11-2323817R.xml"}) {
    const std::filesystem::path from = test::data_dir() / file;
    std::filesystem::copy_file(from, dir / from.filename().string());
  }
  const auto db = dir / "six.db";
  test::ingest_into(db, {dir.path()});
  {
    Queries queries(db);
    const auto rows = rows_of(queries, "paragraph_translations");
    ASSERT_EQ(rows.size(), 17u);  // 9 preambular and 8 operative paragraphs, no sub-paragraphs
    for (const auto& row : rows)
      for (const char* language : {"en", "fr", "es", "ar", "zh", "ru"})
        EXPECT_FALSE(is_null(row.at(language))) << text(row.at("kind")) << " " << text(row.at("position")) << " " << language;
    const auto first = std::find_if(rows.begin(), rows.end(), [](const Row& r) {
      return text(r.at("kind")) == "operative" && text(r.at("position")) == "1";
    });
    ASSERT_NE(first, rows.end());
    EXPECT_TRUE(text(first->at("en")).starts_with("Declares that Israel has failed")) << text(first->at("en"));
    EXPECT_TRUE(text(first->at("zh")).starts_with("宣布以色列迄今没有遵守")) << text(first->at("zh"));
    EXPECT_EQ(integer(first->at("ordinal")), 1);
    EXPECT_TRUE(rows_of(queries, "translation_mismatches").empty());
    EXPECT_TRUE(rows_of(queries, "translation_symbol_mismatches").empty());
  }
  // The French text loses its operative paragraph 8 (another tool's change, for the test).
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(raw,
                         "DELETE FROM paragraphs WHERE kind = 'operative' AND ordinal = 8 AND resolution_id = "
                         "(SELECT id FROM resolutions WHERE language = 'fr')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(sqlite3_changes(raw), 1);
  sqlite3_close(raw);
  Queries queries(db);
  const auto mismatches = rows_of(queries, "translation_mismatches");
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(text(mismatches[0].at("symbol")), "A/RES/78/11");
  EXPECT_EQ(text(mismatches[0].at("language")), "fr");
  EXPECT_EQ(text(mismatches[0].at("reference_language")), "en");
  EXPECT_EQ(text(mismatches[0].at("kind")), "operative");
  EXPECT_EQ(integer(mismatches[0].at("reference_paragraphs")), 8);
  EXPECT_EQ(integer(mismatches[0].at("paragraphs")), 7);
}

// Issue 15: a translation that names itself with a wrong symbol (the UN's French A/RES/78/130 says
// A/RES/78/13 throughout) is listed by its job number, which the other languages share.
TEST(TranslationViews, ATranslationNamingAnotherSymbolIsListed) {
  test::TempDir dir;
  for (const char* file : {"akn/A_RES_78_11-2323817E.xml", "akn/A_RES_78_11-2323817F.xml"})
    std::filesystem::copy_file(test::data_dir() / file, dir / std::filesystem::path(file).filename().string());
  std::ifstream in(test::data_dir() / "akn-lang/A_RES_78_11-2323817S.xml", std::ios::binary);
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string symbol = ">A/RES/78/11<";
  const auto at = xml.find(symbol);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, symbol.size(), ">A/RES/78/12<");
  std::ofstream(dir / "A_RES_78_11-2323817S.xml", std::ios::binary) << xml;
  const auto db = dir / "three.db";
  test::ingest_into(db, {dir.path()});
  Queries queries(db);
  const auto rows = rows_of(queries, "translation_symbol_mismatches");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(text(rows[0].at("symbol")), "A/RES/78/12");
  EXPECT_EQ(text(rows[0].at("language")), "es");
  EXPECT_EQ(text(rows[0].at("symbol_of_job")), "A/RES/78/11");
  EXPECT_EQ(text(rows[0].at("languages_of_job")).size(), 5u);  // "en fr" or "fr en"
}

}  // namespace
}  // namespace unres
