#pragma once
// Stage 4, segment: one resolution's normalized text -> its paragraphs (with sub-paragraph
// nesting), its footnotes and the footnote marks in its paragraphs. Spans are normalized offsets.
#include "model/segments.h"
#include "model/normalized.h"
#include "rules/ruleset.h"

namespace unres {

// Throws InputError (stage "segment") when the resolution has no enacting formula or no paragraph.
Segments segment(const NormalizedText& text, const DocumentSpan& doc, const RuleSet& rules);

}  // namespace unres
