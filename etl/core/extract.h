#pragma once
// Stage 5, extract: segments -> typed records (metadata, paragraphs, action phrases, organization
// mentions, footnotes, citations, deadlines). Every record carries its rule id and source span
// (raw byte offsets into the file).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "segment.h"

namespace unres {

struct ParagraphRecord {
  std::string kind, number, text;
  int parent = -1, ordinal = 0;
  Span span;
};

struct ActionRecord {
  std::size_t paragraph;
  std::string phrase, lemma, modifier, qualifier;
  bool is_lead = false;
  std::string rule_id;
  Span span;
};

struct MentionRecord {
  std::size_t organization;   // index into RuleSet::organizations.entries
  int paragraph = -1;         // -1: in a footnote
  std::string surface, rule_id;
  Span span;
};

struct FootnoteRecord {
  int number = 0;
  std::string text;
  Span span;
};

struct FootnoteRefRecord {
  std::size_t paragraph, footnote;
  std::size_t offset;
};

struct CitationRecord {
  int paragraph = -1, footnote = -1;   // where it stands: exactly one is set
  std::string kind, target, cited_date, surface, rule_id;
  Span span;
};

struct DeadlineRecord {
  std::size_t paragraph;
  std::string kind, due_date, requested_of, body, subject, rule_id;
  std::optional<int> session, due_year;
  Span span;
};

struct ResolutionRecord {
  std::map<std::string, std::string> meta;   // resolutions column -> value (text form)
  Span span;
  std::vector<ParagraphRecord> paragraphs;
  std::vector<ActionRecord> actions;
  std::vector<MentionRecord> mentions;
  std::vector<FootnoteRecord> footnotes;
  std::vector<FootnoteRefRecord> footnote_refs;
  std::vector<CitationRecord> citations;
  std::vector<DeadlineRecord> deadlines;
};

// Throws InputError (stage "extract") when the resolution has no symbol or no operative paragraph.
ResolutionRecord extract(const NormalizedText& text, const DocumentSpan& doc, const Segments& segments,
                         const RuleSet& rules);

// Building blocks, also used by `rules check` to run the rules' examples on plain text.
std::map<std::string, std::string> apply_metadata_rule(const MetadataRule& rule, std::string_view text,
                                                       const Vocabulary& vocabulary);
struct CitationHit {
  const CitationRule* rule;
  std::string kind, target, cited_date;
  Span span;
};
std::vector<CitationHit> find_citations(const RuleSet& rules, std::string_view text, Span range);
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
