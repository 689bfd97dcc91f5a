// unres report [--db FILE] --out FILE.html
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "errors.h"
#include "report.h"
#include "store/queries.h"

namespace unres::cli {

namespace {

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

}  // namespace

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
            data.generated_at = now_utc();
            std::ofstream out(a->out, std::ios::binary);
            out << render_report(data);
            out.close();
            if (!out) {
              std::cerr << "unres: cannot write " << a->out << "\n";
              return kExitUsage;
            }
            std::cerr << "unres: wrote " << a->out << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
