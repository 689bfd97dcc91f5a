#include "text.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <ctime>

namespace unres {

namespace {
// ASCII white space, by byte: one load per byte in the loops below, which run over every paragraph.
constexpr std::array<bool, 256> kSpace = [] {
  std::array<bool, 256> t{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
  return t;
}();
bool is_space(char c) { return kSpace[static_cast<unsigned char>(c)]; }
}  // namespace

std::string fold_space(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  // This runs over every paragraph, footnote and match, where words are mostly apart by one
  // plain space already: text is copied in runs that end only where white space must change.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_space(text[i]) || (text[i] == ' ' && !is_space(text[i + 1]))) continue;  // trimmed: i + 1 exists
    out.append(text.data() + run, i - run);
    out += ' ';
    while (is_space(text[i + 1])) ++i;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    std::uint64_t eight;  // ASCII, the bulk of every file, eight bytes at a time
    if (i + 8 <= text.size() && (std::memcpy(&eight, text.data() + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    const unsigned char c = byte(i);
    std::size_t need = 0;
    unsigned int min = 0, cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { need = 3; cp = c & 0x07; min = 0x10000; }
    else return i;
    if (i + need >= text.size()) return i;  // truncated sequence
    for (std::size_t k = 1; k <= need; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += need + 1;
  }
  return std::nullopt;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::vector<LineSpan> split_lines(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<LineSpan> lines;
  to = std::min(to, text.size());
  std::size_t begin = from;
  while (begin < to) {
    std::size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos || nl > to) nl = to;
    std::size_t end = nl;
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back({begin, end});
    begin = nl + 1;
  }
  return lines;
}

std::string utc_now(const char* format) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  return std::string(buf, std::strftime(buf, sizeof buf, format, &tm));
}

std::string excerpt(std::string_view text, std::size_t at, std::size_t length) {
  at = std::min(at, text.size());
  std::string out = fold_space(text.substr(at, length));
  // Never cut a UTF-8 sequence in half.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
  return out;
}

}  // namespace unres
