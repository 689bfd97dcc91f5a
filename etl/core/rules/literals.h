#pragma once
// Whole-word matching of a long list of literals (the gazetteer's ~900 names and acronyms, the
// acronyms a resolution defines): the matches of \b(?:lit1|lit2|...)\b, leftmost-longest, found by
// hashing the first word at each word start instead of running one large alternation through
// RE2 (whose DFA over ~900 names costs ~5x more per byte of text, and a per-resolution
// alternation would have to be compiled for every resolution).
#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/pattern.h"

namespace unres {

class LiteralSet {
 public:
  LiteralSet() = default;
  // Throws std::invalid_argument naming a literal that is empty or does not begin with a word
  // character ([0-9A-Za-z_], as \b counts them).
  explicit LiteralSet(const std::vector<std::string>& literals);

  // Non-overlapping matches inside [from, to), left to right. `text` is the whole subject:
  // word boundaries look at the characters outside the range.
  std::vector<Span> find_all(std::string_view text, std::size_t from = 0,
                             std::size_t to = std::string_view::npos) const;
  bool empty() const { return by_first_word_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // A 16-bit hash of every first word: most words of a text are ruled out by this filter (one
  // bit each) before the map is looked up.
  std::bitset<1 << 16> first_words_;
  // First word -> the literals that begin with it, longest first.
  std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>> by_first_word_;
};

}  // namespace unres
