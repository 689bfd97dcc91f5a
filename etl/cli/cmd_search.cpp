// unres search [--db FILE] [--limit N] [filters] [--format table|csv|json] QUERY
#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "store/queries.h"
#include "tabular.h"

namespace unres::cli {

namespace {

std::optional<std::string> number_or_null(const std::optional<std::int64_t>& n) {
  return n ? std::optional<std::string>(std::to_string(*n)) : std::nullopt;
}

std::optional<std::string> text_or_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

void write_csv(const SearchResult& result) {
  std::cout << kUtf8Bom;
  write_csv_record(std::cout, {"symbol", "language", "session", "year", "committee", "body", "kind", "paragraph", "paragraph_id",
                               "snippet"});
  for (const auto& h : result.hits)
    write_csv_record(std::cout, {h.symbol, h.language, number_or_null(h.session), number_or_null(h.year), text_or_null(h.committee),
                                 text_or_null(h.body), h.kind, h.paragraph, std::to_string(h.paragraph_id), h.snippet});
}

void write_json(const SearchResult& result, const std::string& query) {
  auto null_or = [](const auto& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
  nlohmann::ordered_json j;
  j["query"] = query;
  j["index"] = result.index;
  j["fts5_query"] = result.fts5_query;
  j["total"] = result.total;
  j["hits"] = nlohmann::ordered_json::array();
  for (const auto& h : result.hits)
    j["hits"].push_back({{"symbol", h.symbol},
                         {"language", h.language},
                         {"session", null_or(h.session)},
                         {"year", null_or(h.year)},
                         {"committee", null_or(text_or_null(h.committee))},
                         {"body", null_or(text_or_null(h.body))},
                         {"kind", h.kind},
                         {"paragraph", h.paragraph},
                         {"paragraph_id", h.paragraph_id},
                         {"snippet", h.snippet}});
  std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

Command add_search(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", query, format = "table", rules;
    std::int64_t limit = 20;
    SearchFilters filters;
  };
  auto a = std::make_shared<Args>();
  auto* search = parent.add_subcommand(
      "search", "Full-text search of paragraph text. Words are searched as words, in all their forms "
                "(self-determination, A/RES/70/1, refugee also finds refugees; accents and Arabic vowel marks "
                "aside; an Arabic word also with the particles joined to it: السلام, والسلام; a Russian word in its other cases); FTS5 syntax where it is unambiguous: \"a phrase\", prefix*, NEAR(a b, 10), AND, OR, NOT "
                "in capitals, parentheses. Chinese: the paragraphs holding every term given (和平 秘书长)");
  search->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  search->add_option("--limit", a->limit, "Show at most this many paragraphs, best first")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  search->add_option("--session", a->filters.session, "Only resolutions of this session")->check(CLI::PositiveNumber);
  search->add_option("--year", a->filters.year, "Only resolutions adopted in this year")->check(CLI::PositiveNumber);
  search->add_option("--committee", a->filters.committee,
                     "Only resolutions of this Main Committee (First .. Sixth, or part of its name; plenary: none)");
  search->add_option("--body", a->filters.body, "Only resolutions of this organ, as in resolutions.body (A: General Assembly)");
  search->add_option("--kind", a->filters.kind, "Only paragraphs of this kind")
      ->check(CLI::IsMember({"preambular", "operative", "annex"}));
  search->add_option("--language", a->filters.language,
                     "Only resolutions in this language, as in resolutions.language (en, fr, es, ar, zh, ru)");
  search->add_option("--format", a->format, "table (tab-separated, matches marked), csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json"}));
  search->add_option("--rules", a->rules,
                     "Directory of rule files whose search_words widen the words typed (default: the rules built in)");
  search->add_option("query", a->query, "What to search for")->required();
  return {search, [a] {
            // Bold on a terminal; in a pipe or a file, markers that survive without one.
            const bool tty = a->format == "table" && isatty(STDOUT_FILENO) != 0;
            const std::string open = tty ? "\033[1m" : "**", close = tty ? "\033[0m" : "**";
            Queries queries(a->db);
            // The rules' search_words: Arabic السلام is also sought as والسلام, للسلام … (mappings/vocabulary.yaml).
            const RuleSet rules = load_rules_from(a->rules);
            const WordForms forms = [&rules](std::string_view word) { return rules.vocabulary.search_forms(word); };
            SearchResult result;
            try {
              result = queries.search(a->query, open, close, a->limit, a->filters, forms);
            } catch (const QueryError& e) {
              std::cerr << "unres: " << e.what() << "\n";
              return kExitUsage;
            }
            if (a->format == "csv") write_csv(result);
            else if (a->format == "json") write_json(result, a->query);
            else
              for (const auto& hit : result.hits)
                // The language beside the symbol when it is not English: A/RES/78/11 (fr).
                std::cout << hit.symbol << (hit.language == kDefaultLanguage ? "" : " (" + hit.language + ")") << "\t"
                          << hit.kind << " " << hit.paragraph << "\t" << hit.snippet << "\n";
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
