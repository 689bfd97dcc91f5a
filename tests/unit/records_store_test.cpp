// Records files through ingest: the UN's published records (votes, sponsors, SDGs) are documents of
// their own, keyed by symbol, so they load before, after or without their resolutions; re-ingesting
// replaces a records file's rows; what the reader sets aside is logged and reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common.h"
#include "pipeline.h"
#include "sql.h"
#include "store/database.h"
#include "store/writer.h"

namespace unres {
namespace {

using test::one;
using test::rows;

IngestResult run(const std::filesystem::path& db, std::vector<std::filesystem::path> inputs, std::string* log = nullptr) {
  IngestOptions options;
  options.database = db;
  options.inputs = std::move(inputs);
  options.jobs = 2;
  std::ostringstream out;
  IngestResult result = ingest(test::default_rules(), options, out);
  if (log) *log = out.str();
  return result;
}

std::size_t lines_with(const std::string& log, const std::string& part) {
  std::size_t n = 0;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) n += line.find(part) != std::string::npos;
  return n;
}

// The votes and sponsors of the loaded resolutions, by symbol: what the contract's views show.
std::vector<std::string> votes_and_sponsors(const std::filesystem::path& db) {
  auto out = rows(db, "SELECT r.symbol, v.member_state, coalesce(v.iso3, '-'), v.vote FROM votes v "
                      "JOIN resolutions r ON r.id = v.resolution_id ORDER BY 1, 2");
  for (auto& row : rows(db, "SELECT r.symbol, s.member_state, coalesce(s.iso3, '-'), s.kind FROM sponsors s "
                            "JOIN resolutions r ON r.id = s.resolution_id ORDER BY 1, 2, 4"))
    out.push_back("sponsor " + row);
  return out;
}

// tests/data/seeds/000_6ebaee88ab77a99b.txt is A/RES/68/272.
const char* const kSeed = "000_6ebaee88ab77a99b.txt";

std::filesystem::path seed_copy(const test::TempDir& dir) {
  std::filesystem::create_directories(dir / "text");
  std::filesystem::copy_file(test::data_dir() / "seeds" / kSeed, dir / "text" / "a.txt");
  return dir / "text" / "a.txt";
}

std::string record(const std::string& symbol, const std::string& in_favour, const std::string& extra = "") {
  return "{\"symbol\": \"" + symbol + "\", \"adoption_type\": \"By a recorded vote\", \"MS_in_favour\": [" + in_favour +
         "], \"MS_against\": [\"PERU\"], \"MS_abstaining\": [], \"sponsors\": [\"France\"]" + extra + "}\n";
}

TEST(RecordsStore, RecordsBeforeOrAfterTheirResolutionsGiveTheSameVotes) {
  // The three GA resolutions of tests/data/pdftext and their records as published.
  const auto text = test::data_dir() / "pdftext";
  const auto records = {test::data_dir() / "records" / "ga-78.json", test::data_dir() / "records" / "ga-79.json"};
  test::TempDir dir;
  // Records in one run, the texts in a later one.
  const auto first = dir / "records_first.db";
  std::string log;
  ASSERT_EQ(run(first, records, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(rows(first, "SELECT * FROM votes"), std::vector<std::string>{}) << "no resolution loaded yet";
  EXPECT_NE(one(first, "SELECT count(*) FROM record_votes"), "0");
  ASSERT_EQ(run(first, {text}, &log).counts.quarantined, 0) << log;
  // The texts first, then the records.
  const auto second = dir / "texts_first.db";
  ASSERT_EQ(run(second, {text}, &log).counts.quarantined, 0) << log;
  ASSERT_EQ(run(second, records, &log).counts.quarantined, 0) << log;
  // Both in one run, records named first.
  const auto together = dir / "together.db";
  std::vector<std::filesystem::path> inputs(records);
  inputs.push_back(text);
  ASSERT_EQ(run(together, inputs, &log).counts.quarantined, 0) << log;

  const auto expected = votes_and_sponsors(first);
  // A/RES/78/11 was adopted by a recorded vote (91 in favour), A/RES/79/125 too; both have sponsors.
  EXPECT_EQ(one(first, "SELECT count(*) FROM votes v JOIN resolutions r ON r.id = v.resolution_id "
                       "WHERE r.symbol = 'A/RES/78/11' AND v.vote = 'yes'"),
            "91");
  EXPECT_GT(expected.size(), 150u);
  EXPECT_EQ(votes_and_sponsors(second), expected);
  EXPECT_EQ(votes_and_sponsors(together), expected);
  EXPECT_EQ(one(together, "SELECT format FROM documents WHERE path LIKE '%ga-78.json'"), "records");
}

// Issue 15: a resolution whose source states no draft (every text layout; an XML without a
// draftResolution step) takes it from its published record, in either order, and follows the
// record when it changes or goes; a draft the source states is kept.
TEST(RecordsStore, ADraftTheSourceDoesNotStateComesFromTheRecord) {
  test::TempDir dir;
  const auto text = seed_copy(dir);
  std::filesystem::create_directories(dir / "records");
  const auto records = dir / "records" / "r.json";
  const auto write_record = [&](const std::string& extra) {
    std::ofstream(records) << record("A/RES/68/272", "\"FRANCE\"", extra);
  };
  const std::string draft = "SELECT coalesce(draft_symbol, 'NULL') || ' ' || coalesce(draft_source, 'NULL') "
                            "FROM resolutions WHERE symbol = 'A/RES/68/272'";
  const auto db = dir / "d.db";
  std::string log;
  ASSERT_EQ(run(db, {text}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, draft), "NULL NULL");
  write_record(", \"draft_resolution\": \"A/68/L.61\"");
  ASSERT_EQ(run(db, {text, records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, draft), "A/68/L.61 records");
  // The record's originating document when it names no draft.
  write_record(", \"originating_document\": \"A/68/700\"");
  ASSERT_EQ(run(db, {text, records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, draft), "A/68/700 records");
  // The records file forgotten (a file merely gone keeps its rows): the draft goes with it at the
  // next run.
  {
    Database store(db);
    Batch batch(store);
    ASSERT_TRUE(forget_file(store, records.string()));
    batch.commit();
  }
  ASSERT_EQ(run(db, {text}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, draft), "NULL NULL");
  // Records first, the text in a later run.
  write_record(", \"draft_resolution\": \"A/68/L.61\"");
  const auto other = dir / "records_first.db";
  ASSERT_EQ(run(other, {records}, &log).counts.quarantined, 0) << log;
  ASSERT_EQ(run(other, {text, records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(other, draft), "A/68/L.61 records");
  // A source that states its draft keeps it: the XML of A/RES/78/11 names A/ES-10/L.26.
  const auto xml = dir / "xml";
  std::filesystem::create_directories(xml);
  std::filesystem::copy_file(test::data_dir() / "akn" / "A_RES_78_11-2323817E.xml", xml / "a.xml");
  std::ofstream(dir / "records" / "x.json") << record("A/RES/78/11", "\"FRANCE\"", ", \"draft_resolution\": \"A/78/L.99\"");
  ASSERT_EQ(run(other, {xml, dir / "records"}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(other, "SELECT draft_source FROM resolutions WHERE symbol = 'A/RES/78/11'"), "document");
  EXPECT_NE(one(other, "SELECT draft_symbol FROM resolutions WHERE symbol = 'A/RES/78/11'"), "A/78/L.99");
}

// The contract's resolutions.votes_yes / votes_no / votes_abstain: the counts of the resolution's
// record as published, in either order of loading, following the record when it changes or goes;
// votes_non_voting: the General Assembly's 193 Members on 27 March 2014 (mappings/structure.yaml,
// `members`) less the votes cast.
TEST(RecordsStore, AResolutionsVoteCountsAreItsRecords) {
  test::TempDir dir;
  const auto text = seed_copy(dir);
  std::filesystem::create_directories(dir / "records");
  const auto records = dir / "records" / "r.json";
  const std::string counts = "SELECT coalesce(votes_yes, 'NULL') || ' ' || coalesce(votes_no, 'NULL') || ' ' || "
                             "coalesce(votes_abstain, 'NULL') || ' ' || coalesce(votes_non_voting, 'NULL') "
                             "FROM resolutions WHERE symbol = 'A/RES/68/272'";
  const auto db = dir / "v.db";
  std::string log;
  ASSERT_EQ(run(db, {text}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, counts), "NULL NULL NULL NULL") << "no record: no counts";
  // Counts as published, over the lists' lengths (the published count wins where both are given).
  std::ofstream(records) << record("A/RES/68/272", "\"FRANCE\", \"CHILE\"", ", \"MS_in_favour_count\": \"100\"");
  ASSERT_EQ(run(db, {records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, counts), "100 1 0 92");
  // The text read again (its rows rewritten) keeps them; a changed record is followed.
  std::ofstream(records) << record("A/RES/68/272", "\"FRANCE\"");
  ASSERT_EQ(run(db, {text, records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, counts), "1 1 0 191");
  {
    Database store(db);
    Batch batch(store);
    ASSERT_TRUE(forget_file(store, records.string()));
    batch.commit();
  }
  ASSERT_EQ(run(db, {text}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(db, counts), "NULL NULL NULL NULL") << "the record forgotten";
  // Records first, then the text.
  const auto other = dir / "records_first.db";
  ASSERT_EQ(run(other, {records}, &log).counts.quarantined, 0) << log;
  ASSERT_EQ(run(other, {text}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(other, counts), "1 1 0 191");
  // Adopted without a vote (no vote counted): no Member "did not vote".
  std::ofstream(records) << "{\"symbol\": \"A/RES/68/272\", \"adoption_type\": \"Without a vote\"}\n";
  ASSERT_EQ(run(other, {records}, &log).counts.quarantined, 0) << log;
  EXPECT_EQ(one(other, counts), "0 0 0 NULL");
}

TEST(RecordsStore, ReingestingARecordsFileReplacesItsRows) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto text = seed_copy(dir);
  std::filesystem::create_directories(dir / "records");
  const auto file = dir / "records" / "r.json";
  test::write_text(file, record("A/RES/68/272", "\"FRANCE\", \"CHILE\"", ", \"SDGs\": [\"16\"]") +
                             record("A/RES/99/1", "\"FRANCE\""));
  std::string log;
  ASSERT_EQ(run(db, {text, file}, &log).counts.loaded, 2) << log;
  EXPECT_EQ(rows(db, "SELECT member_state, iso3, vote FROM votes ORDER BY 1"),
            (std::vector<std::string>{"CHILE|CHL|yes", "FRANCE|FRA|yes", "PERU|PER|no"}));
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_votes"), "5");
  EXPECT_EQ(rows(db, "SELECT sdg, symbol FROM v_resolutions_by_sdg"), std::vector<std::string>{"16|A/RES/68/272"});

  // The file changes: its rows are replaced, none are left behind.
  test::write_text(file, record("A/RES/68/272", "\"CHILE\""));
  ASSERT_EQ(run(db, {text, file}, &log).counts.loaded, 1) << log;
  EXPECT_EQ(rows(db, "SELECT member_state, vote FROM votes ORDER BY 1"),
            (std::vector<std::string>{"CHILE|yes", "PERU|no"}));
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_votes"), "2");
  EXPECT_EQ(one(db, "SELECT count(*) FROM records"), "1");
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_sdgs"), "0");
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_sponsors"), "1");

  // Re-ingesting the text keeps the votes: they belong to the records file, joined by symbol.
  test::write_text(text, test::read_text(text) + "\n");
  ASSERT_EQ(run(db, {text, file}, &log).counts.loaded, 1) << log;
  EXPECT_EQ(rows(db, "SELECT member_state, vote FROM votes ORDER BY 1"),
            (std::vector<std::string>{"CHILE|yes", "PERU|no"}));

  // A records file that turns bad is quarantined, and its rows go with it.
  test::write_text(file, "{\"symbol\": \"\"}\n");
  EXPECT_EQ(run(db, {file}, &log).counts.quarantined, 1) << log;
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_votes"), "0");
  EXPECT_EQ(one(db, "SELECT count(*) FROM records"), "0");
  EXPECT_EQ(rows(db, "SELECT * FROM votes"), std::vector<std::string>{});
}

TEST(RecordsStore, WhatTheReaderSetsAsideIsLoggedAndReported) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  std::filesystem::create_directories(dir / "records");
  const auto file = dir / "records" / "r.json";
  test::write_text(file, record("A/RES/68/272", "\"FRANCE\", \"Atlantis\", \"CHILE\"", ", \"MS_in_favour_count\": \"2\"") +
                             "{\"symbol\": \"A/RES/68/273\", oops}\n" +
                             record("A/RES/68/274", "\"Atlantis\", \"Lemuria\""));
  std::string log;
  const IngestResult result = run(db, {file}, &log);
  ASSERT_EQ(result.counts.loaded, 1) << log;
  EXPECT_EQ(result.published_records, 2);
  const std::string path = file.lexically_normal().string();
  // A bad line: a warning naming the file and the line; the others load.
  EXPECT_EQ(lines_with(log, "unres: " + path + ": line 2: not JSON"), 1u) << log;
  // A vote list longer than its published count.
  EXPECT_EQ(lines_with(log, "unres: " + path + ": line 1: A/RES/68/272: MS_in_favour_count is 2 but the list names 3 States"), 1u)
      << log;
  EXPECT_EQ(one(db, "SELECT votes_yes || ' ' || votes_listed FROM v_records WHERE symbol = 'A/RES/68/272'"), "2 4");
  // A name the gazetteer lacks: one warning line per name, however often it recurs; kept without a code.
  EXPECT_EQ(lines_with(log, "'Atlantis' is not a State known to mappings/member_states.yaml"), 1u) << log;
  EXPECT_EQ(lines_with(log, "'Lemuria' is not a State known to mappings/member_states.yaml"), 1u) << log;
  EXPECT_EQ(one(db, "SELECT count(*) FROM record_votes WHERE member_state = 'Atlantis' AND iso3 IS NULL"), "2");
  ASSERT_EQ(result.unknown_states.size(), 2u);
  EXPECT_EQ(result.unknown_states.at("Atlantis"), std::vector<std::string>{path});
  EXPECT_EQ(std::count_if(result.warnings.begin(), result.warnings.end(),
                          [&](const std::string& w) { return w.rfind(path + ": line ", 0) == 0; }),
            4);
}

TEST(RecordsStore, ASymbolInTwoRecordsFilesTakesTheRecordOfTheFileLoadedLast) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto text = seed_copy(dir);
  std::filesystem::create_directories(dir / "records");
  const auto a = dir / "records" / "a.json", b = dir / "records" / "b.json";
  test::write_text(a, record("A/RES/68/272", "\"FRANCE\""));
  test::write_text(b, record("A/RES/68/272", "\"CHILE\"") + record("A/RES/68/273", "\"CHILE\""));
  std::string log;
  ASSERT_EQ(run(db, {text, dir / "records"}, &log).counts.loaded, 3) << log;  // a.json, then b.json
  EXPECT_EQ(rows(db, "SELECT member_state FROM votes WHERE vote = 'yes'"), std::vector<std::string>{"CHILE"});
  EXPECT_EQ(lines_with(log, b.lexically_normal().string() + ": 1 record(s) also in " + a.lexically_normal().string() +
                                " (A/RES/68/272): this file's, loaded last, are used"),
            1u)
      << log;
  // Both files keep their rows; the views read one record per symbol.
  EXPECT_EQ(one(db, "SELECT count(*) FROM records WHERE symbol = 'A/RES/68/272'"), "2");
  EXPECT_EQ(one(db, "SELECT count(*) FROM v_records WHERE symbol = 'A/RES/68/272'"), "1");
  EXPECT_EQ(one(db, "SELECT sum(recorded_votes) FROM v_votes_by_state_year WHERE state = 'PER'"), "2");

  // a.json changes: loaded last now, its record counts.
  test::write_text(a, record("A/RES/68/272", "\"FRANCE\", \"CHILE\""));
  ASSERT_EQ(run(db, {dir / "records"}, &log).counts.loaded, 1) << log;
  EXPECT_EQ(rows(db, "SELECT member_state FROM votes WHERE vote = 'yes' ORDER BY 1"),
            (std::vector<std::string>{"CHILE", "FRANCE"}));
  // Once a.json is gone from the database (quarantined), b.json's record counts again.
  test::write_text(a, "not records at all\n");
  ASSERT_EQ(run(db, {dir / "records"}, &log).counts.quarantined, 1) << log;
  EXPECT_EQ(rows(db, "SELECT member_state FROM votes WHERE vote = 'yes'"), std::vector<std::string>{"CHILE"});
}

TEST(RecordsStore, VotingCoincidenceCountsVotesBothStatesCast) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  std::filesystem::create_directories(dir / "records");
  const auto file = dir / "records" / "r.json";
  // PERU votes no on both; FRANCE yes then no; CHILE abstains on the second.
  test::write_text(file, "{\"symbol\": \"A/RES/70/1\", \"MS_in_favour\": [\"FRANCE\", \"CHILE\"], \"MS_against\": [\"PERU\"]}\n"
                         "{\"symbol\": \"A/RES/70/2\", \"MS_in_favour\": [], \"MS_against\": [\"PERU\", \"FRANCE\"], "
                         "\"MS_abstaining\": [\"CHILE\"]}\n");
  std::string log;
  ASSERT_EQ(run(db, {file}, &log).counts.loaded, 1) << log;
  EXPECT_EQ(rows(db, "SELECT state_b, recorded_votes, same_votes, opposite_votes, coincidence FROM v_voting_coincidence "
                     "WHERE state_a = 'FRA' ORDER BY state_b"),
            (std::vector<std::string>{"CHL|2|1|0|0.5", "PER|2|1|1|0.5"}));
  EXPECT_EQ(rows(db, "SELECT state, recorded_votes, yes, no, abstain FROM v_votes_by_state_year WHERE body = 'A' "
                     "ORDER BY state"),
            (std::vector<std::string>{"CHL|2|1|0|1", "FRA|2|1|1|0", "PER|2|0|2|0"}));
}

}  // namespace
}  // namespace unres
