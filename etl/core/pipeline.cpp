#include "pipeline.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

#include "extract.h"
#include "scheduler.h"
#include "segment.h"
#include "split.h"
#include "store/database.h"
#include "store/lock.h"
#include "store/schema.h"
#include "store/writer.h"
#include "text.h"

namespace unres {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Whether `file` is one of the database's own files (the database, its journals, its lock): a
// database kept in the input folder must not be read as input at every run.
class OwnFiles {
 public:
  explicit OwnFiles(const std::filesystem::path& database) : database_(resolve_database_path(database)) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) names_.insert(database_.string() + suffix);
  }
  bool operator()(const std::filesystem::path& file) const {
    // Resolving costs system calls: only for names that could be the database's.
    if (!file.filename().string().starts_with(database_.filename().string())) return false;
    return names_.contains(resolve_database_path(file).string());
  }

 private:
  std::filesystem::path database_;
  std::set<std::string> names_;
};

// `path` with its directory resolved and its own name kept: a link itself, not what it points at.
std::filesystem::path link_path(const std::filesystem::path& path) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec).lexically_normal();
  if (ec || !absolute.has_filename()) return path.lexically_normal();
  auto parent = std::filesystem::canonical(absolute.parent_path(), ec);
  return ec ? absolute : parent / absolute.filename();
}

// Files under the inputs, each directory's files in sorted order so that runs are reproducible,
// as stored_path() spells them. Entries that are not directories are returned as they are:
// reading them says what is wrong (a FIFO, a dangling link, a loop). Directory links are not
// followed, so link cycles end; one is read under its own name (as a link: "a directory").
// The database's own files are left out (said with `verbose`).
std::vector<std::filesystem::path> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                               const std::filesystem::path& database, bool verbose, std::ostream& log) {
  std::vector<std::filesystem::path> out;
  for (const auto& given : inputs) {
    const auto input = stored_path(given);
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      out.push_back(input);
      continue;
    }
    std::vector<std::filesystem::path> found;
    const auto options = std::filesystem::directory_options::skip_permission_denied;
    for (auto it = std::filesystem::recursive_directory_iterator(input, options, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (!it->is_directory(type_ec)) found.push_back(stored_path(it->path()));
      else if (it->is_symlink(type_ec)) found.push_back(link_path(it->path()));  // not followed: said so by its name
    }
    if (ec) found.push_back(input);  // reported when read
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  // A file named twice (overlapping inputs) is processed once.
  std::set<std::string> seen;
  std::erase_if(out, [&](const std::filesystem::path& p) { return !seen.insert(p.string()).second; });
  const OwnFiles own(database);
  std::erase_if(out, [&](const std::filesystem::path& p) {
    if (!own(p)) return false;
    if (verbose) log << "unres: skipped " << p.lexically_normal().string() << ": a file of this run's database\n";
    return true;
  });
  return out;
}

// 1-based page of source-text offset `at`, from the offsets where pages begin.
int page_of(const std::vector<std::size_t>& page_starts, std::size_t at) {
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), at);
  return static_cast<int>(std::max<std::ptrdiff_t>(1, it - page_starts.begin()));
}

// Whether `path` (stored) is one of the inputs or lies under one of them.
bool under_inputs(const std::string& path, const std::vector<std::string>& roots) {
  return std::any_of(roots.begin(), roots.end(), [&](const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || path[root.size()] == '/'));
  });
}

// What a worker hands the writer for one input file.
struct Outcome {
  enum class Kind { skipped, touched, parsed, rejected } kind = Kind::skipped;
  std::string path;
  SourceFile file;              // parsed: the bytes; touched: the new stamp
  Document parsed;
  std::optional<InputError> error;
  SourceStamp stamp;            // rejected: what is known of the file
};

// Whether a file that has not changed since it was recorded can be left alone.
bool unchanged_ok(const KnownDocument& known, const IngestOptions& options, const std::string& rules_hash) {
  if (options.force || known.rules_hash != rules_hash) return false;
  return known.status == "loaded" || !options.retry_quarantined;
}

