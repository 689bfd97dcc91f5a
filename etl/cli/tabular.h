#pragma once
// CSV as unres writes it (export, search --format csv), and tab-separated fields: RFC 4180, CRLF line ends, UTF-8 with a
// byte-order mark unless asked not to (Excel reads UTF-8 without one as the local code page).
// NULL and the empty string differ: NULL is an empty field, the empty string a quoted one ("").
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace unres::cli {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// A field holding a comma, a quote or a line break is quoted, its quotes doubled; the empty
// string is "" so that it reads back apart from NULL.
inline std::string csv_text(const std::string& s) {
  if (!s.empty() && s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A field of a tab-separated list (quarantine list, sources): its tabs and line breaks would end
// the field or the line, and become spaces.
inline std::string tsv_field(std::string s) {
  for (auto& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// One record; a field that is nullopt is NULL (written as nothing at all).
inline void write_csv_record(std::ostream& out, const std::vector<std::optional<std::string>>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << (fields[i] ? csv_text(*fields[i]) : "");
  out << "\r\n";
}

}  // namespace unres::cli
