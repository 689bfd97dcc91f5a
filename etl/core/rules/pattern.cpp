#include "rules/pattern.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>

#include <stdexcept>

namespace unres {

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

bool Pattern::test(std::string_view text, std::size_t from, std::size_t to) const {
  if (first_bytes_) return find(text, from, to).has_value();
  if (!re_ || from > text.size()) return false;
  const re2::StringPiece subject(text.data(), text.size());
  return re_->Match(subject, from, std::min(to, text.size()), RE2::UNANCHORED, nullptr, 0);
}

bool Pattern::test_at(std::string_view text, std::size_t at) const {
  if (!re_ || at > text.size()) return false;
  const re2::StringPiece subject(text.data(), text.size());
  return re_->Match(subject, at, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

std::optional<Pattern::Match> Pattern::find(std::string_view text, std::size_t from, std::size_t to) const {
  return run(text, from, to, false);
}

std::optional<Pattern::Match> Pattern::match_at(std::string_view text, std::size_t at) const {
  return run(text, at, text.size(), true);
}

std::vector<Pattern::Match> Pattern::find_all(std::string_view text, std::size_t from, std::size_t to) const {
  std::vector<Match> out;
  to = std::min(to, text.size());
  while (from <= to) {
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
