// libFuzzer target: bytes -> unres::parse through the PDF format (the reader, poppler-cpp, then the
// stages on the text it gives). Bad input must end in InputError (what the pipeline quarantines); any other
// exception, a crash, a leak, a sanitizer report in our code, an input over the time limit or over
// 512 MB is a finding. Poppler itself is not instrumented (Debian's build): its memory errors show
// only as crashes. Run: scripts/fuzz.sh pdf SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "errors.h"
#include "formats/format.h"
#include "formats/pdf.h"
#include "pipeline.h"
#include "rules/loader.h"

namespace {

const unres::RuleSet& rules() {
  static const unres::RuleSet loaded = unres::load_rules(unres::default_rule_sources());
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)rules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The PDF format alone, with tighter limits: what `unres ingest` does with a file starting %PDF-.
  static const unres::FormatRegistry formats = [] {
    unres::pdf::Limits limits;
    limits.max_pages = 50;
    limits.max_time = std::chrono::milliseconds(1000);
    unres::FormatRegistry r;
    r.add(unres::make_pdf_format(limits));
    return r;
  }();
  unres::SourceFile file;
  file.path = "fuzz.pdf";
  file.bytes.assign(reinterpret_cast<const char*>(data), size);
  try {
    const unres::Document doc = unres::parse(file, rules(), nullptr, formats);
    // What the store relies on: every paragraph has a page and its span lies in the source text.
    for (const auto& r : doc.resolutions)
      for (const auto& p : r.paragraphs)
        if (!p.page || *p.page < 1 || p.span.end > doc.source_text.size() || p.span.begin > p.span.end)
          __builtin_trap();
  } catch (const unres::InputError&) {
    // The expected outcome for bad input: the file is quarantined.
  }
  return 0;
}
