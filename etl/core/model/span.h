#pragma once
// A half-open byte range [begin, end) of some text. Which text is said where a Span is declared:
// a stage's working text (normalized offsets) or the document's source text (raw offsets).
#include <cstddef>

namespace unres {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
};

}  // namespace unres
