#include "split.h"

#include <algorithm>

#include "errors.h"
#include "text.h"

namespace unres {

std::vector<DocumentSpan> split_documents(const NormalizedText& text, const RuleSet& rules) {
  const std::string_view all = text.text;
  const std::size_t body_end = std::min(text.footnotes_begin, all.size());
  // Each profile's start line opens a resolution of that profile; where two match at one place,
  // the profile listed first wins.
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // offset, profile
  for (std::size_t p = 0; p < rules.profiles.size(); ++p)
    for (const auto& m : rules.profiles[p].document.start.find_all(all, 0, body_end)) starts.push_back({m.whole.begin, p});
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               starts.end());
  if (starts.empty())
    throw InputError("split", 1, "no resolution found: no line opens a resolution (such as 'Resolution adopted by the General Assembly')",
                     excerpt(all, 0));
  std::vector<DocumentSpan> docs;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t begin = i == 0 ? 0 : starts[i].first;
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1].first : body_end;
    docs.push_back({{begin, end}, {end, end}, starts[i].second});
  }
  // Relocated footnotes are numbered per resolution; a file of that layout holds one.
  if (body_end < all.size()) docs.back().footnotes = {body_end, all.size()};
  return docs;
}

}  // namespace unres
