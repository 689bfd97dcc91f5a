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
//    a name the gazetteer does not know is kept with no code and reported once per file (a warning
//    naming its first line, and RecordsFile::unresolved);
//  - an SDG that is not a goal number (1 to 17) is a warning, and left out.
//
// The format "records" (make_records_format(), formats/format.h) hands these to the pipeline as a
// document without text: its records are written to the record_* tables, keyed by symbol.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/published.h"
#include "rules/ruleset.h"

namespace unres {

struct RecordsFile {
  // One per symbol, the last line of a symbol winning; in the order of those lines.
  std::vector<PublishedRecord> records;
  // "line 3: ...": lines not read, counts that disagree with their lists, repeated names, names not
  // known (once per name), SDGs that are not goals.
  std::vector<std::string> warnings;
  // Each published name the gazetteer does not resolve, once, in the order met.
  std::vector<std::string> unresolved;
};

// True when a file's first bytes are JSON (an object or array, possibly wrapped in a stray quote)
// naming a "symbol": the records, not the text of a resolution.
bool looks_like_records(std::string_view head);

// Reads a records file's bytes. Throws InputError (stage "read") when no line holds a record.
RecordsFile read_records(std::string_view bytes, const RuleSet& rules);

// The adopting organ of a symbol, as resolutions.body: A/HRC/RES/55/1 -> A/HRC, A/RES/78/1 -> A,
// S/RES/2719(2023) -> S, E/RES/2024/1 -> E; empty for another prefix.
std::string body_of(std::string_view symbol);

// S/RES/1295 (2000) -> S/RES/1295(2000); white space folded; a part letter keeps its space (A/RES/57/270 B).
std::string normalize_symbol(std::string_view symbol);

}  // namespace unres
