// libFuzzer target: bytes -> unres::pdf::read (the PDF reader, poppler-cpp) -> unres::parse of the
// text it gives. Bad input must end in InputError (what the pipeline quarantines); any other
// exception, a crash, a leak, a sanitizer report in our code, an input over the time limit or over
// 512 MB is a finding. Poppler itself is not instrumented (Debian's build): its memory errors show
// only as crashes. Run: scripts/fuzz.sh pdf SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "errors.h"
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
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  unres::pdf::Limits limits;
  limits.max_pages = 50;
  limits.max_time = std::chrono::milliseconds(1000);
  try {
    const unres::pdf::Text text = unres::pdf::read(bytes, limits);
    // What the stages after it rely on: page starts in order and inside the text.
    for (std::size_t i = 0; i < text.page_starts.size(); ++i)
      if (text.page_starts[i] > text.text.size() || (i > 0 && text.page_starts[i] < text.page_starts[i - 1]))
        __builtin_trap();
    unres::SourceFile file;
    file.path = "fuzz.pdf";
    file.bytes = text.text;
    (void)unres::parse(file, rules());
  } catch (const unres::InputError&) {
    // The expected outcome for bad input: the file is quarantined.
  }
  return 0;
}