// Stage timings of the parser threads, merged under a lock.
struct Timer {
  std::mutex mutex;
  StageTimes times;
  void add(double StageTimes::*stage, double seconds) {
    std::lock_guard lock(mutex);
    times.*stage += seconds;
  }
  void add(const StageTimes& t) {
    std::lock_guard lock(mutex);
    times.normalize += t.normalize;
    times.segment += t.segment;
    times.extract += t.extract;
  }
};

Outcome process(const std::filesystem::path& path, const std::unordered_map<std::string, KnownDocument>& known,
                const RuleSet& rules, const IngestOptions& options, Timer& timer) {
  Outcome out;
  out.path = path.string();  // already stored_path()
  const auto k = known.find(out.path);
  try {
    auto t = Clock::now();
    out.stamp = stat_source(path);
    if (k != known.end() && unchanged_ok(k->second, options, rules.hash) && k->second.size_bytes == out.stamp.size &&
        k->second.mtime_ns == out.stamp.mtime_ns) {
      timer.add(&StageTimes::read, since(t));
      return out;  // skipped without reading
    }
    out.file = read_source(path, options.max_file_size, out.stamp);
    out.stamp = out.file.stamp;  // now with the content hash and the size actually read
    timer.add(&StageTimes::read, since(t));
    if (k != known.end() && unchanged_ok(k->second, options, rules.hash) &&
        k->second.content_hash == out.file.stamp.content_hash) {
      out.kind = Outcome::Kind::touched;  // same bytes, new modification time
      out.file.bytes.clear();
      return out;
    }
    StageTimes times;
    out.parsed = parse(out.file, rules, &times, *options.formats);
    timer.add(times);
    out.kind = Outcome::Kind::parsed;
  } catch (const InputError& e) {
    out.kind = Outcome::Kind::rejected;
    out.error = e;
    out.parsed = {};
    out.file.bytes.clear();
  }
  return out;
}

// What a run tells as it goes: its counts and lists (IngestResult), one log line per event, and
// the progress calls. Writes nothing to the database.
class RunReport {
 public:
  RunReport(IngestResult& result, std::ostream& log, const IngestOptions& options, std::set<std::string> held,
            Clock::time_point started)
      : result_(result), log_(log), options_(options), held_(std::move(held)), started_(started) {}

  void seen() { ++result_.counts.seen; }

  // The symbols of the resolutions loaded in this run.
  const std::set<std::string>& symbols_loaded() const { return symbols_loaded_; }

  void still_quarantined(const std::string& path, const KnownDocument& known) {
    // Said again every run, so that a persistent problem does not disappear.
    ++result_.counts.quarantined;
    result_.quarantined.push_back({path, "", known.last_reason, 0, false});
    log_ << "unres: still quarantined " << path << " (unchanged): " << known.last_reason << "\n";
  }

  void unchanged(const std::string& path, bool touched) {
    ++result_.counts.skipped;
    skipped_.insert(path);
    if (options_.verbose) log_ << "unres: unchanged " << (touched ? "(touched) " : "") << path << "\n";
  }

  // `replaced`: the documents of files that are gone whose resolutions this one holds now;
  // `elsewhere`: its published records that other files also have.
  void loaded(const std::string& path, const Document& parsed, const std::vector<std::string>& replaced,
              const std::vector<RecordsElsewhere>& elsewhere) {
    for (const auto& from : replaced) {
      log_ << "unres: " << path << " replaces " << from << " (gone; same resolutions)\n";
      std::erase(result_.missing, from);
    }
    for (const auto& r : parsed.resolutions) {
      if (!held_.count(r.meta.at("symbol")) && new_symbols_.insert(r.meta.at("symbol")).second)
        result_.new_symbols.push_back(r.meta.at("symbol"));
      symbols_loaded_.insert(r.meta.at("symbol"));
    }
    auto& c = result_.counts;
    ++c.loaded;
    c.resolutions += static_cast<std::int64_t>(parsed.resolutions.size());
    result_.published_records += static_cast<std::int64_t>(parsed.published.size());
    if (parsed.encoding != "utf-8") log_ << "unres: " << path << ": not UTF-8; decoded as " << parsed.encoding << "\n";
    set_aside(path, parsed, elsewhere);
    if (options_.verbose) {
      log_ << "unres: loaded " << path << " (" << parsed.format << ", ";
      if (parsed.published.empty()) log_ << parsed.resolutions.size() << " resolution(s))\n";
      else log_ << parsed.published.size() << " record(s) of votes and sponsors)\n";
    }
  }

