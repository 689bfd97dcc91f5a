#include "formats/format.h"

#include "errors.h"
#include "formats/pdf.h"
#include "text.h"

namespace unres {

std::string linked_citation_kind(std::string_view target) {
  const auto starts = [&](std::string_view prefix) { return target.starts_with(prefix); };
  if (starts("A/HRC/RES/")) return "hrc_resolution";
  if (starts("A/RES/")) return "ga_resolution";
  if (starts("S/RES/")) return "sc_resolution";
  if (starts("E/RES/")) return "ecosoc_resolution";
  if (starts("S/PRST/")) return "presidential_statement";
  if (starts("A/DEC/") || starts("A/HRC/DEC/") || starts("E/DEC/")) return "decision";
  return "document";
}

void FormatRegistry::add(std::unique_ptr<Format> format) { formats_.push_back(std::move(format)); }

const Format& FormatRegistry::detect(const SourceFile& file, const RuleSet& rules) const {
  const std::string_view head = std::string_view(file.bytes).substr(0, rules.detect_window);
  for (const auto& format : formats_)
    if (format->detects(head, rules)) return *format;
  throw InputError("read", 1, "not a kind of file unres reads (no format recognizes its beginning)", excerpt(head, 0));
}

const FormatRegistry& FormatRegistry::builtin() {
  static const FormatRegistry registry = [] {
    FormatRegistry r;
    r.add(make_pdf_format());
    r.add(make_akn_format());
    r.add(make_records_format());  // JSON naming a "symbol": no text format would take it
    // Text comes last: it takes any file the formats before it do not claim, and says what is
    // wrong with one that is not text.
    r.add(make_text_format());
    return r;
  }();
  return registry;
}

}  // namespace unres
