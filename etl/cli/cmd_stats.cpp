// unres stats [--db FILE] [--top N]
#include <iomanip>
#include <iostream>
#include <memory>

#include "commands.h"
#include "store/queries.h"

namespace unres::cli {

namespace {

void print_bars(const std::string& title, const std::vector<Bar>& bars) {
  std::cout << title << "\n";
  if (bars.empty()) std::cout << "  (none)\n";
  for (const auto& b : bars)
    std::cout << "  " << std::left << std::setw(32) << b.label << std::right << std::setw(8) << b.value
              << (b.note.empty() ? "" : "  (" + b.note + ")") << "\n";
}

}  // namespace

Command add_stats(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db";
    std::int64_t top = 10;
  };
  auto a = std::make_shared<Args>();
  auto* stats = parent.add_subcommand("stats", "Rows per table, top lemmas, most cited resolutions, last runs");
  stats->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  stats->add_option("--top", a->top, "Length of the rankings and of the list of runs")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  return {stats, [a] {
            Queries queries(a->db);
            const Stats s = queries.stats(a->top);
            print_bars("rows per table", s.tables);
            print_bars("\ntop lemmas (action phrases)", s.lemmas);
            print_bars("\nmost cited resolutions (citing resolutions)", s.cited);
            std::cout << "\nlast runs\n";
            if (s.runs.empty()) std::cout << "  (none)\n";
            for (const auto& r : s.runs)
              std::cout << "  run " << r.id << "  " << r.started_at << " .. "
                        << (r.finished_at.empty() ? "?" : r.finished_at) << "  " << r.status << "  " << r.seen
                        << " seen, " << r.loaded << " loaded, " << r.skipped << " skipped, " << r.quarantined
                        << " quarantined, " << r.resolutions << " resolution(s)\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