  void quarantined(const std::string& path, const InputError& e) {
    ++result_.counts.quarantined;
    log_ << "unres: quarantined " << path;
    if (e.line()) log_ << ":" << e.line();
    log_ << ": " << e.stage() << ": " << e.what() << "\n";
    result_.quarantined.push_back({path, e.stage(), e.what(), e.line(), true});
  }

  // A file read again as the new best source of a resolution (store/sources.h). Counted once: a
  // file left alone earlier in the run is now loaded (or quarantined).
  void read_again(const std::string& path) {
    log_ << "unres: reading " << path << " again: it is now the best source of a resolution\n";
    if (skipped_.erase(path)) --result_.counts.skipped;
    else ++result_.counts.seen;
  }

  void missing() {
    for (const auto& path : result_.missing)
      log_ << "unres: missing " << path << ": loaded before, not found now (rows kept; `unres forget` removes them)\n";
  }

  // ~5 times a second, or now (`final`).
  void progress(std::size_t total, bool final = false) {
    if (!options_.on_progress || (!final && since(last_progress_) <= 0.2)) return;
    last_progress_ = Clock::now();
    options_.on_progress(
        {result_.counts.seen, static_cast<std::int64_t>(total), result_.counts.resolutions, since(started_)});
  }

 private:
  // Logs what a loaded file set aside (one line each) and keeps it for the run's report.
  void set_aside(const std::string& path, const Document& parsed, const std::vector<RecordsElsewhere>& elsewhere) {
    std::vector<std::string> lines = parsed.warnings;
    for (const auto& other : elsewhere) {
      // A file loaded twice under two names would name every symbol: the first few tell the story.
      std::string some;
      for (std::size_t i = 0; i < other.symbols.size() && i < 5; ++i) some += (i ? ", " : "") + other.symbols[i];
      if (other.symbols.size() > 5) some += ", ...";
      lines.push_back(std::to_string(other.symbols.size()) + " record(s) also in " + other.path + " (" + some +
                      "): this file's, loaded last, are used");
    }
    for (const auto& line : lines) {
      log_ << "unres: " << path << ": " << line << "\n";
      result_.warnings.push_back(path + ": " + line);
    }
    for (const auto& name : parsed.unknown_states) result_.unknown_states[name].push_back(path);
  }

  IngestResult& result_;
  std::ostream& log_;
  const IngestOptions& options_;
  const std::set<std::string> held_;  // the symbols the database held before the run
  std::set<std::string> symbols_loaded_;
  std::set<std::string> new_symbols_;  // of result_.new_symbols (a file read again names them again)
  std::set<std::string> skipped_;      // files left alone so far in this run
  const Clock::time_point started_;
  Clock::time_point last_progress_ = Clock::now();
};

// Documents per transaction: a batch begins with the first write after a commit, and commits
// after `size` documents.
class Batches {
 public:
  Batches(Database& db, std::size_t size) : db_(db), size_(size) {}
  void open() {
    if (!batch_) batch_.emplace(db_);
  }
  void document_done() {
    if (++in_batch_ >= size_) commit();
  }
  void commit() {
    if (batch_) batch_->commit();
    batch_.reset();
    in_batch_ = 0;
  }

 private:
  Database& db_;
  const std::size_t size_;
  std::optional<Batch> batch_;  // destroyed without commit: rolled back
  std::size_t in_batch_ = 0;
};

// Writes what a parser made of one file, inside the open batch, and tells the report.
void write_outcome(Outcome& outcome, const std::unordered_map<std::string, KnownDocument>& known,
                   WriterSession& writer, RunReport& report) {
  switch (outcome.kind) {
    case Outcome::Kind::skipped:
      if (const auto k = known.find(outcome.path); k != known.end() && k->second.status == "rejected") {
        report.still_quarantined(outcome.path, k->second);
        return;
      } else if (k != known.end() && k->second.missing) {
        writer.touch_document(outcome.path, outcome.stamp);  // back again: no longer missing
      }
      report.unchanged(outcome.path, false);
      return;
    case Outcome::Kind::touched:
      writer.touch_document(outcome.path, outcome.stamp);
      report.unchanged(outcome.path, true);
      return;
    case Outcome::Kind::parsed:
      try {
        const auto replaced = writer.load_document(outcome.file, outcome.parsed);
        report.loaded(outcome.path, outcome.parsed, replaced, writer.records_elsewhere(outcome.path, outcome.parsed));
        return;
      } catch (const InputError& e) {
        outcome.error = e;
        outcome.kind = Outcome::Kind::rejected;
      }
      break;
    case Outcome::Kind::rejected:
      break;
  }
  report.quarantined(outcome.path, *outcome.error);
  writer.quarantine(outcome.path, outcome.stamp, *outcome.error);
}

