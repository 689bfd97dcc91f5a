#pragma once
// The UN's published records of resolutions (the data_extract JSON lines: votes per Member State,
// sponsors, the draft, SDGs, subjects), as typed rows. A record belongs to a symbol, not to a
// resolution of the file it comes from: a records file holds no resolution text, and its records are
// joined to the resolutions by symbol whenever either is loaded (the votes and sponsors views).
// Read by formats/records.*; written through model/tables.* into the record_* tables.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unres {

enum class VoteKind { yes, no, abstain, non_voting };
// "yes", "no", "abstain", "non_voting": the votes.vote column.
std::string_view vote_name(VoteKind vote);

struct RecordVote {
  std::string member_state;  // as published: "NETHERLANDS (KINGDOM OF THE)"
  std::string iso3;          // "NLD"; empty when the gazetteer does not know the name
  VoteKind vote = VoteKind::yes;
};

struct RecordSponsor {
  std::string member_state;  // as published ("Belgium"), or an entry that is not a State ("SUBMITTED BY ...")
  std::string iso3;          // empty for an entry that is not a State, or a name not known
  std::string kind;          // "sponsor" (the record's sponsors) or "additional" (additional_sponsors)
  std::string on_behalf_of;  // "the Group of African States" from "Senegal (on behalf of ...)"; else empty
};

struct RecordSubject {
  std::string term;    // "SUSTAINABLE DEVELOPMENT"
  std::string source;  // "UNBIS Thesaurus", "DHLAUTH", or the agenda's symbol for an agenda item
};

struct PublishedRecord {
  std::size_t line = 0;        // 1-based line of the file it was read from
  std::string symbol;          // normalized like the rest of unres: S/RES/1295(2000), A/RES/78/1
  std::string body;            // from the symbol: A, S, A/HRC, E (as resolutions.body); empty when unknown
  std::optional<int> year;     // the year in the symbol (S/RES/1295(2000), E/RES/2024/11), else the adoption's
  std::string adopted_on;      // ISO 8601; empty when the record's date cannot be read
  std::optional<int> meeting;  // 40 from "40th plenary meeting"; none for "Voting by mail"
  std::string meeting_record;  // the record of the meeting: A/78/PV.40, S/PV.4129, E/2024/SR.37
  std::string draft_symbol;    // draft_resolution, else originating_document's symbol ("A/79/408, para. 114")
  std::string adoption_type;   // as published: "By a recorded vote", "Without a vote", "Adopted unanimously"
  std::optional<int> votes_yes, votes_no, votes_abstain;  // the counts as published (the list's size when blank)
  std::vector<RecordVote> votes;
  std::vector<RecordSponsor> sponsors;
  std::vector<std::string> sdgs;  // "16", "5"
  std::vector<RecordSubject> subjects;
};

}  // namespace unres
