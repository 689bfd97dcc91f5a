// unres ingest [--db FILE] [--rules DIR] [options] PATH...
#include <unistd.h>

#include <csignal>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "errors.h"
#include "progress_log.h"
#include "pipeline.h"
#include "text.h"

namespace unres::cli {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int) { g_cancel.store(true); }

// SIGINT/SIGTERM ask the run to stop after the current batch (see pipeline.h); SIGPIPE is ignored;
// restored on exit.
class SignalGuard {
 public:
  SignalGuard() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
    // `unres ingest … 2>&1 | head`: a closed pipe must not kill the run half-way (leaving it
    // 'running'); writes to it fail instead, and the run goes on to its end.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old_pipe_);
  }
  ~SignalGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGPIPE, &old_pipe_, nullptr);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {}, old_pipe_ {};
};

// Seconds to the millisecond: what a reader wants, and no binary-fraction noise in the JSON.
double ms(double seconds) { return std::round(seconds * 1000) / 1000; }

// The run's record as JSON (docs/operations.md, "The run report"): written on every exit path
// once the command line is parsed, so that a monitor never reads an older run's success.
void write_report(const std::string& path, const IngestResult& r, const std::string& rules_hash, int exit_code,
                  const std::string& error) {
  nlohmann::ordered_json j;
  j["run_id"] = r.run_id ? nlohmann::ordered_json(r.run_id) : nlohmann::ordered_json(nullptr);
  j["status"] = error.empty() ? r.status : "failed";
  j["exit_code"] = exit_code;
  j["error"] = error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(error);
  j["started_at"] = r.started_at.empty() ? utc_now("%Y-%m-%dT%H:%M:%SZ") : r.started_at;
  j["finished_at"] = utc_now("%Y-%m-%dT%H:%M:%SZ");
  j["seconds"] = ms(r.seconds);
  j["files"] = {{"seen", r.counts.seen},
                {"loaded", r.counts.loaded},
                {"unchanged", r.counts.skipped},
                {"quarantined", r.counts.quarantined},
                {"missing", r.missing.size()}};
  j["resolutions_loaded"] = r.counts.resolutions;
  j["new_symbols"] = r.new_symbols;
  auto quarantined = nlohmann::ordered_json::array();
  for (const auto& q : r.quarantined) {
    nlohmann::ordered_json e;
    e["path"] = q.path;
    e["new"] = q.fresh;
    e["stage"] = q.stage.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(q.stage);
    e["line"] = q.line ? nlohmann::ordered_json(q.line) : nlohmann::ordered_json(nullptr);
    e["reason"] = q.reason;
    quarantined.push_back(std::move(e));
  }
  j["quarantined"] = std::move(quarantined);
  j["missing"] = r.missing;
  j["stale_files"] = r.stale;
  j["records_loaded"] = r.published_records;
  j["warnings"] = r.warnings;
  nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
  for (const auto& [name, files] : r.unknown_states) unknown.push_back({{"name", name}, {"files", files}});
  j["unknown_member_states"] = unknown;
  j["rows"] = r.rows;
  j["stage_seconds"] = {{"read", ms(r.times.read)},
                        {"normalize", ms(r.times.normalize)},
                        {"segment", ms(r.times.segment)},
                        {"extract", ms(r.times.extract)},
                        {"load", ms(r.times.load)},
                        {"index", ms(r.times.index)}};
  j["rules_hash"] = rules_hash.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(rules_hash);
  j["tool_version"] = UNRES_VERSION;
  // Written beside and renamed over: a monitor never reads half a report.
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial);
    out << j.dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write report " + partial);
  }
  std::filesystem::rename(partial, path);
}

// What can be checked before any work: a usage error (exit 2) names the argument.
std::string usage_problem(const std::string& report, const std::vector<std::string>& paths) {
  if (!report.empty()) {
    const auto dir = std::filesystem::absolute(report).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return "--report " + report + ": directory " + dir.string() + " does not exist";
    if (::access(dir.c_str(), W_OK) != 0) return "--report " + report + ": cannot write in " + dir.string();
  }
  for (const auto& p : paths) {
    std::error_code ec;
    // A link, even dangling, is there: reading it says what is wrong (quarantine).
    if (!std::filesystem::exists(std::filesystem::symlink_status(p, ec)))
      return p + ": no such file or directory";
  }
  return {};
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
  ingest->add_flag("-q,--quiet", a->options.quiet, "No summary line when the run succeeds (exit 0): cron mails only problems");
  ingest->add_option("paths", a->paths, "Files or directories")->required();
  return {ingest, [a] {
            IngestResult result;
            std::string rules_hash;
            // Every exit path writes the report (when --report names a usable place): a failed run
            // must not leave last night's success for a monitor to read.
            const auto fail = [&](int code, const std::string& message) {
              if (!a->report.empty()) {
                try {
                  write_report(a->report, result, rules_hash, code, message);
                } catch (const std::exception& e) {
                  std::cerr << "unres: " << e.what() << "\n";
                }
              }
            };
            if (const std::string problem = usage_problem(a->report, a->paths); !problem.empty()) {
              std::cerr << "unres: " << problem << "\n";
              if (problem.rfind("--report", 0) != 0) fail(kExitUsage, problem);
              return kExitUsage;
            }
            try {
              const RuleSet ruleset = load_rules_from(a->rules);
              rules_hash = ruleset.hash;
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
                  std::fprintf(stderr, "\r\033[K%lld/%lld files  %.0f resolutions/s  ETA %.0fs",
                               static_cast<long long>(p.done), static_cast<long long>(p.total), rate, eta);
                  if (p.done == p.total) std::fputc('\n', stderr);
                  std::fflush(stderr);
                  log_buffer.progress_drawn(p.done != p.total);
                };
              g_cancel.store(false);
              a->options.cancel = &g_cancel;
              const SignalGuard signals;
              unres::ingest(ruleset, a->options, log, result);
              a->options.on_progress = nullptr;  // it refers to log_buffer
              const auto& c = result.counts;
              const int code = result.status == "interrupted"                  ? kExitInterrupted
                               : (c.quarantined || !result.missing.empty()) ? kExitQuarantined
                                                                             : kExitOk;
              if (progress) std::cerr << "\r\033[K";
              if (!a->options.quiet || code != kExitOk)
                std::cerr << "unres: run " << result.run_id << " " << result.status << ": " << c.seen << " file(s) seen, "
                          << c.loaded << " loaded, " << c.skipped << " unchanged, " << c.quarantined << " quarantined, "
                          << result.missing.size() << " missing, " << c.resolutions << " resolution(s) loaded\n";
              if (!a->report.empty()) write_report(a->report, result, rules_hash, code, "");
              return code;
            } catch (const RulesError& e) {
              fail(kExitUsage, e.what());
              throw;
            } catch (const DatabaseError& e) {
              fail(kExitDatabase, e.what());
              throw;
            } catch (const std::exception& e) {
              fail(kExitInternal, e.what());
              throw;
            }
          }};
}

}  // namespace unres::cli
