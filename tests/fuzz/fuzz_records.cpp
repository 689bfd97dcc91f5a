// libFuzzer target: bytes -> unres::read_records (the UN's published records, JSON lines) with the
// default rules (the Member States gazetteer), loaded once. Bad input must end in InputError (the
// file is quarantined) or in warnings; any other exception, a crash, a leak, a sanitizer report, an
// input over 1 s (-timeout=1) or over 512 MB (-rss_limit_mb=512) is a finding.
// Run: scripts/fuzz.sh records SECONDS.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "errors.h"
#include "formats/records.h"
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
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)unres::looks_like_records(bytes.substr(0, rules().detect_window));
  try {
    const unres::RecordsFile file = unres::read_records(bytes, rules());
    // What the store relies on: one record per symbol, each with a symbol; votes named; SDGs goals.
    std::set<std::string> symbols;
    for (const auto& r : file.records) {
      if (r.symbol.empty() || !symbols.insert(r.symbol).second) __builtin_trap();
      for (const auto& v : r.votes)
        if (v.member_state.empty()) __builtin_trap();
      for (const auto& s : r.sponsors)
        if (s.member_state.empty() || (s.kind != "sponsor" && s.kind != "additional")) __builtin_trap();
      for (const auto& goal : r.sdgs)
        if (goal.empty() || goal.size() > 2) __builtin_trap();
    }
    if (file.warnings.size() > 201) __builtin_trap();  // bounded: 200 and a count of the rest
  } catch (const unres::InputError&) {
    // The expected outcome for a file with no readable record: it is quarantined.
  }
  return 0;
}
