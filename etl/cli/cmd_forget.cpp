// unres forget [--db FILE] [--missing] [PATH...]
// Removes what the database holds of files: their rows, their document record and their
// quarantine rows. The only way rows of a file leave the database other than reloading it: an
// ingest keeps the rows of a file it does not find (marked missing), so that an absent mount
// never loses data.
#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "commands.h"
#include "pipeline.h"
#include "store/database.h"
#include "store/run_log.h"
#include "store/writer.h"
#include "store/lock.h"

namespace unres::cli {

namespace {

// Whether `path` is `root` or lies under the directory `root`.
bool at_or_under(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root.back() == '/' || path[root.size()] == '/'));
}

}  // namespace

Command add_forget(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db";
    bool missing = false, wait = false;
    std::vector<std::string> paths;
  };
  auto a = std::make_shared<Args>();
  auto* forget = parent.add_subcommand(
      "forget", "Remove the rows of files (or of every file under a directory) from the database");
  forget->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  forget->add_flag("--missing", a->missing, "Every file a run marked missing (documents.missing_since)");
  forget->add_flag("--wait", a->wait, "Wait for an ingest on the same database instead of failing");
  forget->add_option("paths", a->paths, "Files or directories, as stored or as given to unres ingest");
  return {forget, [a] {
            if (a->paths.empty() && !a->missing) {
              std::cerr << "unres forget: name PATH... or --missing\n";
              return kExitUsage;
            }
            const WriterLock lock(a->db, a->wait);
            Database db(a->db);
            const auto known = known_documents(db);
            // Every path first, so that a typo forgets nothing (exit 2).
            std::set<std::string> chosen;
            for (const auto& given : a->paths) {
              // As stored now (absolute, links resolved) or as an older unres stored it (as typed).
              const std::string stored = stored_path(given).string();
              bool found = false;
              for (const auto& [path, k] : known)
                if (at_or_under(path, stored) || path == given) { chosen.insert(path); found = true; }
              if (!found) {
                std::cerr << "unres forget: " << given << ": the database holds no such file (nothing forgotten)\n";
                return kExitUsage;
              }
            }
            if (a->missing)
              for (const auto& [path, k] : known)
                if (k.missing) chosen.insert(path);
            {
              Batch batch(db);
              for (const auto& path : chosen)
                if (forget_file(db, path)) std::cerr << "unres: forgot " << path << "\n";
              batch.commit();
            }
            std::cerr << "unres: " << chosen.size() << " file(s) forgotten\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
