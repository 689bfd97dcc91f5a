// unres quarantine list [--db FILE]
#include <iostream>
#include <memory>

#include "commands.h"
#include "store/database.h"

namespace unres::cli {

Command add_quarantine_list(CLI::App& parent) {
  auto* quarantine = parent.add_subcommand("quarantine", "Inspect files set aside as bad input");
  quarantine->require_subcommand(1);
  auto* list = quarantine->add_subcommand("list", "List quarantined files with the reason");
  auto db = std::make_shared<std::string>("unres.db");
  list->add_option("--db", *db, "SQLite database file")->capture_default_str();
  return {list, [db] {
            Database database(*db);
            for (const auto& q : database.quarantine_rows())
              std::cout << q.path << (q.line ? ":" + std::to_string(q.line) : "") << "\t" << q.stage << "\t"
                        << q.reason << "\trun " << q.run_id << "\t" << q.recorded_at
                        << (q.excerpt.empty() ? "" : "\t" + q.excerpt) << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
