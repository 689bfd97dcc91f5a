// akn_dump FILE...: what the AKN reader makes of each file, as one JSON object per line (file,
// resolutions with metadata, paragraphs, footnotes, marks, citations; or error). Used by
// tests/unit/akn_measure.py to compare the reader with the gold of ../shared; not a test itself.
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "errors.h"
#include "formats/akn.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    nlohmann::json out = {{"file", argv[i]}};
    try {
      const auto doc = unres::akn::read_akn(bytes);
      const auto cut = [&](unres::Span s) { return doc.text.substr(s.begin, s.end - s.begin); };
      for (const auto& r : doc.resolutions) {
        nlohmann::json jr = {{"meta", r.meta}};
        for (std::size_t p = 0; p < r.segments.paragraphs.size(); ++p) {
          const auto& seg = r.segments.paragraphs[p];
          jr["paragraphs"].push_back({{"kind", seg.kind}, {"number", seg.number}, {"parent", seg.parent},
                                      {"ordinal", seg.ordinal}, {"text", cut(seg.body)}, {"lead", cut(r.leads[p])}});
        }
        for (const auto& f : r.segments.footnotes) jr["footnotes"].push_back({{"number", f.number}, {"text", cut(f.body)}});
        for (const auto& m : r.segments.marks)
          jr["marks"].push_back({{"paragraph", m.paragraph}, {"footnote", r.segments.footnotes[m.footnote].number}});
        for (const auto& c : r.citations)
          jr["citations"].push_back({{"paragraph", c.paragraph}, {"footnote", c.footnote}, {"target", c.target}});
        out["resolutions"].push_back(jr);
      }
      out["text_bytes"] = doc.text.size();
    } catch (const unres::InputError& e) {
      out["error"] = e.what();
    }
    std::cout << out.dump() << "\n";
  }
  return 0;
}
