// rules/member_states.h and mappings/member_states.yaml: a State's name as the UN's records publish it
// resolves to one entry and its ISO 3166 code, whatever its case, accents, quotes or "the".
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common.h"
#include "formats/records.h"
#include "rules/member_states.h"

namespace unres {
namespace {

const MemberStates& gazetteer() { return test::default_rules().member_states; }

std::string iso3_of(const std::string& name) {
  const MemberState* state = gazetteer().find(name);
  return state ? state->iso3 : "(none)";
}

TEST(MemberStateKey, FoldsCaseAccentsQuotesPunctuationAndTheArticle) {
  EXPECT_EQ(member_state_key("CÔTE D’IVOIRE"), "cote d ivoire");
  EXPECT_EQ(member_state_key("COTE D'IVOIRE"), "cote d ivoire");
  EXPECT_EQ(member_state_key("  Côte d\u2019Ivoire "), "cote d ivoire");
  EXPECT_EQ(member_state_key("Co\u0302te d'Ivoire"), "cote d ivoire");  // decomposed: O + combining circumflex
  EXPECT_EQ(member_state_key("TÜRKİYE"), "turkiye");                    // capital I with dot above
  EXPECT_EQ(member_state_key("THE BAHAMAS"), "bahamas");
  EXPECT_EQ(member_state_key("the Netherlands"), "netherlands");
  EXPECT_EQ(member_state_key("NETHERLANDS (KINGDOM OF THE)"), "netherlands kingdom of the");
  EXPECT_EQ(member_state_key("GUINEA-BISSAU"), "guinea bissau");
  EXPECT_EQ(member_state_key("Theland"), "theland");  // "the" only as a word
  EXPECT_EQ(member_state_key("Ægypt Œ ß Đ Ł Ș"), "aegypt oe ss d l s");
  EXPECT_EQ(member_state_key("РОССИЙСКАЯ ФЕДЕРАЦИЯ"), "российская федерация");
  EXPECT_EQ(member_state_key("Объединённые"), "объединенные");
  EXPECT_EQ(member_state_key("عُمان"), "عمان");  // an Arabic vowel mark dropped
  EXPECT_EQ(member_state_key("中国，"), "中国");  // a full-width comma is punctuation
  EXPECT_EQ(member_state_key("A\xFF" "B"), "a b");  // an invalid byte is a word break
  EXPECT_EQ(member_state_key("—’()"), "");
}

TEST(MemberStates, TheGazetteerHoldsEveryMemberObserverAndFormerState) {
  std::map<std::string, int> by_status;
  std::set<std::string> codes;
  for (const auto& state : gazetteer().entries) {
    ++by_status[state.status];
    EXPECT_TRUE(codes.insert(state.iso3).second) << state.iso3;
    EXPECT_EQ(state.iso3.size(), 3u) << state.iso3;
    for (const char* language : {"en", "fr", "es", "ru", "zh", "ar"})
      EXPECT_TRUE(state.names.count(language)) << state.iso3 << " has no " << language << " name";
  }
  EXPECT_EQ(by_status["member"], 193);
  EXPECT_EQ(by_status["observer"], 2);
  EXPECT_GE(by_status["historical"], 6);
  for (const char* code : {"SUN", "YUG", "SCG", "CSK", "DDR", "YMD", "VAT", "PSE"}) EXPECT_TRUE(codes.count(code)) << code;
}

TEST(MemberStates, PublishedVariantsResolveToOneCode) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"COTE D'IVOIRE", "CIV"}, {"CÔTE D'IVOIRE", "CIV"}, {"CÔTE D’IVOIRE", "CIV"},
      {"NETHERLANDS", "NLD"}, {"NETHERLANDS (KINGDOM OF THE)", "NLD"},
      {"UNITED STATES", "USA"}, {"UNITED STATES OF AMERICA", "USA"}, {"the United States", "USA"},
      {"UNITED KINGDOM", "GBR"}, {"UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GBR"},
      {"TÜRKIYE", "TUR"}, {"TÜRKİYE", "TUR"}, {"TURKEY", "TUR"},
      {"THE BAHAMAS", "BHS"}, {"BAHAMAS", "BHS"},
      {"DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA", "PRK"}, {"REPUBLIC OF KOREA", "KOR"}, {"THE OF KOREA", "KOR"},
      {"LIBYAN ARAB JAMAHIRIYA", "LBY"}, {"LIBYA", "LBY"}, {"ZAIRE", "COD"}, {"CONGO", "COG"},
      {"DEMOCRATIC REPUBLIC OF THE CONGO", "COD"}, {"SWAZILAND", "SWZ"}, {"ESWATINI", "SWZ"},
      {"CZECH REPUBLIC", "CZE"}, {"CZECHIA", "CZE"}, {"THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", "MKD"},
      {"YUGOSLAVIA", "YUG"}, {"SERBIA AND MONTENEGRO", "SCG"}, {"SERBIA", "SRB"}, {"CZECHOSLOVAKIA", "CSK"},
      {"UNION OF SOVIET SOCIALIST REPUBLICS", "SUN"}, {"USSR", "SUN"}, {"GERMAN DEMOCRATIC REPUBLIC", "DDR"},
      {"GERMANY", "DEU"}, {"HOLY SEE", "VAT"}, {"STATE OF PALESTINE", "PSE"},
      {"BOLIVIA (PLURINATIONAL STATE OF)", "BOL"}, {"Viet Nam", "VNM"}, {"SAO TOME AND PRINCIPE", "STP"},
      // The other five languages: the UN's short names.
      {"États-Unis d’Amérique", "USA"}, {"Côte d’Ivoire", "CIV"}, {"Reino Unido de Gran Bretaña e Irlanda del Norte", "GBR"},
      {"Российская Федерация", "RUS"}, {"中国", "CHN"}, {"مصر", "EGY"}, {"Países Bajos (Reino de los)", "NLD"}};
  for (const auto& [name, code] : cases) EXPECT_EQ(iso3_of(name), code) << name;
  EXPECT_EQ(gazetteer().find("NETHERLANDS")->name(), "Netherlands (Kingdom of the)");
  EXPECT_EQ(gazetteer().find("Atlantis"), nullptr);
  EXPECT_EQ(gazetteer().find(""), nullptr);
}

