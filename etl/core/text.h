#pragma once
// Small pure helpers on UTF-8 text shared by the stages.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unres {

// Collapses runs of ASCII white space into one space and trims both ends.
std::string fold_space(std::string_view text);
std::string_view trim(std::string_view text);
std::string lower_ascii(std::string_view text);
// Lower case for the cased scripts of the UN's languages (Latin with its accented letters, Greek,
// Cyrillic) in UTF-8; caseless scripts (Arabic, Chinese) and other bytes are copied. For ASCII
// text the same as lower_ascii.
std::string fold_case(std::string_view text);
// The UTF-8 bytes of a code point (U+0000..U+10FFFF), appended to `out` or returned.
void append_utf8(std::string& out, char32_t cp);
std::string utf8_of(char32_t cp);
// Whether the text begins with a lower-case letter of those scripts ("a", "é", "д"); false for a
// capital, a digit, punctuation or a caseless script.
bool starts_lowercase(std::string_view text);

// The text as the full-text word index reads it (sql/views.sql, paragraph_search_text; the same
// list): without the Arabic marks U+064B to U+0652 (tanwin, short vowels, shadda, sukun), U+0670
// (dagger alif) and the tatweel U+0640, which unicode61 would read as word breaks.
std::string without_arabic_marks(std::string_view text);
// Bytes of the UTF-8 sequence a byte starts (1 for a stray continuation byte).
inline std::size_t utf8_size(unsigned char lead) { return lead < 0xE0 ? (lead < 0xC0 ? 1 : 2) : lead < 0xF0 ? 3 : 4; }
// The characters (code points) of UTF-8 text; a malformed sequence counts as one.
std::size_t code_points(std::string_view text);
// Whether the text holds a Han character, U+3400 to U+9FFF (sql/views.sql, paragraph_han_text).
bool has_han(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);
// 1-based line number of byte `offset`.
std::size_t line_of(std::string_view text, std::size_t offset);

// [begin, end) of each line, without the newline (and without a trailing '\r').
struct LineSpan {
  std::size_t begin, end;
};
std::vector<LineSpan> split_lines(std::string_view text, std::size_t from = 0,
                                  std::size_t to = std::string_view::npos);

// The current UTC time in a strftime format, e.g. "%Y-%m-%dT%H:%M:%SZ".
std::string utc_now(const char* format);

// A short, single-line excerpt for messages.
std::string excerpt(std::string_view text, std::size_t at, std::size_t length = 80);

}  // namespace unres
