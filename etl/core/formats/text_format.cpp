// The rule-driven text layouts (mappings/structure.yaml `layouts:`): the file is its own source
// text; normalize() rebuilds one paragraph per line and detects the layout, whose id it records.
#include "formats/format.h"
#include "normalize.h"

namespace unres {

namespace {

class TextFormat final : public Format {
 public:
  std::string_view id() const override { return "text"; }
  bool detects(std::string_view, const RuleSet&) const override { return true; }
  Reading read(const SourceFile& file, const RuleSet& rules) const override {
    Reading reading;
    reading.text = normalize(file, rules);
    return reading;
  }
};

}  // namespace

std::unique_ptr<Format> make_text_format() { return std::make_unique<TextFormat>(); }

}  // namespace unres
