#pragma once
// The text the stages work on, and how it points back at the source text an analyst can read.
//
// Provenance contract (every format): each extracted row's start_offset/end_offset are byte
// offsets into the document's *source text*. For a text file the source text is the file itself;
// for a source that is not plain text (a PDF, an XML file) the format's reader renders a readable
// text, which is stored once in the database (document_texts) so that `explain` and analysts can
// cut every row's text out of it.
#include <cstddef>
#include <string>
#include <vector>

#include "model/span.h"

namespace unres {

class OffsetMap {
 public:
  // A run of working-text bytes: copied from the source text (raw_length == length) or synthetic
  // (a replacement or an inserted separator) standing for raw_length source bytes at raw.
  struct Piece {
    std::size_t norm, raw, length, raw_length;
    bool copied;
  };
  void add(const Piece& piece);
  // Source offset of working-text position `norm` (a start offset).
  std::size_t to_raw(std::size_t norm) const;
  // Source offset just past working-text position `norm_end - 1` (an end offset).
  std::size_t to_raw_end(std::size_t norm_end) const;
  const std::vector<Piece>& pieces() const { return pieces_; }
  // The map of a text that is its own source (a reader's rendered text): every byte copied.
  static OffsetMap identity(std::size_t length);

 private:
  const Piece* piece_at(std::size_t norm) const;
  std::vector<Piece> pieces_;
};

// A document's working text: one logical paragraph per line, page furniture dropped, footnotes
// after the body, with the map back to the source text.
struct NormalizedText {
  std::string format;          // the format (and layout) id, recorded in documents.format
  std::string encoding;        // "utf-8", or "windows-1252" when decoded from it
  std::string text;            // one logical paragraph per line
  OffsetMap map;
  std::size_t footnotes_begin = std::string::npos;  // relocated footnote lines start here, if any
  Span raw_span(Span norm) const { return {map.to_raw(norm.begin), map.to_raw_end(norm.end)}; }
};

// One resolution's part of the working text.
struct DocumentSpan {
  Span text;        // this resolution: its masthead, body and trailer
  Span footnotes;   // relocated footnote lines belonging to it (empty for in-line footnotes)
  std::size_t profile = 0;  // the document profile it is read with (RuleSet::profiles), chosen by split
};

}  // namespace unres
