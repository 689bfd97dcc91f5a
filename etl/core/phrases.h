#pragma once
// Lead and secondary action phrases, matched word by word against the lexicon of
// mappings/phrases.yaml:  MODIFIER* FORM POSTMODIFIER* QUALIFIER? ("and" MODIFIER* FORM)?
// (A regular expression of the same shape is correct too, but an alternation of 800 forms with
// capture groups makes RE2 fall back to its slow NFA; hashing word sequences is ~50x faster.)
#include <optional>
#include <string>
#include <string_view>

#include "rules/ruleset.h"

namespace unres {

struct PhraseMatch {
  Span whole;                      // from the first modifier to the end of the phrase
  std::string lemma, modifier, qualifier;
  struct Second {
    Span span;                     // "further endorsing" in "Recalling and further endorsing"
    std::string lemma, modifier;
  };
  std::optional<Second> second;    // a coordinated verb
};

enum class PhraseKind { preambular, operative };

// The phrase starting exactly at `at` in `text`. With `lower_case`, the form's first letter must be
// lower case (an action inside a sentence, not a capitalized noun).
std::optional<PhraseMatch> match_phrase(const PhraseLexicon& lexicon, PhraseKind kind, std::string_view text,
                                        std::size_t at, bool lower_case = false);

}  // namespace unres
