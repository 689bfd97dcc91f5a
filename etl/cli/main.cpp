// The unres command line: a thin layer over the unres_core library. CLI11 is used only in etl/cli/.
//
// Exit codes: 0 success; 1 finished, but some input was quarantined; 2 bad usage or bad rules
// (nothing written); 3 the database could not be opened or written; 4 internal error (a bug);
// 130 interrupted (SIGINT/SIGTERM).
#include <iostream>

#include "commands.h"
#include "errors.h"

namespace {

int run(int argc, char** argv) {
  using namespace unres::cli;
  CLI::App app{"unres: United Nations resolutions -> SQLite"};
  app.set_version_flag("--version", std::string("unres ") + UNRES_VERSION);
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_ingest(app), add_rules_check(app), add_quarantine_list(app), add_search(app),
                                         add_explain(app), add_export(app), add_stats(app), add_report(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace unres::cli;
  try {
    return run(argc, argv);
  } catch (const unres::RulesError& e) {
    std::cerr << e.what();
    return kExitUsage;
  } catch (const unres::DatabaseError& e) {
    std::cerr << "unres: database error: " << e.what() << "\n";
    return kExitDatabase;
  } catch (const std::exception& e) {
    std::cerr << "unres: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
