#pragma once
// Stage 3, split: one normalized file -> the resolutions it holds.
#include <vector>

#include "model/normalized.h"
#include "rules/ruleset.h"

namespace unres {

// Each match of a profile's document.start opens a resolution read with that profile; text before
// the first one (a PDF masthead) belongs to the first. Throws InputError (stage "split") when there is none.
std::vector<DocumentSpan> split_documents(const NormalizedText& text, const RuleSet& rules);

}  // namespace unres
