#include "split.h"

#include "errors.h"
#include "text.h"

namespace unres {

std::vector<DocumentSpan> split_documents(const NormalizedText& text, const RuleSet& rules) {
  const std::string_view all = text.text;
  const std::size_t body_end = std::min(text.footnotes_begin, all.size());
  std::vector<std::size_t> starts;
  for (const auto& m : rules.document.start.find_all(all, 0, body_end)) starts.push_back(m.whole.begin);
  if (starts.empty())
    throw InputError("split", 1, "no resolution found: no line opens a resolution (such as 'Resolution adopted by the General Assembly')",
                     excerpt(all, 0));
  std::vector<DocumentSpan> docs;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t begin = i == 0 ? 0 : starts[i];
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : body_end;
    docs.push_back({{begin, end}, {end, end}});
  }
  // Relocated footnotes are numbered per resolution; a file of that layout holds one.
  if (body_end < all.size()) docs.back().footnotes = {body_end, all.size()};
  return docs;
}

}  // namespace unres
