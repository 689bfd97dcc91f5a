#include "rules/pattern.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace unres {

namespace {

// How common a byte is in English text (higher: more common), to choose which byte of a literal
// memchr looks for: the rarer, the fewer places it stops at.
int commonness(unsigned char c) {
  static constexpr std::string_view by_frequency = "zqjxkvbpygfwmucldrhsnioate ";  // rarest first
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
  if (const auto at = by_frequency.find(static_cast<char>(c)); at != std::string_view::npos)
    return static_cast<int>(at) + 1;
  if (c >= '0' && c <= '9') return 12;  // about as common as a middling letter
  return 0;                             // punctuation and the rest
}

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` holds `literal` (lower case, ASCII), its letters in either case.
bool contains_folded(std::string_view text, std::string_view literal) {
  if (literal.empty()) return true;
  if (text.size() < literal.size()) return false;
  std::size_t k = 0;  // the literal's rarest byte: where the search stops to compare
  for (std::size_t i = 1; i < literal.size(); ++i)
    if (commonness(static_cast<unsigned char>(literal[i])) < commonness(static_cast<unsigned char>(literal[k]))) k = i;
  const char lower = literal[k];
  const char upper = (lower >= 'a' && lower <= 'z') ? static_cast<char>(lower - 'a' + 'A') : lower;
  const std::size_t end = text.size() - (literal.size() - k);  // last place the rare byte can be
  // The next place of each case of that byte, at or after `from` (end + 1: none).
  const auto next = [&](char c, std::size_t from) -> std::size_t {
    if (from > end) return end + 1;
    const void* p = std::memchr(text.data() + from, c, end + 1 - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : end + 1;
  };
  std::size_t at_lower = next(lower, k), at_upper = upper == lower ? end + 1 : next(upper, k);
  while (true) {
    const std::size_t at = std::min(at_lower, at_upper);
    if (at > end) return false;
    const std::size_t start = at - k;
    bool equal = true;
    for (std::size_t j = 0; j < literal.size() && equal; ++j) equal = fold(text[start + j]) == literal[j];
    if (equal) return true;
    if (at == at_lower) at_lower = next(lower, at + 1);
    else at_upper = next(upper, at + 1);
  }
}

// Whether a pattern can match only at the start of the subject: it begins with ^ (not in
// multi-line mode) and has no alternative outside parentheses that could do without it. A
// conservative reading of the source: anything unclear answers no.
bool starts_anchored(std::string_view source) {
  if (source.empty() || source.front() != '^' || source.find("(?m") != std::string_view::npos) return false;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 1; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < source.size() && source[i + 1] == '^') ++i;
      if (i + 1 < source.size() && source[i + 1] == ']') ++i;  // a leading ] is a member
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

// Whether a flag group turns case folding on anywhere: "(?i)", "(?si:", "(?mi)".
bool folds_case(std::string_view source) {
  for (auto at = source.find("(?"); at != std::string_view::npos; at = source.find("(?", at + 2))
    for (std::size_t i = at + 2; i < source.size() && std::string_view("imsU").find(source[i]) != std::string_view::npos; ++i)
      if (source[i] == 'i') return true;
  return false;
}

// A search range shorter than this is searched without the prefilter: RE2 is quick there, and
// the per-line checks run hundreds of times per resolution.
constexpr std::size_t kPrefilterMinBytes = 256;

}  // namespace

// RE2's FilteredRE2 reduces a pattern to the literals ("atoms", in lower case) its matches must
// contain, as a formula of AND and OR: a text in which that formula is false cannot match. Only
// case-sensitive patterns get one: a case-insensitive RE2 also folds a few non-ASCII letters onto
// ASCII ones (the long s onto s, the Kelvin sign onto k), which an ASCII search would miss.
struct Pattern::Prefilter {
  re2::FilteredRE2 filter{3};
  std::vector<std::string> atoms;
  std::vector<bool> ascii;  // atoms with other bytes count as present (never a false "no")

  static std::shared_ptr<const Prefilter> of(std::string_view source, const RE2::Options& options) {
    if (!options.case_sensitive() || folds_case(source)) return nullptr;
    auto p = std::make_shared<Prefilter>();
    int id = 0;
    if (p->filter.Add(re2::StringPiece(source.data(), source.size()), options, &id) != RE2::NoError) return nullptr;
    p->filter.Compile(&p->atoms);
    std::vector<int> potential;
    p->filter.AllPotentials({}, &potential);
    if (!potential.empty()) return nullptr;  // some match needs no literal: no help
    for (const auto& atom : p->atoms)
      p->ascii.push_back(std::none_of(atom.begin(), atom.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    return p;
  }

  bool may_match(std::string_view text) const {
    std::vector<int> present;
    for (std::size_t i = 0; i < atoms.size(); ++i)
      if (!ascii[i] || contains_folded(text, atoms[i])) present.push_back(static_cast<int>(i));
    std::vector<int> potential;
    filter.AllPotentials(present, &potential);
    return !potential.empty();
  }
};

Pattern Pattern::compile(std::string_view source, const PatternOptions& options) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(!options.case_insensitive);
  opts.set_longest_match(options.longest_match);
  opts.set_never_capture(options.never_capture);
  opts.set_max_mem(options.max_memory);
  auto re = std::make_shared<const RE2>(re2::StringPiece(source.data(), source.size()), opts);
  if (!re->ok()) {
    std::string message = re->error();
    if (!re->error_arg().empty() && message.find(re->error_arg()) == std::string::npos)
      message += ": " + re->error_arg();
    throw std::invalid_argument(message);
  }
  Pattern p;
  p.names_ = std::make_shared<const std::map<std::string, int>>(re->NamedCapturingGroups());
  p.re_ = std::move(re);
  if (options.prefilter) {
    p.prefilter_ = Prefilter::of(source, opts);
    // Most calls test one line against a pattern that fails on its first byte: RE2's setup for
    // each call costs more than that byte's check.
    std::string low, high;
    if (p.re_->PossibleMatchRange(&low, &high, 1) && !low.empty() && !high.empty()) {
      p.first_range_ = true;
      p.first_low_ = static_cast<unsigned char>(low.front());
      p.first_high_ = static_cast<unsigned char>(high.front());
    }
    p.start_anchored_ = starts_anchored(source);
  }
  return p;
}

Pattern Pattern::any_literal(const std::vector<std::string>& literals, std::string_view prefix,
                             std::string_view suffix, const PatternOptions& options) {
  std::string source(prefix);
  source += "(?:";
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (i) source += '|';
    source += RE2::QuoteMeta(literals[i]);
  }
  source += ")";
  source += suffix;
  Pattern p = compile(source, options);
  // With no prefix, a match starts with the first byte of a literal: find() can skip to such a
  // byte instead of running RE2's automaton over every byte (a normalization pass over each file).
  const bool skippable = prefix.empty() && !options.case_insensitive && !literals.empty() &&
                         std::none_of(literals.begin(), literals.end(), [](const std::string& l) { return l.empty(); });
  if (skippable) {
    auto first = std::make_shared<std::array<bool, 256>>();
    for (const auto& l : literals) (*first)[static_cast<unsigned char>(l.front())] = true;
    p.first_bytes_ = std::move(first);
  }
  return p;
}

std::optional<Pattern::Match> Pattern::run(std::string_view text, std::size_t from, std::size_t to,
                                           bool anchored) const {
  if (!re_ || from > text.size()) return std::nullopt;
  to = std::min(to, text.size());
  if ((anchored || start_anchored_) && !may_start_at(text, from, to)) return std::nullopt;
  if (first_bytes_ && !anchored) {  // the leftmost match is the first one found where one can start
    for (std::size_t at = from; at < to; ++at)
      if ((*first_bytes_)[static_cast<unsigned char>(text[at])])
        if (auto m = run(text, at, to, true)) return m;
    return std::nullopt;
  }
  const int n = re_->NumberOfCapturingGroups() + 1;
  // Most patterns have a few groups: their spans go on the stack, not the heap (this runs
  // ~1,500 times per resolution).
  constexpr int kOnStack = 16;
  std::array<re2::StringPiece, kOnStack> on_stack;
  std::vector<re2::StringPiece> on_heap(n > kOnStack ? static_cast<std::size_t>(n) : 0);
  re2::StringPiece* pieces = n > kOnStack ? on_heap.data() : on_stack.data();
  const re2::StringPiece subject(text.data(), text.size());
  if (!re_->Match(subject, from, to, anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, pieces, n))
    return std::nullopt;
  Match m;
  if (n > 1) m.groups.resize(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    if (pieces[i].data() == nullptr) continue;
    const auto begin = static_cast<std::size_t>(pieces[i].data() - text.data());
    const Span span{begin, begin + pieces[i].size()};
    if (i == 0) m.whole = span;
    else m.groups[i] = span;
  }
  return m;
}

bool Pattern::may_match(std::string_view text, std::size_t from, std::size_t to) const {
  to = std::min(to, text.size());
  if (!prefilter_ || from > to || to - from < kPrefilterMinBytes) return true;
  return prefilter_->may_match(text.substr(from, to - from));
}

bool Pattern::test(std::string_view text, std::size_t from, std::size_t to) const {
  if (first_bytes_) return find(text, from, to).has_value();
  if (!re_ || from > text.size() || !may_match(text, from, to)) return false;
  if (start_anchored_ && !may_start_at(text, from, to)) return false;
  const re2::StringPiece subject(text.data(), text.size());
  return re_->Match(subject, from, std::min(to, text.size()), RE2::UNANCHORED, nullptr, 0);
}

bool Pattern::test_at(std::string_view text, std::size_t at) const {
  if (!re_ || at > text.size() || !may_start_at(text, at, text.size())) return false;
  const re2::StringPiece subject(text.data(), text.size());
  return re_->Match(subject, at, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

std::optional<Pattern::Match> Pattern::find(std::string_view text, std::size_t from, std::size_t to) const {
  if (!may_match(text, from, to)) return std::nullopt;
  return run(text, from, to, false);
}

std::optional<Pattern::Match> Pattern::match_at(std::string_view text, std::size_t at) const {
  return run(text, at, text.size(), true);
}

std::vector<Pattern::Match> Pattern::find_all(std::string_view text, std::size_t from, std::size_t to) const {
  std::vector<Match> out;
  to = std::min(to, text.size());
  // The rest of the range is checked again after each match: the last search of a loop, which
  // finds nothing, would otherwise run RE2 over the rest of the text (a resolution's start, once
  // found, is looked for again down to the end of the file). Looking for literals costs a tenth
  // of that or less.
  while (from <= to && may_match(text, from, to)) {
    auto m = run(text, from, to, false);
    if (!m) break;
    // An empty match would loop forever: step over one byte.
    from = m->whole.end > m->whole.begin ? m->whole.end : m->whole.end + 1;
    out.push_back(std::move(*m));
  }
  return out;
}

int Pattern::group(std::string_view name) const {
  if (!names_) return -1;
  auto it = names_->find(std::string(name));
  return it == names_->end() ? -1 : it->second;
}

std::size_t Pattern::program_size() const { return re_ ? static_cast<std::size_t>(re_->ProgramSize()) : 0; }

const std::string& Pattern::source() const {
  static const std::string empty;
  return re_ ? re_->pattern() : empty;
}

struct PatternSet::Impl {
  RE2::Set set;
  explicit Impl(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
};

PatternSet::PatternSet(const std::vector<std::string>& sources, const PatternOptions& options) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(!options.case_insensitive);
  opts.set_max_mem(options.max_memory * 4);
  auto impl = std::make_shared<Impl>(opts);
  for (const auto& source : sources) {
    std::string error;
    if (impl->set.Add(re2::StringPiece(source.data(), source.size()), &error) < 0) throw std::invalid_argument(error);
  }
  if (!impl->set.Compile()) throw std::invalid_argument("pattern set too large - compile failed");
  set_ = std::move(impl);
}

std::vector<int> PatternSet::matching(std::string_view text) const {
  std::vector<int> out;
  if (set_) set_->set.Match(re2::StringPiece(text.data(), text.size()), &out);
  std::sort(out.begin(), out.end());
  return out;
}

std::string_view group_text(std::string_view text, const Pattern::Match& match, int index) {
  if (index <= 0 || static_cast<std::size_t>(index) >= match.groups.size() || !match.groups[static_cast<std::size_t>(index)])
    return {};
  const Span s = *match.groups[static_cast<std::size_t>(index)];
  return text.substr(s.begin, s.size());
}

}  // namespace unres
