// unres report [--db FILE] --out FILE.html
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "errors.h"
#include "text.h"
#include "report.h"
#include "store/queries.h"

namespace unres::cli {

Command add_report(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", out;
    std::int64_t top = 15;
  };
  auto a = std::make_shared<Args>();
  auto* report = parent.add_subcommand(
      "report", "Write a self-contained HTML report with charts (resolutions per session, verbs, reports due, "
                "most cited resolutions, organizations)");
  report->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  report->add_option("--out", a->out, "The HTML file to write")->required();
  report->add_option("--top", a->top, "Bars in each ranking")->capture_default_str()->check(CLI::PositiveNumber);
  return {report, [a] {
            ReportData data = Queries(a->db).report_data(a->top);
            data.database = std::filesystem::path(a->db).filename().string();
            data.generated_at = utc_now("%Y-%m-%d %H:%M UTC");
            errno = 0;
            std::ofstream out(a->out, std::ios::binary);
            out << render_report(data);
            out.close();
            if (!out) {
              std::cerr << "unres: cannot write " << a->out << ": " << (errno ? std::strerror(errno) : "unknown error")
                        << "\n";
              return kExitUsage;
            }
            std::cerr << "unres: wrote " << a->out << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
