#pragma once
// The UN's published records of resolutions (the data_extract JSON lines beside the AKN XML: votes per
// Member State, sponsors, the draft, SDGs, subjects) -> typed records. The only reader of JSON in
// etl/core (nlohmann-json).
//
// Records as published are messy, and the reader takes them as they come:
//  - one JSON object per line; a line wrapped in stray double quotes ("{"symbol": ...}") is read; so is
//    a file holding one JSON array of objects;
//  - a line that cannot be read is a warning naming its line; the file is an InputError only when no
//    line at all can be read;
//  - a symbol on several lines: the last line wins (later lines are updates);
//  - a vote list longer or shorter than its published count: the count is kept as published, every
//    name of the list is kept, and the disagreement is a warning;
//  - additional sponsors given as one sentence ("Albania, Belgium (on behalf of the European Union),
//    the Dominican Republic and Viet Nam") become one sponsor per State, "(on behalf of ...)" apart;
//  - every State's name keeps its published form beside the ISO 3166 code the gazetteer gives it;
//    a name the gazetteer does not know is kept with no code and reported (RecordsFile::unresolved).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ruleset.h"

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

struct RecordsFile {
  // One per symbol, the last line of a symbol winning; in the order of those lines.
  std::vector<PublishedRecord> records;
  // "line 3: ...": lines not read, counts that disagree with their lists, repeated names, names not known.
  std::vector<std::string> warnings;
  // Each published name the gazetteer does not resolve, once, in the order met.
  std::vector<std::string> unresolved;
};

// True when a file's first bytes are JSON (an object or array, possibly wrapped in a stray quote)
// naming a "symbol": the records, not the text of a resolution.
bool looks_like_records(std::string_view head);

// Reads a records file's bytes. Throws InputError (stage "read") when no line holds a record.
RecordsFile read_records(std::string_view bytes, const RuleSet& rules);

// S/RES/1295 (2000) -> S/RES/1295(2000); white space folded; a part letter keeps its space (A/RES/57/270 B).
std::string normalize_symbol(std::string_view symbol);

}  // namespace unres
