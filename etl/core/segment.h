#pragma once
// Stage 4, segment: one resolution's normalized text -> its paragraphs (with sub-paragraph
// nesting), its footnotes and the footnote marks in its paragraphs. Spans are normalized offsets.
#include <string>
#include <vector>

#include "split.h"

namespace unres {

struct ParagraphSegment {
  std::string kind;     // preambular, operative, annex
  std::string number;   // printed label: "16", "(a)"; empty for preambular paragraphs
  int parent = -1;      // index of the enclosing paragraph, -1 for top level
  int ordinal = 0;      // 1-based among top-level paragraphs of its kind, or among its siblings
  Span line;            // the whole logical line, label included
  Span body;            // the paragraph's own text, label excluded
};

struct FootnoteSegment {
  int number = 0;
  Span body;            // text after the number
  Span line;
};

struct FootnoteMark {
  std::size_t paragraph;  // index into paragraphs
  std::size_t footnote;   // index into footnotes
  Span span;              // the mark's digits
};

struct Segments {
  Span header;            // text before the enacting formula (adoption line, title, masthead)
  std::vector<ParagraphSegment> paragraphs;
  std::vector<FootnoteSegment> footnotes;
  std::vector<FootnoteMark> marks;
};

// Throws InputError (stage "segment") when the resolution has no enacting formula or no paragraph.
Segments segment(const NormalizedText& text, const DocumentSpan& doc, const RuleSet& rules);

}  // namespace unres
