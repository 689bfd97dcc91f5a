// unres explain [--db FILE] SYMBOL [--paragraph N] [--language CODE]
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

#include "commands.h"
#include "store/queries.h"

namespace unres::cli {

namespace {

// Prints the source text under its row, every line marked so that leading and trailing spaces and
// the line breaks of the file stay visible.
void print_source(std::string_view text) {
  while (true) {
    const auto eol = text.find('\n');
    std::cout << "    | " << text.substr(0, eol) << "\n";
    if (eol == std::string_view::npos) return;
    text.remove_prefix(eol + 1);
  }
}

}  // namespace

Command add_explain(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", symbol, language = kDefaultLanguage;
    std::optional<std::int64_t> paragraph;
  };
  auto a = std::make_shared<Args>();
  auto* explain = parent.add_subcommand(
      "explain", "List every row extracted from a resolution (or one operative paragraph) with its rule and the "
                 "source text at its offsets");
  explain->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  explain->add_option("symbol", a->symbol, "Resolution symbol, e.g. A/RES/68/272")->required();
  explain->add_option("--paragraph", a->paragraph, "Only this operative paragraph (its printed number)")
      ->check(CLI::PositiveNumber);
  explain->add_option("--language", a->language, "The resolution's language (ISO 639-1: en fr es ar zh ru)")
      ->capture_default_str();
  return {explain, [a] {
            Queries queries(a->db);
            Explanation e;
            try {
              e = queries.explain(a->symbol, a->paragraph, a->language);
            } catch (const QueryError& error) {
              std::cerr << "unres: " << error.what() << "\n";
              return kExitUsage;
            }
            std::cout << e.symbol << "\t" << e.path << "\t" << e.format << "\tbytes [" << e.start << ", " << e.end
                      << ")\t" << e.rows.size() << " row(s)\n";
            if (!e.source_problem.empty()) std::cout << "no source text: " << e.source_problem << "\n";
            for (const auto& row : e.rows) {
              std::cout << row.table << " " << row.id << "\t"
                        << (row.paragraph.empty() ? std::string("-") : "paragraph " + row.paragraph) << "\t"
                        << row.rule_id << "\t" << row.detail << "\t[" << row.start << ", " << row.end << ")\n";
              // Without the file, what the database stored for the row is all there is to show.
              if (e.source_problem.empty()) print_source(row.source);
              else if (!row.value.empty()) std::cout << "    stored: " << row.value << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace unres::cli