// Files loaded from under the inputs that are not there any more: kept, marked, reported each
// run. A quarantined file that is gone is not missing: it holds no rows (removing a bad file
// is a fix).
std::vector<std::string> missing_files(const std::vector<std::filesystem::path>& files,
                                       const std::unordered_map<std::string, KnownDocument>& known,
                                       const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::string> roots;
  for (const auto& input : inputs) roots.push_back(stored_path(input).string());
  std::set<std::string> listed;
  for (const auto& f : files) listed.insert(f.string());
  std::vector<std::string> missing;
  for (const auto& [path, k] : known) {
    std::error_code ec;
    if (k.status == "loaded" && !listed.count(path) && under_inputs(path, roots) &&
        !std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
      missing.push_back(path);
  }
  std::sort(missing.begin(), missing.end());
  return missing;
}

}  // namespace

std::filesystem::path stored_path(const std::filesystem::path& path) {
  std::error_code ec;
  auto resolved = std::filesystem::canonical(path, ec);
  if (!ec) return resolved;
  return link_path(path);  // a dangling link or a loop
}

IngestResult ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log) {
  IngestResult result;
  ingest(rules, options, log, result);
  return result;
}

Document parse(const SourceFile& file, const RuleSet& rules, StageTimes* times, const FormatRegistry& formats) {
  StageTimes local;
  StageTimes& t = times ? *times : local;
  auto start = Clock::now();
  const auto lap = [&](double StageTimes::*stage) {
    const auto now = Clock::now();
    t.*stage += std::chrono::duration<double>(now - start).count();
    start = now;
  };
  Reading reading = formats.detect(file, rules).read(file, rules);
  const NormalizedText& text = reading.text;
  lap(&StageTimes::normalize);
  Document parsed{text.format, text.encoding, reading.source_text, {}, std::move(reading.published),
                  std::move(reading.warnings), std::move(reading.unknown_states)};
  // Records alone (the UN's votes and sponsors): no text to split.
  if (text.text.empty() && reading.parts.empty() && !parsed.published.empty()) return parsed;
  const auto add = [&](const DocumentSpan& doc, const Segments& segments, const SourceFacts& facts) {
    ResolutionRecord r = extract(text, doc, segments, rules, facts, reading.language);
    r.meta.emplace("language", reading.language.empty() ? kDefaultLanguage : reading.language);
    if (!reading.page_starts.empty())
      for (auto& p : r.paragraphs) p.page = page_of(reading.page_starts, p.span.begin);
    parsed.resolutions.push_back(std::move(r));
    lap(&StageTimes::extract);
  };
  if (reading.parts.empty()) {
    for (const auto& doc : split_documents(text, rules)) {
      const Segments segments = segment(text, doc, rules);
      lap(&StageTimes::segment);
      add(doc, segments, {});
    }
  } else {
    for (const auto& part : reading.parts) add(part.span, part.segments, part.facts);
  }
  std::set<std::string> symbols;
  for (const auto& r : parsed.resolutions) {
    if (const auto problem = metadata_problem(r))
      throw InputError("extract", 0, "resolution " + r.meta.at("symbol") + ": " + *problem);
    if (!symbols.insert(r.meta.at("symbol")).second)
      throw InputError("split", 0, "the file holds resolution " + r.meta.at("symbol") + " twice");
  }
  return parsed;
}

