// libFuzzer target: bytes -> unres::akn::read_akn (the AKN4UN XML reader). Bad input must end in
// InputError; any other exception, a crash, a leak, a sanitizer report, an input over 1 s or over
// 512 MB is a finding. Checks what the loader relies on: every span inside the rendered text,
// parents before children, marks and citations pointing at existing rows. Run: scripts/fuzz.sh akn SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "errors.h"
#include "formats/akn.h"

namespace {

bool inside(const unres::Span& s, std::size_t size) { return s.begin <= s.end && s.end <= size; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto doc = unres::akn::read_akn(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::size_t n = doc.text.size();
    for (const auto& r : doc.resolutions) {
      if (!r.meta.count("language") || !inside(r.span, n) || !inside(r.segments.header, n)) __builtin_trap();
      const auto& ps = r.segments.paragraphs;
      if (r.leads.size() != ps.size() || r.embedded.size() != ps.size()) __builtin_trap();
      for (std::size_t i = 0; i < ps.size(); ++i) {
        if (!inside(ps[i].line, n) || !inside(ps[i].body, n) || ps[i].body.size() == 0) __builtin_trap();
        if (ps[i].body.begin < ps[i].line.begin || ps[i].body.end > ps[i].line.end) __builtin_trap();
        if (ps[i].parent >= static_cast<int>(i) || !inside(r.leads[i], n)) __builtin_trap();
      }
      for (const auto& f : r.segments.footnotes)
        if (!inside(f.body, n) || !inside(f.line, n)) __builtin_trap();
      for (const auto& m : r.segments.marks)
        if (m.paragraph >= ps.size() || m.footnote >= r.segments.footnotes.size() || !inside(m.span, n))
          __builtin_trap();
      for (const auto& c : r.citations)
        if ((c.paragraph >= 0) == (c.footnote >= 0) || c.paragraph >= static_cast<int>(ps.size()) ||
            c.footnote >= static_cast<int>(r.segments.footnotes.size()) || !inside(c.span, n) || c.target.empty())
          __builtin_trap();
    }
  } catch (const unres::InputError&) {
    // The expected outcome for bad input: the file is quarantined.
  }
  return 0;
}
