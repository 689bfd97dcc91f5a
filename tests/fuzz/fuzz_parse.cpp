// libFuzzer target: bytes -> unres::parse (normalize, split, segment, extract) with the default
// rules, loaded once. Bad input must end in InputError (what the pipeline quarantines); any other
// exception, a crash, a leak, a sanitizer report, an input over 1 s (-timeout=1) or over 512 MB
// (-rss_limit_mb=512) is a finding. Run: scripts/fuzz.sh parse SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "errors.h"
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
  unres::SourceFile file;
  file.path = "fuzz.txt";
  file.bytes.assign(reinterpret_cast<const char*>(data), size);
  file.stamp.size = static_cast<std::int64_t>(size);
  try {
    const unres::Document parsed = unres::parse(file, rules());
    // What the loader relies on: every resolution has a symbol and offsets inside the file.
    for (const auto& r : parsed.resolutions) {
      if (!r.meta.count("symbol")) __builtin_trap();
      if (r.span.begin > r.span.end || r.span.end > size) __builtin_trap();
      for (const auto& p : r.paragraphs)
        if (p.span.begin > p.span.end || p.span.end > size ||
            (p.parent >= 0 && static_cast<std::size_t>(p.parent) >= r.paragraphs.size()))
          __builtin_trap();
      for (const auto& c : r.citations)
        if (c.span.begin > c.span.end || c.span.end > size) __builtin_trap();
    }
  } catch (const unres::InputError&) {
    // The expected outcome for bad input: the file is quarantined.
  }
  return 0;
}
