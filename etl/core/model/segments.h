#pragma once
// A resolution's shape: paragraphs (with sub-paragraph nesting), footnotes, and the footnote marks
// in its paragraphs. Made by the rule-driven segmenter (segment.h) for text, or directly by a
// structured format's reader (XML). Spans are working-text offsets.
#include <string>
#include <vector>

#include "model/span.h"

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
  const char* rule_id = nullptr;  // the source that found it (footnote_refs.rule_id); null: the rules'
};

struct Segments {
  Span header;            // text before the enacting formula (adoption line, title, masthead)
  std::vector<ParagraphSegment> paragraphs;
  std::vector<FootnoteSegment> footnotes;
  std::vector<FootnoteMark> marks;
};

}  // namespace unres
