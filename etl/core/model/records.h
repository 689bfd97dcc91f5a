#pragma once
// What extraction makes of one resolution, and of one source document: typed rows with their rule
// ids and spans. Spans here are source-text offsets (see model/text.h), ready for the store.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/published.h"
#include "model/span.h"

namespace unres {

// Rule ids of rows that come from the document's structure are static names ("document.operative").
struct ParagraphRecord {
  std::string kind, number, text;
  int parent = -1, ordinal = 0;
  Span span;
  std::optional<int> page;   // the page of a paged source (PDF) where the paragraph starts
  const char* rule_id = "";
};

struct ActionRecord {
  std::size_t paragraph;
  std::string phrase, lemma, modifier, qualifier;
  bool is_lead = false;
  std::string rule_id;
  Span span;
  // The language-neutral action, in the English lemma vocabulary ("request" for "Prie"); for
  // English, the lemma itself.
  std::string action;
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
  const char* rule_id = "";
};

struct FootnoteRefRecord {
  std::size_t paragraph, footnote;
  std::size_t offset;
  const char* rule_id = "";
};

struct CitationRecord {
  int paragraph = -1, footnote = -1;   // where it stands: exactly one is set
  std::string kind, target, cited_date, surface, rule_id;
  Span span;
  std::string part;  // the part of a resolution cited ("B" of "57/270 B"), or empty
};

struct DeadlineRecord {
  std::size_t paragraph;
  std::string kind, due_date, requested_of, body, subject, rule_id;
  std::optional<int> session, due_year;
  Span span;
};

// Where a fact rule (a profile's `facts`, docs/rules.md) matched: the text that establishes a
// resolution-level fact, which sets its resolutions column (`fact`) to 1.
struct FactRecord {
  std::string fact;          // the resolutions column the rule sets
  int paragraph = -1;        // the paragraph whose line holds the match; -1: a heading line between paragraphs
  std::string surface, rule_id;
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
  std::vector<FactRecord> facts;
  // The fact columns the resolution's profile has rules for: each is 1 when one of `facts` sets it,
  // else 0; a fact column not sought is NULL (the organ's profile does not say how to tell it).
  std::set<std::string> facts_sought;
};

// What a structured source (XML) states about a resolution outright; extraction takes it before
// anything the rules find. Citation spans and indices are as in Reading::Part (working text).
struct SourceFacts {
  std::map<std::string, std::string> metadata;   // resolutions column -> value (text form)
  std::vector<CitationRecord> citations;         // e.g. the documents the source links to
  bool confirm = false;  // a rules' citation a stated one repeats says so in its rule id (PDF links)
  // Per paragraph (index into Segments::paragraphs): the lead phrase the source marks (the XML's
  // italics, "Requests"), empty when it marks none. The rules read its lemma from it.
  std::vector<Span> leads;
};

// One source document (an input file) as parsed: what the store loads for it.
struct Document {
  std::string format, encoding;
  // The readable text that every row's offsets point into, when the file itself is not that text
  // (a PDF, an XML file): stored once in the database. Empty for a text file.
  std::string source_text;
  std::vector<ResolutionRecord> resolutions;
  // The UN's published records the document holds (a records file: no text, no resolutions), each
  // keyed by its symbol: written to the record_* tables, joined to resolutions by symbol.
  std::vector<PublishedRecord> published;
  // What the reader set aside without rejecting the file ("line 3: not JSON: the line is skipped"),
  // and the Member State names it could not resolve: logged when the document is loaded.
  std::vector<std::string> warnings, unknown_states;
};

}  // namespace unres
