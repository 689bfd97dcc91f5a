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

namespace {

// The lower-case code point of `cp` (itself when it has none), for Latin-1, Latin Extended-A,
// Greek and Cyrillic capitals.
char32_t lower_of(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    if (cp == 0x178) return 0xFF;
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == (odd_capitals ? 1u : 0u)) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  return cp;
}

bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x100 && cp <= 0x17F && lower_of(cp) == cp && cp != 0x130) || (cp >= 0x3AC && cp <= 0x3CE) ||
         (cp >= 0x430 && cp <= 0x45F);
}

// Decodes the code point at `at` (valid UTF-8 of at most 3 bytes; other sequences are returned
// as 0 with their length) and its length in bytes.
char32_t decode(std::string_view text, std::size_t at, std::size_t& length) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return length = 1, c;
  if ((c & 0xE0) == 0xC0 && at + 1 < text.size()) return length = 2, ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  if ((c & 0xF0) == 0xE0 && at + 2 < text.size())
    return length = 3, ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
  length = (c & 0xF8) == 0xF0 ? std::min<std::size_t>(4, text.size() - at) : 1;
  return 0;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf8_of(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t length = 1;
    const char32_t cp = decode(text, i, length);
    const char32_t lower = cp ? lower_of(cp) : 0;
    if (cp && lower != cp) out += utf8_of(lower);
    else out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string without_arabic_marks(std::string_view text) {
  // All of them are two-byte sequences D9 80 .. D9 B0: the runs between them are copied whole
  // (most paragraphs hold none, and are copied at once).
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (auto at = text.find('\xD9'); at != std::string_view::npos && at + 1 < text.size(); at = text.find('\xD9', at + 1)) {
    const char32_t cp = 0x640 | (static_cast<unsigned char>(text[at + 1]) & 0x3F);
    if ((cp >= 0x64B && cp <= 0x652) || cp == 0x670 || cp == 0x640) {
      out.append(text, from, at - from);
      from = at + 2;
    }
  }
  out.append(text, from);
  return out;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); i += utf8_size(static_cast<unsigned char>(text[i]))) ++n;
  return n;
}

bool has_han(std::string_view text) {
  // U+3400 .. U+9FFF are the three-byte sequences E3 90 80 .. E9 BF BF.
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xE3 && lead <= 0xE9 && (lead > 0xE3 || static_cast<unsigned char>(text[i + 1]) >= 0x90)) return true;
  }
  return false;
}

bool starts_lowercase(std::string_view text) {
  if (text.empty()) return false;
  std::size_t length = 1;
  return is_lower(decode(text, 0, length));
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
