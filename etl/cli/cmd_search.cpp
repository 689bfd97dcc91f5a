// unres search [--db FILE] [--limit N] QUERY
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "store/queries.h"

namespace unres::cli {

Command add_search(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", query;
    std::int64_t limit = 20;
  };
  auto a = std::make_shared<Args>();
  auto* search = parent.add_subcommand(
      "search", "Full-text search of paragraph text (FTS5 syntax: words, \"a phrase\", prefix*, NEAR(a b, 10), "
                "AND, OR, NOT)");
  search->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  search->add_option("--limit", a->limit, "Show at most this many paragraphs, best first")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  search->add_option("query", a->query, "The full-text query")->required();
  return {search, [a] {
            // Bold on a terminal; in a pipe, markers that survive without one.
            const bool tty = isatty(STDOUT_FILENO) != 0;
            const std::string open = tty ? "\033[1m" : "**", close = tty ? "\033[0m" : "**";
            Queries queries(a->db);
            SearchResult result;
            try {
              result = queries.search(a->query, open, close, a->limit);
            } catch (const QueryError& e) {
              std::cerr << "unres: " << e.what() << "\n";
              return kExitUsage;
            }
            for (const auto& hit : result.hits)
              std::cout << hit.symbol << "\t" << hit.kind << " " << hit.paragraph << "\t" << hit.snippet << "\n";
            if (result.total == 0) std::cerr << "unres: no paragraph matches " << a->query << "\n";
            else
              std::cerr << "unres: " << result.total << " paragraph(s) match"
                        << (result.total > static_cast<std::int64_t>(result.hits.size())
                                ? "; the best " + std::to_string(result.hits.size()) + " shown (--limit)"
                                : std::string())
                        << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
