#pragma once
// Stage 3, split: one normalized file -> the resolutions it holds.
#include <vector>

#include "normalize.h"

namespace unres {

struct DocumentSpan {
  Span text;        // normalized text of this resolution: its masthead, body and trailer
  Span footnotes;   // relocated footnote lines belonging to it (empty for in-line footnotes)
};

// Each match of structure.document.start opens a resolution; text before the first one
// (a PDF masthead) belongs to the first. Throws InputError (stage "split") when there is none.
std::vector<DocumentSpan> split_documents(const NormalizedText& text, const RuleSet& rules);

}  // namespace unres
