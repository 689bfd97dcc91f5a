// formats/records.h: the UN's published records (data_extract JSON lines) as published — stray quotes,
// repeated symbols, sentences of sponsors, counts that disagree with their lists — read into typed records.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common.h"
#include "errors.h"
#include "formats/records.h"

namespace unres {
namespace {

RecordsFile read(const std::string& text) { return read_records(text, test::default_rules()); }
RecordsFile read_file(const std::string& name) { return read(test::read_text(test::data_dir() / "records" / name)); }

const PublishedRecord& record(const RecordsFile& file, const std::string& symbol) {
  const auto it = std::find_if(file.records.begin(), file.records.end(), [&](const auto& r) { return r.symbol == symbol; });
  if (it == file.records.end()) throw std::runtime_error("no record " + symbol);
  return *it;
}

std::size_t count_votes(const PublishedRecord& r, VoteKind vote) {
  return static_cast<std::size_t>(std::count_if(r.votes.begin(), r.votes.end(), [&](const auto& v) { return v.vote == vote; }));
}

const RecordSponsor* sponsor(const PublishedRecord& r, const std::string& name) {
  for (const auto& s : r.sponsors)
    if (s.member_state == name) return &s;
  return nullptr;
}

bool has_warning(const RecordsFile& file, const std::string& part) {
  return std::any_of(file.warnings.begin(), file.warnings.end(), [&](const auto& w) { return w.find(part) != std::string::npos; });
}

std::string show(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

TEST(Records, LinesWrappedInStrayQuotesAreRead) {
  const RecordsFile hrc = read_file("hrc-57session.json");  // every line "{...}"
  EXPECT_EQ(hrc.records.size(), 4u);
  EXPECT_EQ(hrc.warnings, std::vector<std::string>{});
  EXPECT_EQ(hrc.records[0].symbol, "A/HRC/RES/57/13");
  EXPECT_EQ(hrc.records[0].draft_symbol, "A/HRC/57/L.23/Rev.1");
  EXPECT_EQ(hrc.records[0].meeting, 47);
  EXPECT_EQ(hrc.records[0].adopted_on, "2024-10-10");
  const RecordsFile one = read_file("hrc-55session.json");  // a stray quote at the end only
  ASSERT_EQ(one.records.size(), 1u);
  EXPECT_EQ(one.records[0].symbol, "A/HRC/RES/55/1");
}

TEST(Records, SecurityCouncilSymbolYearMeetingAndDraft) {
  const RecordsFile sc = read_file("sc-2000.json");
  ASSERT_EQ(sc.records.size(), 1u);
  const auto& r = sc.records[0];
  EXPECT_EQ(r.symbol, "S/RES/1295(2000)");  // published "S/RES/1295 (2000)"
  EXPECT_EQ(r.year, 2000);
  EXPECT_EQ(r.meeting, 4129);
  EXPECT_EQ(r.meeting_record, "S/PV.4129");
  EXPECT_EQ(r.draft_symbol, "S/2000/323");
  EXPECT_EQ(r.adoption_type, "Adopted unanimously, 4129th (Resumption 1) meeting");
  EXPECT_EQ(r.votes_yes, 15);
  EXPECT_EQ(r.votes_no, 0);
  EXPECT_EQ(count_votes(r, VoteKind::yes), 15u);
  EXPECT_EQ(r.sdgs, (std::vector<std::string>{"7", "12", "8", "17", "9"}));
  ASSERT_FALSE(r.subjects.empty());
  EXPECT_EQ(r.subjects[0].source, "DHLAUTH");
  // Voting by mail: no meeting number.
  const RecordsFile mail = read_file("sc-2020.json");
  EXPECT_EQ(record(mail, "S/RES/2524(2020)").meeting, std::nullopt);
  EXPECT_EQ(record(mail, "S/RES/2524(2020)").meeting_record, "S/2020/494");
}

TEST(Records, CountsAsPublished) {
  // "015" and blank counts: 15, and the (empty) lists' 0; no disagreement.
  const RecordsFile sc = read_file("sc-2024.json");
  const auto& r = record(sc, "S/RES/2745(2024)");
  EXPECT_EQ(r.votes_yes, 15);
  EXPECT_EQ(r.votes_no, 0);
  EXPECT_EQ(r.votes_abstain, 0);
  EXPECT_EQ(sc.warnings, std::vector<std::string>{});
}

TEST(Records, RecordedVoteOfTheGeneralAssembly) {
  const RecordsFile ga = read_file("ga-78.json");
  const auto& r = record(ga, "A/RES/78/11");
  EXPECT_EQ(r.votes_yes, 91);
  EXPECT_EQ(r.votes_no, 8);
  EXPECT_EQ(r.votes_abstain, 62);
  EXPECT_EQ(count_votes(r, VoteKind::yes), 91u);
  EXPECT_EQ(count_votes(r, VoteKind::no), 8u);
  EXPECT_EQ(count_votes(r, VoteKind::abstain), 62u);
  const auto vote_of = [&](const std::string& name) {
    for (const auto& v : r.votes)
      if (v.member_state == name) return v.iso3 + " " + std::string(vote_name(v.vote));
    return std::string("(none)");
  };
  EXPECT_EQ(vote_of("TÜRKİYE"), "TUR yes");
  EXPECT_EQ(vote_of("COTE D'IVOIRE"), "CIV abstain");
  EXPECT_EQ(vote_of("NETHERLANDS (KINGDOM OF THE)"), "NLD abstain");
  EXPECT_EQ(vote_of("UNITED STATES"), "USA no");
  EXPECT_EQ(r.draft_symbol, "A/78/L.10");
  EXPECT_EQ(r.meeting, 40);
  EXPECT_EQ(r.year, 2023);
  // The draft from a report's paragraph: "A/78/415, para. 7".
  EXPECT_EQ(record(ga, "A/RES/78/67").draft_symbol, "A/78/415");
  // An entry that is not a State is a sponsor row without a code.
  const auto& first = record(ga, "A/RES/78/1");
  ASSERT_EQ(first.sponsors.size(), 1u);
  EXPECT_EQ(first.sponsors[0].member_state, "SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY");
  EXPECT_EQ(first.sponsors[0].iso3, "");
  EXPECT_EQ(first.sponsors[0].kind, "sponsor");
}

TEST(Records, AdditionalSponsorsGivenAsOneSentence) {
  const RecordsFile ecosoc = read_file("ecosoc-2024.json");
  const auto& r = record(ecosoc, "E/RES/2024/11");
  std::vector<std::string> additional;
  for (const auto& s : r.sponsors)
    if (s.kind == "additional") additional.push_back(s.iso3);
  EXPECT_EQ(additional, (std::vector<std::string>{"ALB", "AND", "AUS", "BEL", "BRA", "CAN", "CHL", "COL", "DOM", "ECU",
                                                   "IDN", "JPN", "MKD", "NOR", "CHE", "GBR", "USA", "VNM"}));
  const RecordSponsor* belgium = sponsor(r, "Belgium");
  ASSERT_NE(belgium, nullptr);
  EXPECT_EQ(belgium->on_behalf_of, "the States Members of the United Nations that are members of the European Union");
  ASSERT_NE(sponsor(r, "Dominican Republic"), nullptr);  // "the Dominican Republic" in the sentence
  ASSERT_NE(sponsor(r, "United States"), nullptr);
  // The last piece of the sentence: "... Türkiye and Venezuela (Bolivarian Republic of)".
  const RecordsFile ga = read_file("ga-79.json");
  const auto& g = record(ga, "A/RES/79/155");
  const RecordSponsor* senegal = sponsor(g, "Senegal");
  ASSERT_NE(senegal, nullptr);
  EXPECT_EQ(senegal->iso3, "SEN");
  EXPECT_EQ(senegal->on_behalf_of, "the Group of African States");
  ASSERT_NE(sponsor(g, "Venezuela (Bolivarian Republic of)"), nullptr);
  EXPECT_EQ(sponsor(g, "Türkiye")->iso3, "TUR");
}

TEST(Records, TheLastLineOfASymbolWins) {
  const RecordsFile ecosoc = read_file("ecosoc-2024.json");  // E/RES/2024/12 on lines 2 and 3
  EXPECT_EQ(ecosoc.records.size(), 2u);
  EXPECT_EQ(record(ecosoc, "E/RES/2024/12").line, 3u);
  EXPECT_TRUE(has_warning(ecosoc, "line 3: E/RES/2024/12 is also on line 2: this one replaces it")) << show(ecosoc.warnings);
}

// A record of one line with the given vote lists and counts.
std::string line(const std::string& symbol, const std::string& yes, const std::string& yes_count,
                 const std::string& more = "") {
  return R"({"symbol": ")" + symbol + R"(", "MS_in_favour": [)" + yes + R"(], "MS_in_favour_count": ")" + yes_count +
         R"(", "MS_against": [], "MS_abstaining": [], "sponsors": [], "additional_sponsors": [])" + more + "}\n";
}

