#pragma once
// Stage 5, extract: segments -> typed records (metadata, paragraphs, action phrases, organization
// mentions, footnotes, citations, deadlines). Every record carries its rule id and source span
// (raw byte offsets into the file).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/records.h"
#include "model/normalized.h"
#include "model/segments.h"
#include "rules/ruleset.h"

namespace unres {

// Throws InputError (stage "extract") when the resolution has no symbol or no operative paragraph.
// `facts`: what a structured source states outright (metadata, linked citations), taken first.
// `language`: the resolution's language code ("fr"); its action phrases are read with the lexicon
// of that language (RuleSet::lexicon), English when it has none.
ResolutionRecord extract(const NormalizedText& text, const DocumentSpan& doc, const Segments& segments,
                         const RuleSet& rules, const SourceFacts& facts = {}, std::string_view language = {});

// Building blocks, also used by `rules check` to run the rules' examples on plain text.
std::map<std::string, std::string> apply_metadata_rule(const MetadataRule& rule, std::string_view text,
                                                       const Vocabulary& vocabulary);
// Where a fact rule matches in `range` of `text`: each match, trimmed of white space.
std::vector<Span> find_facts(const FactRule& rule, std::string_view text, Span range);
struct CitationHit {
  const CitationRule* rule;
  std::string kind, target, cited_date;
  Span span;
  std::string part;  // from the group named `part`
};
std::vector<CitationHit> find_citations(const RuleSet& rules, std::string_view text, Span range);
// The deadline kind of rules that find references to past sessions (mappings/deadlines.yaml):
// they cancel the deadline they overlap and make no row.
inline constexpr const char* kPastReference = "past_reference";
struct DeadlineHit {
  const DeadlineRule* rule;
  DeadlineRecord record;
};
// Every match of every deadline rule in `range`, in rule order.
std::vector<DeadlineHit> find_deadlines(const RuleSet& rules, std::string_view text, Span range,
                                        std::optional<int> resolution_session);
// For the hits of one paragraph: fills implied sessions, drops duplicates, sorts by position.
void settle_deadlines(std::vector<DeadlineHit>& hits);

}  // namespace unres
