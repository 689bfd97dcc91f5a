#include "rules/literals.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

namespace unres {

namespace {

// [0-9A-Za-z_], by byte: one load per byte of the text scanned.
constexpr std::array<bool, 256> kWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();

bool is_word(char c) { return kWord[static_cast<unsigned char>(c)]; }

// The end of the word at `at`, and a hash of it (FNV-1a, folded to the filter's 16 bits).
std::size_t word_end(std::string_view text, std::size_t at, std::uint32_t& hash) {
  std::uint32_t h = 2166136261u;
  while (at < text.size() && is_word(text[at])) h = (h ^ static_cast<unsigned char>(text[at++])) * 16777619u;
  hash = (h ^ (h >> 16)) & 0xFFFF;
  return at;
}

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& literals) {
  for (const auto& literal : literals) {
    if (literal.empty() || !is_word(literal.front()))
      throw std::invalid_argument("'" + literal + "' does not begin with a letter, digit or underscore");
    std::uint32_t hash = 0;
    const std::string first = literal.substr(0, word_end(literal, 0, hash));
    first_words_.set(hash);
    by_first_word_[first].push_back(literal);
  }
  for (auto& [word, list] : by_first_word_) {
    std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

std::vector<Span> LiteralSet::find_all(std::string_view text, std::size_t from, std::size_t to) const {
  std::vector<Span> out;
  to = std::min(to, text.size());
  std::size_t at = from;
  while (at < to) {
    // A match starts where a word starts (\b before a word character).
    if (!is_word(text[at]) || (at > 0 && is_word(text[at - 1]))) {
      ++at;
      continue;
    }
    std::uint32_t hash = 0;
    const std::size_t first_end = word_end(text, at, hash);
    const std::string_view first = text.substr(at, first_end - at);
    std::size_t next = first_end;  // no match here: the next start is past this word
    if (!first_words_.test(hash)) {
      at = next;
      continue;
    }
    const auto it = by_first_word_.find(first);
    if (it != by_first_word_.end())
      for (const auto& literal : it->second) {
        const std::size_t end = at + literal.size();
        if (end > to || text.compare(at, literal.size(), literal) != 0) continue;
        if (is_word(literal.back()) == (end < text.size() && is_word(text[end]))) continue;  // no \b after it
        out.push_back({at, end});
        next = end;
        break;
      }
    at = next;
  }
  return out;
}

}  // namespace unres
