#pragma once
// The only user of RE2. A Pattern is an immutable compiled regular expression with
// named groups; matching is linear-time in the input (RE2's guarantee).
#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/span.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace unres {

struct PatternOptions {
  bool case_insensitive = false;
  bool longest_match = false;      // leftmost-longest instead of leftmost-first
  bool never_capture = false;      // groups do not capture (names may repeat): whole matches only
  std::int64_t max_memory = 64 << 20;  // RE2's budget for the program and its DFA cache (grows as needed)
  // Texts that cannot match are ruled out before RE2 runs: by the literals every match contains
  // (case-sensitive patterns), and by the bytes a match can start with.
  bool prefilter = true;
};

class Pattern {
 public:
  // A match: the whole span and one optional span per capturing group (index 1..n).
  struct Match {
    Span whole;
    std::vector<std::optional<Span>> groups;  // groups[0] is unused
  };

  // Throws std::invalid_argument with RE2's message when the expression does not compile.
  static Pattern compile(std::string_view source, const PatternOptions& options = {});
  // An alternation that matches any of the literals exactly (for gazetteers and lexicons).
  static Pattern any_literal(const std::vector<std::string>& literals, std::string_view prefix,
                             std::string_view suffix, const PatternOptions& options = {});

  // First match starting at or after `from`; `text` is the whole subject so that ^, $ and \b
  // see the true context.
  std::optional<Match> find(std::string_view text, std::size_t from = 0,
                            std::size_t to = std::string_view::npos) const;
  // Match that must start exactly at `at`.
  std::optional<Match> match_at(std::string_view text, std::size_t at) const;
  // Whether find() / match_at() would match: cheaper when the spans are not needed (RE2 runs
  // its DFA alone, without working out where the groups are).
  bool test(std::string_view text, std::size_t from = 0, std::size_t to = std::string_view::npos) const;
  bool test_at(std::string_view text, std::size_t at) const;
  // All non-overlapping matches, left to right.
  std::vector<Match> find_all(std::string_view text, std::size_t from = 0, std::size_t to = std::string_view::npos) const;

  // Index of a named group, or -1.
  int group(std::string_view name) const;
  const std::map<std::string, int>& group_names() const { return *names_; }
  const std::string& source() const;
  bool valid() const { return re_ != nullptr; }
  // Size of the compiled program (RE2 instructions): what the loader's limits count.
  std::size_t program_size() const;

 private:
  std::optional<Match> run(std::string_view text, std::size_t from, std::size_t to, bool anchored) const;
  // False when text[from, to) lacks the literals every match contains.
  bool may_match(std::string_view text, std::size_t from, std::size_t to) const;
  // False when no match can start at `at`: every match is non-empty and begins with a byte in
  // [first_low_, first_high_] (RE2's PossibleMatchRange).
  bool may_start_at(std::string_view text, std::size_t at, std::size_t to) const {
    if (!first_range_) return true;
    if (at >= std::min(to, text.size())) return false;
    const auto c = static_cast<unsigned char>(text[at]);
    return c >= first_low_ && c <= first_high_;
  }
  bool first_range_ = false;
  unsigned char first_low_ = 0, first_high_ = 0xFF;
  bool start_anchored_ = false;  // can match only where the subject begins ("^…", no alternative without it)
  struct Prefilter;
  std::shared_ptr<const Prefilter> prefilter_;  // null: every text is searched
  std::shared_ptr<const re2::RE2> re_;
  std::shared_ptr<const std::map<std::string, int>> names_;
  std::shared_ptr<const std::array<bool, 256>> first_bytes_;  // any_literal(): the bytes a match starts with
};

// Several patterns matched in one pass: which of them match somewhere in a text. Used as a
// prefilter so that a pattern that cannot match a resolution is not run over it.
class PatternSet {
 public:
  // Throws std::invalid_argument when a pattern does not compile.
  explicit PatternSet(const std::vector<std::string>& sources, const PatternOptions& options = {});
  PatternSet() = default;
  // Indexes (into `sources`) of the patterns that match in `text`, ascending.
  std::vector<int> matching(std::string_view text) const;
  bool valid() const { return set_ != nullptr; }

 private:
  struct Impl;
  std::shared_ptr<const Impl> set_;
};

// Text of group `index` in `text`, or an empty view when the group did not take part.
std::string_view group_text(std::string_view text, const Pattern::Match& match, int index);

}  // namespace unres
