// unres sources [--db FILE] [--disagreements] [SYMBOL]
// The source files of each resolution (its XML, PDF, text: which one's rows it holds), or where
// they disagree (paragraph and footnote counts, title, dates ...): tab-separated, with a header
// line; a summary on stderr. docs/operations.md, "Several sources of one resolution".
#include <iostream>
#include <map>
#include <memory>

#include "commands.h"
#include "store/queries.h"
#include "tabular.h"

namespace unres::cli {

Command add_sources(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db";
    bool disagreements = false;
    std::string symbol;
  };
  auto a = std::make_shared<Args>();
  auto* sources = parent.add_subcommand(
      "sources", "List the source files of each resolution (XML, PDF, text), or where they disagree");
  sources->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  sources->add_flag("--disagreements", a->disagreements,
                    "Where another source says something else than the chosen one (counts, title, dates ...)");
  sources->add_option("symbol", a->symbol, "Only this resolution (A/RES/78/11, or 78/11), every language");
  return {sources, [a] {
            // Read-only: never waits for a running ingest, nor changes the database.
            Queries queries(a->db);
            try {
              if (a->disagreements) {
                const auto rows = queries.source_disagreements(a->symbol);
                std::cout << "symbol\tlanguage\tfield\tchosen_format\tchosen_value\tother_format\tother_value\tother_path\n";
                std::map<std::string, int> by_field;
                for (const auto& d : rows) {
                  std::cout << tsv_field(d.symbol) << "\t" << d.language << "\t" << d.field << "\t" << d.chosen_format << "\t"
                            << tsv_field(d.chosen_value) << "\t" << d.other_format << "\t" << tsv_field(d.other_value) << "\t"
                            << tsv_field(d.other_path) << "\n";
                  ++by_field[d.field];
                }
                std::cerr << "unres: " << rows.size() << " disagreement(s)";
                std::string sep = ": ";
                for (const auto& [name, n] : by_field) {
                  std::cerr << sep << name << " " << n;
                  sep = ", ";
                }
                std::cerr << "\n";
                return kExitOk;
              }
              const auto rows = queries.sources(a->symbol);
              std::cout << "symbol\tlanguage\tchosen\tformat\tpath\tmissing_since\n";
              std::map<std::pair<std::string, std::string>, int> per_resolution;
              for (const auto& s : rows) {
                std::cout << tsv_field(s.symbol) << "\t" << s.language << "\t" << (s.chosen ? "yes" : "no") << "\t" << s.format
                          << "\t" << tsv_field(s.path) << "\t" << s.missing_since << "\n";
                ++per_resolution[{s.symbol, s.language}];
              }
              std::map<int, int> by_count;  // sources -> resolutions
              for (const auto& [key, n] : per_resolution) ++by_count[n];
              std::cerr << "unres: " << per_resolution.size() << " resolution(s)";
              std::string sep = ": ";
              for (auto it = by_count.rbegin(); it != by_count.rend(); ++it) {
                std::cerr << sep << it->second << " with " << it->first << " source(s)";
                sep = ", ";
              }
              const auto disagreements = queries.source_disagreements(a->symbol).size();
              std::cerr << "; " << disagreements << " disagreement(s)"
                        << (disagreements ? " (unres sources --disagreements lists them)" : "") << "\n";
              return kExitOk;
            } catch (const QueryError& e) {
              std::cerr << "unres sources: " << e.what() << "\n";
              return kExitUsage;
            }
          }};
}

}  // namespace unres::cli