TEST(MemberStates, EntriesThatAreNotStates) {
  for (const char* entry : {"SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY",
                            "submitted by the Chair of the Committee following informal consultations",
                            "the representative of Egypt, on behalf of the Bureau"}) {
    EXPECT_TRUE(gazetteer().is_not_state(entry)) << entry;
    EXPECT_EQ(gazetteer().find(entry), nullptr) << entry;
  }
  for (const char* state : {"EGYPT", "Submittedland", "PRESIDENTIAL ISLANDS"}) EXPECT_FALSE(gazetteer().is_not_state(state)) << state;
}

// Every State's name in every published record of tests/data/records (the dev records as published)
// resolves: none is left without a code. Entries that are not States are the only rows without one.
TEST(MemberStates, EveryNameOfTheRecordsResolves) {
  std::size_t files = 0, votes = 0, sponsors = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::data_dir() / "records")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    const RecordsFile file = read_records(test::read_text(entry.path()), test::default_rules());
    EXPECT_EQ(file.unresolved, std::vector<std::string>{});
    for (const auto& record : file.records) {
      for (const auto& vote : record.votes) {
        ++votes;
        EXPECT_FALSE(vote.iso3.empty()) << record.symbol << ": " << vote.member_state;
      }
      for (const auto& sponsor : record.sponsors) {
        ++sponsors;
        EXPECT_NE(sponsor.iso3.empty(), !gazetteer().is_not_state(sponsor.member_state))
            << record.symbol << ": " << sponsor.member_state;
      }
    }
  }
  EXPECT_EQ(files, 24u);
  EXPECT_GT(votes, 1000u);
  EXPECT_GT(sponsors, 500u);
}

}  // namespace
}  // namespace unres