TEST(Records, AVoteListLongerThanItsCountKeepsTheCountAndEveryName) {
  const RecordsFile file = read(line("A/RES/1/1", R"("FRANCE", "CHINA", "PERU")", "2") + line("A/RES/1/2", R"("CHILE")", "1"));
  const auto& r = record(file, "A/RES/1/1");
  EXPECT_EQ(r.votes_yes, 2);
  EXPECT_EQ(r.votes.size(), 3u);
  EXPECT_TRUE(has_warning(file, "line 1: A/RES/1/1: MS_in_favour_count is 2 but the list names 3 States")) << show(file.warnings);
  // The other resolution of the file is untouched.
  EXPECT_EQ(record(file, "A/RES/1/2").votes_yes, 1);
  EXPECT_EQ(file.warnings.size(), 1u) << show(file.warnings);
}

TEST(Records, RepeatedAndDoubleVotesAreReported) {
  const RecordsFile file = read(R"({"symbol": "A/RES/1/1", "MS_in_favour": ["FRANCE", "FRANCE", "PERU"], "MS_in_favour_count": "2",)"
                                R"( "MS_against": ["PERU"], "MS_against_count": "1"})");
  const auto& r = file.records.at(0);
  EXPECT_EQ(r.votes.size(), 3u);  // FRANCE once; PERU under yes and under no
  EXPECT_TRUE(has_warning(file, "'FRANCE' is listed twice in MS_in_favour")) << show(file.warnings);
  EXPECT_TRUE(has_warning(file, "'PERU' votes both yes and no")) << show(file.warnings);
}

