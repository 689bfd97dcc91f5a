#include "rules/member_states.h"

#include <cstdint>

#include "text.h"

namespace unres {

namespace {

// Decodes the UTF-8 sequence at `at`; an invalid byte decodes as U+FFFD and advances one byte.
char32_t next_code_point(std::string_view s, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b = byte(at);
  std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > s.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? b : (b & (0x7F >> length));
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(at + i) & 0x3F);
  }
  at += length;
  return cp;
}

// The base letters of U+00C0..U+00FF and U+0100..U+017F ('_': not a letter; '2': a two-letter base
// looked up in kTwoLetters).
constexpr std::string_view kLatin1 = "aaaaaa2ceeeeiiiidnooooo_ouuuuy22aaaaaa2ceeeeiiiidnooooo_ouuuuy2y";
constexpr std::string_view kLatinA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkklllllllllln"
    "nnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
std::string_view two_letters(char32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return "";
  }
}

// What a code point adds to a key: appended to `out`; a word break sets `space`.
void fold(char32_t cp, std::string& out, bool& space) {
  const auto letters = [&](std::string_view text) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += text;
  };
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') letters(std::string(1, static_cast<char>(c - 'A' + 'a')));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letters(std::string(1, c));
    else space = true;
    return;
  }
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char base = cp <= 0xFF ? kLatin1[cp - 0xC0] : kLatinA[cp - 0x100];
    if (base == '_') space = true;
    else if (base == '2') letters(two_letters(cp));
    else letters(std::string(1, base));
    return;
  }
  if (cp == 0x218 || cp == 0x219) return letters("s");  // Ș ș
  if (cp == 0x21A || cp == 0x21B) return letters("t");  // Ț ț
  // Combining marks, Arabic vowel marks and tatweel: part of the letter before, dropped.
  if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || cp == 0x640) return;
  // Punctuation and spaces: Latin-1, general punctuation (curly quotes, dashes), Arabic, CJK, full width.
  if ((cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x60C || cp == 0x61B || cp == 0x61F ||
      (cp >= 0x66A && cp <= 0x66D) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
      (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0xFFFD) {
    space = true;
    return;
  }
  std::string text;
  if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;       // Cyrillic capitals
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  if (cp == 0x451) cp = 0x435;                      // ё is often written е
  append_utf8(text, cp);
  letters(text);
}

}  // namespace

std::string member_state_key(std::string_view name) {
  std::string out;
  bool space = false;
  for (std::size_t at = 0; at < name.size();) fold(next_code_point(name, at), out, space);
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

const MemberState* MemberStates::find(std::string_view published) const {
  const auto it = entry_of_key.find(member_state_key(published));
  return it == entry_of_key.end() ? nullptr : &entries[it->second];
}

bool MemberStates::is_not_state(std::string_view published) const {
  const std::string key = member_state_key(published);
  for (const auto& prefix : not_state_prefixes)
    if (key.rfind(prefix, 0) == 0 && (key.size() == prefix.size() || key[prefix.size()] == ' ')) return true;
  return false;
}

}  // namespace unres
