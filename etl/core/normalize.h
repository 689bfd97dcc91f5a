#pragma once
// Stage 2, normalize: detects the layout and rebuilds the text as one logical paragraph per line,
// with page furniture dropped and page-bottom footnotes moved to the end. The raw bytes are never
// rewritten in place: an OffsetMap points every normalized byte back at the source file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ruleset.h"
#include "source.h"

namespace unres {

class OffsetMap {
 public:
  // A run of normalized bytes: copied from the source (raw_length == length) or synthetic
  // (a replacement or an inserted separator) standing for raw_length source bytes at raw.
  struct Piece {
    std::size_t norm, raw, length, raw_length;
    bool copied;
  };
  void add(const Piece& piece);
  // Source offset of normalized position `norm` (a start offset).
  std::size_t to_raw(std::size_t norm) const;
  // Source offset just past normalized position `norm_end - 1` (an end offset).
  std::size_t to_raw_end(std::size_t norm_end) const;
  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  const Piece* piece_at(std::size_t norm) const;
  std::vector<Piece> pieces_;
};

struct NormalizedText {
  std::string format;          // the layout id
  std::string encoding;        // "utf-8", or "windows-1252" when decoded from it
  std::string text;            // one logical paragraph per line
  OffsetMap map;
  std::size_t footnotes_begin = std::string::npos;  // relocated footnote lines start here, if any
  Span raw_span(Span norm) const { return {map.to_raw(norm.begin), map.to_raw_end(norm.end)}; }
};

// Detects the layout of `file` (the first layout whose `detect` pattern matches). Text that is not
// UTF-8 but clearly Windows-1252 is decoded (the offset map still points at the raw bytes).
// Throws InputError (stage "normalize") for binary data, other invalid UTF-8 or an unknown layout.
NormalizedText normalize(const SourceFile& file, const RuleSet& rules);

}  // namespace unres