TEST(Records, ABadLineIsAWarningWithItsNumber) {
  const std::string text = line("A/RES/1/1", R"("FRANCE")", "1") + "{\"symbol\": \"A/RES/1/2\", \n" +
                           std::string(100, '[') + "\n" + "\"{\"symbol\":\"A/RES/1/3\"}\"\n" + R"({"title": "no symbol"})" "\n";
  const RecordsFile file = read(text);
  EXPECT_EQ(file.records.size(), 2u);  // lines 1 and 4
  EXPECT_TRUE(has_warning(file, "line 2: not JSON (byte")) << show(file.warnings);
  EXPECT_TRUE(has_warning(file, "line 3: nested more than 64 deep")) << show(file.warnings);
  EXPECT_TRUE(has_warning(file, "line 5: a record without a 'symbol'")) << show(file.warnings);
}

TEST(Records, AFileWithNoRecordIsAnInputError) {
  for (const std::string text : {"The General Assembly,\nRecalling ...\n", "\n\n", "{\"title\": \"x\"}\n", "{\n\"symbol\": \n"}) {
    try {
      (void)read(text);
      ADD_FAILURE() << "no InputError for: " << text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.stage(), "read");
      EXPECT_GE(e.line(), 1u);
    }
  }
}

TEST(Records, OtherShapesOfTheSameRecords) {
  // A JSON string holding the record, a file that is one JSON array, one object over several lines.
  EXPECT_EQ(read(R"("{\"symbol\": \"S/RES/1 (1946)\"}")").records.at(0).symbol, "S/RES/1(1946)");
  const RecordsFile array = read("[{\"symbol\": \"A/RES/1/1\"},\n {\"symbol\": \"A/RES/1/2\"}]");
  EXPECT_EQ(array.records.size(), 2u);
  EXPECT_EQ(read("{\n  \"symbol\": \"A/RES/1/3\",\n  \"SDGs\": [16, \"5\", \"5\"]\n}\n").records.at(0).sdgs,
            (std::vector<std::string>{"16", "5"}));
}

TEST(Records, SponsorSentencesAreCutWhereThePiecesAreStates) {
  const RecordsFile file = read(R"({"symbol": "A/RES/1/1", "additional_sponsors": [)"
                                R"("Trinidad and Tobago and Chile", "Antigua and Barbuda, Egypt, on behalf of the Group of Arab States, and Peru",)"
                                R"( "Atlantis and Peru"]})");
  std::vector<std::string> names;
  for (const auto& s : file.records.at(0).sponsors) names.push_back(s.member_state + "=" + s.iso3);
  EXPECT_EQ(names, (std::vector<std::string>{"Trinidad and Tobago=TTO", "Chile=CHL", "Antigua and Barbuda=ATG", "Egypt=EGY",
                                             "Peru=PER", "Atlantis="}));
  EXPECT_EQ(sponsor(file.records.at(0), "Egypt")->on_behalf_of, "the Group of Arab States");
  EXPECT_EQ(file.unresolved, std::vector<std::string>{"Atlantis"});
  EXPECT_TRUE(has_warning(file, "line 1: A/RES/1/1: 'Atlantis' is not a State known to mappings/member_states.yaml"))
      << show(file.warnings);
}

TEST(Records, ALongSentenceOfSponsorsIsCutInLinearTime) {
  std::string sentence = "Chile";
  for (int i = 0; i < 20000; ++i) sentence += i % 2 ? " and Peru" : " and Trinidad and Tobago";  // no comma: one part
  sentence += ", Fiji";
  const RecordsFile file = read(R"({"symbol": "A/RES/1/1", "additional_sponsors": [")" + sentence + R"("]})");
  EXPECT_EQ(file.records.at(0).sponsors.size(), 4u);  // Chile, Trinidad and Tobago, Peru, Fiji: each once
  EXPECT_EQ(file.unresolved, std::vector<std::string>{});
}

TEST(Records, DetectedByContent) {
  EXPECT_TRUE(looks_like_records(test::read_text(test::data_dir() / "records" / "ga-78.json")));
  EXPECT_TRUE(looks_like_records(test::read_text(test::data_dir() / "records" / "hrc-57session.json")));
  EXPECT_TRUE(looks_like_records("\xEF\xBB\xBF[{\"symbol\": \"A/RES/1/1\"}]"));
  EXPECT_FALSE(looks_like_records("United Nations A/RES/68/272\nGeneral Assembly {\"symbol\"}"));
  EXPECT_FALSE(looks_like_records("{\"title\": \"no symbol\"}"));
  EXPECT_FALSE(looks_like_records(""));
}

TEST(Records, AnSdgThatIsNotAGoalIsAWarningAndLeftOut) {
  const RecordsFile file = read(R"({"symbol": "A/RES/1/1", "SDGs": ["16", "18", "0", "Goal 5", "17"]})");
  EXPECT_EQ(file.records.at(0).sdgs, (std::vector<std::string>{"16", "17"}));
  EXPECT_TRUE(has_warning(file, "line 1: A/RES/1/1: SDG '18' is not a goal number (1 to 17): left out")) << show(file.warnings);
  EXPECT_EQ(file.warnings.size(), 3u) << show(file.warnings);
}

TEST(Records, AnUnknownNameIsReportedOncePerFile) {
  const RecordsFile file = read("{\"symbol\": \"A/RES/1/1\", \"MS_in_favour\": [\"Atlantis\", \"FRANCE\"]}\n"
                                "{\"symbol\": \"A/RES/1/2\", \"MS_against\": [\"Atlantis\"], \"sponsors\": [\"Atlantis\"]}\n");
  EXPECT_EQ(file.unresolved, std::vector<std::string>{"Atlantis"});
  EXPECT_EQ(file.warnings.size(), 1u) << show(file.warnings);
  EXPECT_TRUE(has_warning(file, "line 1: A/RES/1/1: 'Atlantis' is not a State known")) << show(file.warnings);
  EXPECT_EQ(file.records.at(1).votes.at(0).iso3, "");
}

TEST(Records, TheOrganOfASymbol) {
  EXPECT_EQ(body_of("A/HRC/RES/55/1"), "A/HRC");
  EXPECT_EQ(body_of("A/RES/78/1"), "A");
  EXPECT_EQ(body_of("S/RES/2719(2023)"), "S");
  EXPECT_EQ(body_of("E/RES/2024/1"), "E");
  EXPECT_EQ(body_of("UNEP/EA.6/Res.1"), "");
  EXPECT_EQ(read_file("hrc-57session.json").records.at(0).body, "A/HRC");
}

TEST(Records, SymbolsNormalizedLikeTheRestOfUnres) {
  EXPECT_EQ(normalize_symbol(" S/RES/2719  (2023) "), "S/RES/2719(2023)");
  EXPECT_EQ(normalize_symbol("A/RES/57/270 B"), "A/RES/57/270 B");
  EXPECT_EQ(normalize_symbol("A/RES/78/1"), "A/RES/78/1");
}

}  // namespace
}  // namespace unres
