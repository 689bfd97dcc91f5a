// The AKN4UN XML format: formats/akn.h reads the file; this class hands its reading to the
// pipeline. The rendered text is both the working text (identity map) and the source text the
// store keeps, so every row's offsets cut their text out of it. Each resolution is a Part with
// the shape, metadata and linked citations the XML states; the rules then add action phrases,
// organizations, plain-text citations and deadlines as they do for text.
#include <set>

#include "formats/akn.h"
#include "formats/format.h"
#include "model/tables.h"

namespace unres {

namespace {

class AknFormat final : public Format {
 public:
  std::string_view id() const override { return "akn"; }
  bool detects(std::string_view head, const RuleSet&) const override { return akn::looks_like_akn(head); }

  Reading read(const SourceFile& file, const RuleSet&) const override {
    akn::Document doc = akn::read_akn(file.bytes);
    Reading reading;
    reading.text.format = "akn";
    reading.text.encoding = "utf-8";
    reading.text.map = OffsetMap::identity(doc.text.size());
    reading.source_text = doc.text;
    reading.text.text = std::move(doc.text);
    std::set<std::string> columns;
    for (const auto& c : resolution_metadata_columns()) columns.insert(c.name);
    for (auto& r : doc.resolutions) {
      if (reading.language.empty()) reading.language = r.meta["language"];
      Reading::Part part;
      part.span.text = r.span;
      part.span.footnotes = {r.span.end, r.span.end};  // the footnotes are inside the resolution's span
      // Only what resolutions has a column for: a multi-part file's `part` letter is already the
      // end of the symbol ("A/RES/75/101 B").
      for (auto& [column, value] : r.meta)
        if (columns.count(column)) part.facts.metadata.emplace(column, std::move(value));
      const std::string_view text = reading.text.text;
      for (auto& link : r.citations) {
        CitationRecord c;
        c.paragraph = link.paragraph;
        c.footnote = link.footnote;
        c.kind = linked_citation_kind(link.target);
        c.target = std::move(link.target);
        c.surface = std::string(text.substr(link.span.begin, link.span.size()));
        c.rule_id = "akn.link";
        c.span = link.span;
        part.facts.citations.push_back(std::move(c));
      }
      part.facts.leads = std::move(r.leads);
      part.segments = std::move(r.segments);
      reading.parts.push_back(std::move(part));
    }
    return reading;
  }
};

}  // namespace

std::unique_ptr<Format> make_akn_format() { return std::make_unique<AknFormat>(); }

}  // namespace unres
