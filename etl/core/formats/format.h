#pragma once
// Formats: how one kind of input file becomes the working text the stages read. A format is a
// plug-in: an id, a detector that looks at the first bytes of a file, and a reader. Adding a
// format is one class and one line in FormatRegistry::builtin() (formats/format.cpp); the
// pipeline never names a format.
//
// A reader returns the working text with its map back to the document's source text (see
// model/normalized.h for the provenance contract). A text reader's source text is the file
// itself; a reader of a source that is not plain text (PDF, XML) renders a readable source text,
// which the store keeps. A structured source (XML) may also state each resolution's shape
// outright (Reading::parts); otherwise the rules split and segment the working text.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/normalized.h"
#include "model/published.h"
#include "model/records.h"
#include "model/segments.h"
#include "rules/ruleset.h"
#include "source.h"

namespace unres {

struct Reading {
  NormalizedText text;          // working text; text.map points into the source text
  std::string source_text;      // empty: the file's bytes are the source text
  std::vector<std::size_t> page_starts;  // source-text offset where each page begins (paged sources)
  std::string language;         // ISO 639-1 when the source states it ("en"); empty: unknown

  // One resolution of a structured source.
  struct Part {
    DocumentSpan span;          // working-text spans
    Segments segments;          // its shape, as the source states it
    SourceFacts facts;          // metadata and citations the source states outright
  };
  std::vector<Part> parts;      // empty: split and segment by the rules

  // Document-level records (the UN's published votes and sponsors, formats/records.h), keyed by
  // symbol rather than by a resolution of this file. A reading of records alone has no working
  // text: there is nothing to split.
  std::vector<PublishedRecord> published;
  std::vector<std::string> warnings;        // what the reader set aside without rejecting the file
  std::vector<std::string> unknown_states;  // Member State names mappings/member_states.yaml lacks
};

class Format {
 public:
  virtual ~Format() = default;
  // Recorded in documents.format when the reader does not name a layout of its own.
  virtual std::string_view id() const = 0;
  // Whether this format reads a file that begins with `head` (its first bytes, up to
  // RuleSet::detect_window). Formats are asked in registry order; the first that says yes reads.
  virtual bool detects(std::string_view head, const RuleSet& rules) const = 0;
  // Throws InputError for a file it cannot read, naming what is wrong in the user's terms.
  virtual Reading read(const SourceFile& file, const RuleSet& rules) const = 0;
};

class FormatRegistry {
 public:
  // Formats are asked in the order they were added.
  void add(std::unique_ptr<Format> format);
  // The format that reads `file`; throws InputError (stage "read") when none does.
  const Format& detect(const SourceFile& file, const RuleSet& rules) const;
  const std::vector<std::unique_ptr<Format>>& formats() const { return formats_; }

  // The formats this build reads.
  static const FormatRegistry& builtin();

 private:
  std::vector<std::unique_ptr<Format>> formats_;
};

// The citations.yaml kind of a document a link (XML, PDF) points at, from its symbol.
std::string linked_citation_kind(std::string_view symbol);

// The text layouts of mappings/structure.yaml (`layouts:`), read by normalize.h.
std::unique_ptr<Format> make_text_format();
// The UN's AKN4UN XML (formats/akn.h): one part per resolution, its shape stated by the markup.
std::unique_ptr<Format> make_akn_format();
// The UN's published records (data_extract JSON lines), read by formats/records.h.
std::unique_ptr<Format> make_records_format();

}  // namespace unres
