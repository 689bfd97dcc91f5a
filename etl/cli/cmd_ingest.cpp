// unres ingest [--db FILE] [--rules DIR] [options] PATH...
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "progress_log.h"
#include "pipeline.h"

namespace unres::cli {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int) { g_cancel.store(true); }

// SIGINT/SIGTERM ask the run to stop after the current batch (see pipeline.h); restored on exit.
class SignalGuard {
 public:
  SignalGuard() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~SignalGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

void write_report(const std::string& path, const IngestResult& r, const std::string& rules_hash) {
  nlohmann::ordered_json j;
  j["run_id"] = r.run_id;
  j["status"] = r.status;
  j["seconds"] = r.seconds;
  j["files"] = {{"seen", r.counts.seen},
                {"loaded", r.counts.loaded},
                {"skipped", r.counts.skipped},
                {"quarantined", r.counts.quarantined}};
  j["resolutions_loaded"] = r.counts.resolutions;
  j["stale_files"] = r.stale;
  j["records_loaded"] = r.published_records;
  j["warnings"] = r.warnings;
  nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
  for (const auto& [name, files] : r.unknown_states) unknown.push_back({{"name", name}, {"files", files}});
  j["unknown_member_states"] = unknown;
  j["rows"] = r.rows;
  j["stage_seconds"] = {{"read", r.times.read},
                        {"normalize", r.times.normalize},
                        {"segment", r.times.segment},
                        {"extract", r.times.extract},
                        {"load", r.times.load},
                        {"index", r.times.index}};
  j["rules_hash"] = rules_hash;
  j["tool_version"] = UNRES_VERSION;
  std::ofstream out(path);
  out << j.dump(2) << "\n";
  if (!out) throw std::runtime_error("cannot write report " + path);
}

}  // namespace

Command add_ingest(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", rules, report, progress = "auto";
    std::vector<std::string> paths;
    IngestOptions options;
  };
  auto a = std::make_shared<Args>();
  auto* ingest = parent.add_subcommand("ingest", "Load resolution files (or directories, recursively) into the database");
  ingest->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  ingest->add_option("--rules", a->rules, "Directory of rule files (default: the rules built in)");
  ingest->add_option("--max-file-size", a->options.max_file_size, "Larger files are quarantined (bytes)")
      ->capture_default_str();
  ingest->add_option("-j,--jobs", a->options.jobs, "Parser threads (default: the machine's cores)");
  ingest->add_option("--batch-size", a->options.batch_size, "Documents per transaction")->capture_default_str()
      ->check(CLI::PositiveNumber);
  ingest->add_flag("--force", a->options.force, "Re-process unchanged files too");
  ingest->add_flag("--retry-quarantined", a->options.retry_quarantined, "Re-process quarantined files (after a rules fix)");
  ingest->add_flag("--wait", a->options.wait_for_lock, "Wait for another ingest on the same database instead of failing");
  ingest->add_flag("--allow-foreign-db", a->options.allow_foreign_db,
                   "Add unres's tables to a database that holds another application's (refused otherwise)");
  ingest->add_option("--report", a->report, "Write the run's record as JSON to this file");
  ingest->add_option("--progress", a->progress, "Live progress line on stderr")
      ->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
  ingest->add_flag("-v,--verbose", a->options.verbose, "Log every file, loaded or skipped");
  ingest->add_option("paths", a->paths, "Files or directories")->required();
  return {ingest, [a] {
            const RuleSet ruleset = load_rules_from(a->rules);
            a->options.database = a->db;
            for (const auto& p : a->paths) a->options.inputs.emplace_back(p);
            const bool progress = a->progress == "always" || (a->progress == "auto" && ::isatty(STDERR_FILENO));
            ProgressAwareLog log_buffer(std::cerr);
            std::ostream log(&log_buffer);
            if (progress)
              a->options.on_progress = [&log_buffer](const IngestProgress& p) {
                const double rate = p.seconds > 0 ? static_cast<double>(p.resolutions) / p.seconds : 0;
                const double files_rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
                const double eta = files_rate > 0 ? static_cast<double>(p.total - p.done) / files_rate : 0;
                // No colours are used, so NO_COLOR has nothing to turn off; \r and erase-line only.
                std::fprintf(stderr, "\r\033[K%lld/%lld files  %.0f resolutions/s  ETA %.0fs", static_cast<long long>(p.done),
                             static_cast<long long>(p.total), rate, eta);
                if (p.done == p.total) std::fputc('\n', stderr);
                std::fflush(stderr);
                log_buffer.progress_drawn(p.done != p.total);
              };
            g_cancel.store(false);
            a->options.cancel = &g_cancel;
            const SignalGuard signals;
            const auto result = unres::ingest(ruleset, a->options, log);
            a->options.on_progress = nullptr;  // it refers to log_buffer
            const auto& c = result.counts;
            if (progress) std::cerr << "\r\033[K";
            std::cerr << "unres: run " << result.run_id << " " << result.status << ": " << c.seen << " file(s) seen, "
                      << c.loaded << " loaded, " << c.skipped << " unchanged, " << c.quarantined << " quarantined, "
                      << c.resolutions << " resolution(s) loaded\n";
            if (!a->report.empty()) write_report(a->report, result, ruleset.hash);
            if (result.status == "interrupted") return kExitInterrupted;
            return c.quarantined ? kExitQuarantined : kExitOk;
          }};
}

}  // namespace unres::cli
