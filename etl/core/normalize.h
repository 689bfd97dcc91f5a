#pragma once
// Stage 2, normalize: detects the layout and rebuilds the text as one logical paragraph per line,
// with page furniture dropped and page-bottom footnotes moved to the end. The raw bytes are never
// rewritten in place: an OffsetMap points every normalized byte back at the source file.
#include "model/normalized.h"
#include "rules/ruleset.h"
#include "source.h"

namespace unres {

// Detects the layout of `file` (the first layout whose `detect` pattern matches). Text that is not
// UTF-8 but clearly Windows-1252 is decoded (the offset map still points at the raw bytes).
// Throws InputError (stage "normalize") for binary data, other invalid UTF-8 or an unknown layout.
NormalizedText normalize(const SourceFile& file, const RuleSet& rules);

}  // namespace unres
