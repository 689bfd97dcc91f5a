#include "pipeline.h"

#include <algorithm>
#include <ostream>

#include "normalize.h"
#include "segment.h"
#include "split.h"

namespace unres {

namespace {

// Files under the inputs, each directory's files in sorted order so that runs are reproducible.
// Paths that cannot be listed are returned too: reading them fails and quarantines them.
std::vector<std::filesystem::path> list_inputs(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> out;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      out.push_back(input);
      continue;
    }
    std::vector<std::filesystem::path> found;
    const auto options = std::filesystem::directory_options::skip_permission_denied;
    for (auto it = std::filesystem::recursive_directory_iterator(input, options, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_directory(ec)) found.push_back(it->path());
    }
    if (ec) found.push_back(input);  // reported when read
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace

ParsedFile parse(const SourceFile& file, const RuleSet& rules) {
  const NormalizedText text = normalize(file, rules);
  ParsedFile parsed{text.format, {}};
  for (const auto& doc : split_documents(text, rules)) {
    const Segments segments = segment(text, doc, rules);
    parsed.resolutions.push_back(extract(text, doc, segments, rules));
  }
  return parsed;
}

IngestResult ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log) {
  Database db(options.database);
  db.sync_organizations(rules.organizations);
  IngestResult result;
  result.run_id = db.begin_run(rules.hash);
  for (const auto& path : list_inputs(options.inputs)) {
    ++result.counts.seen;
    std::string hash;
    std::int64_t size = 0;
    try {
      const SourceFile file = read_source(path, options.max_file_size);
      hash = file.content_hash;
      size = static_cast<std::int64_t>(file.bytes.size());
      const ParsedFile parsed = parse(file, rules);
      db.load_document(file, parsed.format, parsed.resolutions, rules.hash);
      ++result.counts.loaded;
      result.counts.resolutions += static_cast<std::int64_t>(parsed.resolutions.size());
      if (options.verbose) log << "unres: loaded " << file.path << " (" << parsed.format << ", "
                               << parsed.resolutions.size() << " resolution(s))\n";
    } catch (const InputError& e) {
      ++result.counts.quarantined;
      const std::string where = path.lexically_normal().string();
      log << "unres: quarantined " << where << (e.line() ? ":" + std::to_string(e.line()) : "") << ": " << e.stage()
          << ": " << e.what() << "\n";
      db.quarantine(result.run_id, where, hash, size, e);
    }
  }
  db.finish_run(result.run_id, result.counts,
                result.counts.quarantined ? "completed_with_quarantine" : "completed");
  return result;
}

}  // namespace unres
