// unres quarantine list [--db FILE] [--all]
#include <iostream>
#include <memory>

#include "commands.h"
#include "store/queries.h"
#include "tabular.h"

namespace unres::cli {

Command add_quarantine_list(CLI::App& parent) {
  auto* quarantine = parent.add_subcommand("quarantine", "Inspect files set aside as bad input");
  quarantine->require_subcommand(1);
  auto* list = quarantine->add_subcommand(
      "list", "List the files quarantined now, with the reason (tab-separated, with a header line)");
  struct Args {
    std::string db = "unres.db";
    bool all = false;
  };
  auto a = std::make_shared<Args>();
  list->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  list->add_flag("--all", a->all,
                 "Every quarantine record, files loaded since (fixed) or gone included, with what became of them");
  return {list, [a] {
            // Read-only: listing never waits for a running ingest, nor changes the database.
            Queries queries(a->db);
            const auto rows = queries.quarantined(a->all);
            if (rows.empty()) {
              std::cerr << "unres: " << (a->all ? "no file was ever quarantined" : "no file is quarantined")
                        << " in " << a->db << "\n";
              return kExitOk;
            }
            std::cout << "file\tstage\treason\trun\trecorded_at\t" << (a->all ? "now\t" : "") << "excerpt\n";
            for (const auto& q : rows)
              std::cout << tsv_field(q.path) << (q.line ? ":" + std::to_string(q.line) : "") << "\t" << q.stage << "\t"
                        << tsv_field(q.reason) << "\t" << q.run_id << "\t" << q.recorded_at << "\t"
                        << (a->all ? q.now + "\t" : "") << tsv_field(q.excerpt) << "\n";
            std::cerr << "unres: " << rows.size() << (a->all ? " quarantine record(s)" : " file(s) quarantined")
                      << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
