// The unres command line: a thin layer over the unres_core library. CLI11 is used only in etl/cli/.
//
// Exit codes: 0 success; 1 finished, but some input was quarantined; 2 bad usage or bad rules
// (nothing written); 3 the database could not be opened or written; 4 internal error (a bug);
// 130 interrupted (SIGINT/SIGTERM).
#include <algorithm>
#include <iostream>

#include "commands.h"
#include "errors.h"

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A word where a subcommand is expected that is none of them: names it, with the nearest
// subcommand when one is close ("serch": did you mean search?), instead of CLI11's "A subcommand
// is required"; no word there: lists them. Returns false when the words name a command (or an
// option comes first) and CLI11 can parse the rest.
bool unknown_subcommand(CLI::App& app, int argc, char** argv) {
  CLI::App* current = &app;
  std::string path = "unres";
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const auto subcommands = current->get_subcommands([](CLI::App*) { return true; });
    if (subcommands.empty() || word.empty() || word[0] == '-') return false;
    CLI::App* next = nullptr;
    std::string nearest, names;
    std::size_t best = std::string::npos;
    for (auto* sub : subcommands) {
      if (sub->get_name() == word) next = sub;
      names += (names.empty() ? "" : ", ") + sub->get_name();
      const auto d = edit_distance(word, sub->get_name());
      if (d < best || (sub->get_name().starts_with(word) && d <= best)) best = d, nearest = sub->get_name();
    }
    if (next) {
      current = next;
      path += " " + word;
      continue;
    }
    std::cerr << "unres: '" << word << "' is not a command of " << path;
    if (best <= 2 || nearest.starts_with(word)) std::cerr << "; did you mean '" << path << " " << nearest << "'?";
    std::cerr << "\n(" << path << " commands: " << names << "; " << path << " --help)\n";
    return true;
  }
  // The words ran out where a subcommand is needed ("unres", "unres quarantine").
  const auto subcommands = current->get_subcommands([](CLI::App*) { return true; });
  if (subcommands.empty()) return false;
  std::string names;
  for (auto* sub : subcommands) names += (names.empty() ? "" : ", ") + sub->get_name();
  std::cerr << path << ": which command? " << names << " (" << path << " --help)\n";
  return true;
}

int run(int argc, char** argv) {
  using namespace unres::cli;
  CLI::App app{"unres: United Nations resolutions -> SQLite"};
  app.set_version_flag("--version", std::string("unres ") + UNRES_VERSION);
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_ingest(app), add_rules_check(app), add_quarantine_list(app), add_search(app),
                                         add_explain(app), add_export(app), add_stats(app), add_report(app),
                                         add_forget(app), add_sources(app)};
  if (unknown_subcommand(app, argc, argv)) return kExitUsage;
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