void ingest(const RuleSet& rules, const IngestOptions& options, std::ostream& log, IngestResult& result) {
  const auto started = Clock::now();
  result.started_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  const WriterLock lock(options.database, options.wait_for_lock);
  Database db(options.database, *options.tables, options.allow_foreign_db);
  auto organization_ids = sync_organizations(db, rules.organizations);
  const auto known = known_documents(db);
  const auto before = loaded_symbols(db);
  RunReport report(result, log, options, {before.begin(), before.end()}, started);

  for (const auto& [path, k] : known)
    // An empty rules hash: marked to be read again as a source of a resolution (store/sources.h).
    if (k.status == "loaded" && !k.rules_hash.empty() && k.rules_hash != rules.hash) ++result.stale;
  if (result.stale && !options.force)
    log << "unres: the rules changed since " << result.stale
        << " file(s) were loaded: those under the inputs are re-processed now\n";
  result.run_id = begin_run(db, rules.hash);
  WriterSession writer(db, result.run_id, rules.hash, std::move(organization_ids));

  const auto files = list_inputs(options.inputs, options.database, options.verbose, log);
  result.missing = missing_files(files, known, options.inputs);
  // A first load (an empty database) builds its indexes once, at the end.
  const bool first_load = known.empty() && !files.empty();
  if (first_load) defer_indexes(db);
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  Timer timer;
  // Parsers may run 64 files ahead of the writer, so that one long file does not leave the
  // others idle (what a file holds in memory: its bytes and rows, ~100 KB on average).
  Scheduler<Outcome> parsers(files.size(), jobs, 64 + jobs * 8, options.cancel,
                             [&](std::size_t i) { return process(files[i], known, rules, options, timer); });
  bool interrupted = false;  // by options.cancel: the parsers', or the files read again
  try {
    Batches batches(db, options.batch_size);
    // Loads or quarantines what a parser made of one file.
    const auto write = [&](Outcome& outcome) {
      const auto t = Clock::now();
      batches.open();
      write_outcome(outcome, known, writer, report);
      batches.document_done();
      timer.add(&StageTimes::load, since(t));
    };
    while (auto outcome = parsers.next()) {
      report.seen();
      write(*outcome);
      report.progress(files.size());
    }
    interrupted = parsers.interrupted();
    if (!interrupted && !result.missing.empty()) {
      batches.open();
      writer.mark_missing(result.missing);
      report.missing();
    }
    // Another source of a resolution whose chosen source stopped holding it (changed, rejected or
    // gone) takes its place now, read again here (store/sources.h). A file read again may in turn
    // leave a resolution to another source: a few rounds settle it.
    for (int round = 0; round < 4 && !interrupted; ++round) {
      const auto stale = writer.stale_documents();
      if (stale.empty()) break;
      for (const auto& path : stale) {
        if (options.cancel && options.cancel->load()) {
          interrupted = true;
          break;
        }
        report.read_again(path);
        Outcome outcome = process(path, {}, rules, options, timer);
        write(outcome);
      }
    }
    batches.commit();  // on interruption too: every document in it is complete
  } catch (...) {
    parsers.stop();
    try {
      finish_run(db, result.run_id, result.counts, "failed");
    } catch (const DatabaseError&) {
      // The database is what failed: the run stays 'running' and the first error is reported.
    }
    throw;
  }
  parsers.stop();
  report.progress(files.size(), /*final=*/true);
  if (first_load) {
    if (!options.quiet) log << "unres: building the indexes of this first load\n";
    const auto t = Clock::now();
    build_indexes(db);  // after an interruption too: what was loaded is complete
    timer.times.index = since(t);
  }
  // A translation's action from the aligned English paragraph: the English names the action
  // where the language's own verb stands for several ("Souligne": emphasize, stress, underline).
  // After the indexes (a first load builds them above), with every file of the run written.
  {
    Batch batch(db);
    const auto& symbols = report.symbols_loaded();
    result.aligned_actions = writer.align_actions({symbols.begin(), symbols.end()}, rules);
    result.drafts_from_records = writer.drafts_from_records();
    result.votes_from_records = writer.votes_from_records(rules);
    batch.commit();
  }

  const auto& c = result.counts;
  result.status = interrupted ? "interrupted" : c.quarantined ? "completed_with_quarantine" : "completed";
  finish_run(db, result.run_id, c, result.status);
  result.rows = row_counts(db);
  result.times = timer.times;
  result.seconds = since(started);
}

}  // namespace unres
