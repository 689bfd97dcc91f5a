#include "pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "extract.h"
#include "segment.h"
#include "split.h"
#include "store/lock.h"
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

// Ring of result slots between the parser threads and the writer: slot i % size holds input i.
// Parsers never run more than `size` inputs ahead of the writer, so memory stays flat.
class Window {
 public:
  Window(std::size_t inputs, std::size_t size) : inputs_(inputs), slots_(size) {}

  // Next input to parse, or nullopt when there is none (or the run is stopping).
  std::optional<std::size_t> take(const std::atomic<bool>* cancel) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return next_ >= inputs_ || next_ < written_ + slots_.size() || stopping_; });
    if (next_ >= inputs_ || stopping_ || (cancel && cancel->load())) return std::nullopt;
    return next_++;
  }
  void put(std::size_t index, Outcome outcome) {
    {
      std::lock_guard lock(mutex_);
      slots_[index % slots_.size()] = std::move(outcome);
    }
    ready_.notify_all();
  }
  // The outcome of input `index`, waiting for it; nullopt if the run stopped before it was parsed.
  std::optional<Outcome> get(std::size_t index, const std::atomic<bool>* cancel) {
    std::unique_lock lock(mutex_);
    auto& slot = slots_[index % slots_.size()];
    while (!slot) {
      if ((cancel && cancel->load()) && index >= next_) return std::nullopt;
      ready_.wait_for(lock, std::chrono::milliseconds(100));
    }
    std::optional<Outcome> out = std::move(slot);
    slot.reset();
    ++written_;
    space_.notify_all();
    return out;
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable space_, ready_;
  std::size_t inputs_, next_ = 0, written_ = 0;
  bool stopping_ = false;
  std::vector<std::optional<Outcome>> slots_;
};

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

// Logs what a loaded file set aside (one line each) and keeps it for the run's report.
void note_warnings(const std::string& path, const Document& parsed, const std::vector<RecordsElsewhere>& elsewhere,
                   IngestResult& result, std::ostream& log) {
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
    log << "unres: " << path << ": " << line << "\n";
    result.warnings.push_back(path + ": " + line);
  }
  for (const auto& name : parsed.unknown_states) result.unknown_states[name].push_back(path);
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
  db.sync_organizations(rules.organizations);
  const auto known = db.known_documents();
  const auto before = db.symbols();
  const std::set<std::string> held(before.begin(), before.end());

  for (const auto& [path, k] : known)
    // An empty rules hash: marked to be read again as a source of a resolution (store/sources.h).
    if (k.status == "loaded" && !k.rules_hash.empty() && k.rules_hash != rules.hash) ++result.stale;
  if (result.stale && !options.force)
    log << "unres: the rules changed since " << result.stale
        << " file(s) were loaded: those under the inputs are re-processed now\n";
  result.run_id = db.begin_run(rules.hash);

  const auto files = list_inputs(options.inputs, options.database, options.verbose, log);
  // Files loaded from under the inputs that are not there any more: kept, marked, reported each
  // run. A quarantined file that is gone is not missing: it holds no rows (removing a bad file
  // is a fix).
  {
    std::vector<std::string> roots;
    for (const auto& input : options.inputs) roots.push_back(stored_path(input).string());
    std::set<std::string> listed;
    for (const auto& f : files) listed.insert(f.string());
    for (const auto& [path, k] : known) {
      std::error_code ec;
      if (k.status == "loaded" && !listed.count(path) && under_inputs(path, roots) &&
          !std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        result.missing.push_back(path);
    }
    std::sort(result.missing.begin(), result.missing.end());
  }
  // A first load (an empty database) builds its indexes once, at the end.
  const bool first_load = known.empty() && !files.empty();
  if (first_load) db.defer_indexes();
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Parsers may run 64 files ahead of the writer, so that one long file does not leave the
  // others idle (what a file holds in memory: its bytes and rows, ~100 KB on average).
  Window window(files.size(), 64 + jobs * 8);
  Timer timer;
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < jobs; ++j)
    workers.emplace_back([&] {
      // One writer takes what all parsers make: when they compete for the cores, the writer goes
      // first (a parser of lower priority only delays files the writer is not waiting for yet).
      // Linux: setpriority on a thread id lowers that thread alone. Failure is harmless.
      (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 5);
      while (const auto i = window.take(options.cancel)) window.put(*i, process(files[*i], known, rules, options, timer));
    });

  auto& c = result.counts;
  bool interrupted = false;
  std::set<std::string> loaded_symbols;   // whose translations' actions are aligned at the end
  auto last_progress = Clock::now();
  try {
    std::optional<Database::Batch> batch;
    std::size_t in_batch = 0;
    std::set<std::string> new_symbols;
    std::set<std::string> skipped;  // files left alone so far in this run
    // Loads or quarantines what a parser made of one file.
    const auto write = [&](Outcome& outcome) {
      if (!batch) batch.emplace(db);
      switch (outcome.kind) {
        case Outcome::Kind::skipped:
          if (const auto k = known.find(outcome.path); k != known.end() && k->second.status == "rejected") {
            // Still bad: said again every run, so that a persistent problem does not disappear.
            ++c.quarantined;
            result.quarantined.push_back({outcome.path, "", k->second.last_reason, 0, false});
            log << "unres: still quarantined " << outcome.path << " (unchanged): " << k->second.last_reason << "\n";
            break;
          } else if (k != known.end() && k->second.missing) {
            db.touch_document(outcome.path, outcome.stamp);  // back again: no longer missing
          }
          ++c.skipped;
          skipped.insert(outcome.path);
          if (options.verbose) log << "unres: unchanged " << outcome.path << "\n";
          break;
        case Outcome::Kind::touched:
          db.touch_document(outcome.path, outcome.stamp);
          ++c.skipped;
          skipped.insert(outcome.path);
          if (options.verbose) log << "unres: unchanged (touched) " << outcome.path << "\n";
          break;
        case Outcome::Kind::parsed:
          try {
            const Document& parsed = outcome.parsed;
            for (const auto& from : db.load_document(outcome.file, parsed, rules.hash)) {
              log << "unres: " << outcome.path << " replaces " << from << " (gone; same resolutions)\n";
              std::erase(result.missing, from);
            }
            for (const auto& r : outcome.parsed.resolutions) {
              if (!held.count(r.meta.at("symbol")) && new_symbols.insert(r.meta.at("symbol")).second)
                result.new_symbols.push_back(r.meta.at("symbol"));
              loaded_symbols.insert(r.meta.at("symbol"));
            }
            ++c.loaded;
            c.resolutions += static_cast<std::int64_t>(parsed.resolutions.size());
            result.published_records += static_cast<std::int64_t>(parsed.published.size());
            if (parsed.encoding != "utf-8")
              log << "unres: " << outcome.path << ": not UTF-8; decoded as " << parsed.encoding << "\n";
            note_warnings(outcome.path, parsed, db.records_elsewhere(outcome.path, parsed), result, log);
            if (options.verbose) {
              log << "unres: loaded " << outcome.path << " (" << parsed.format << ", ";
              if (parsed.published.empty()) log << parsed.resolutions.size() << " resolution(s))\n";
              else log << parsed.published.size() << " record(s) of votes and sponsors)\n";
            }
          } catch (const InputError& e) {
            outcome.error = e;
            outcome.kind = Outcome::Kind::rejected;
          }
          break;
        case Outcome::Kind::rejected:
          break;
      }
      if (outcome.kind == Outcome::Kind::rejected) {
        const InputError& e = *outcome.error;
        ++c.quarantined;
        log << "unres: quarantined " << outcome.path;
        if (e.line()) log << ":" << e.line();
        log << ": " << e.stage() << ": " << e.what() << "\n";
        db.quarantine(result.run_id, outcome.path, outcome.stamp, rules.hash, e);
        result.quarantined.push_back({outcome.path, e.stage(), e.what(), e.line(), true});
      }
      if (++in_batch >= options.batch_size) {
        batch->commit();
        batch.reset();
        in_batch = 0;
      }
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto outcome = window.get(i, options.cancel);
      if (!outcome) {
        interrupted = true;
        break;
      }
      ++c.seen;
      const auto t = Clock::now();
      write(*outcome);
      timer.add(&StageTimes::load, since(t));
      if (options.on_progress && since(last_progress) > 0.2) {
        last_progress = Clock::now();
        options.on_progress({c.seen, static_cast<std::int64_t>(files.size()), c.resolutions, since(started)});
      }
    }
    if (!interrupted && !result.missing.empty()) {
      if (!batch) batch.emplace(db);
      db.mark_missing(result.missing);
      for (const auto& path : result.missing)
        log << "unres: missing " << path << ": loaded before, not found now (rows kept; `unres forget` removes them)\n";
    }
    // Another source of a resolution whose chosen source stopped holding it (changed, rejected or
    // gone) takes its place now, read again here (store/sources.h). A file read again may in turn
    // leave a resolution to another source: a few rounds settle it.
    for (int round = 0; round < 4 && !interrupted; ++round) {
      const auto stale = db.stale_documents();
      if (stale.empty()) break;
      for (const auto& path : stale) {
        if (options.cancel && options.cancel->load()) {
          interrupted = true;
          break;
        }
        log << "unres: reading " << path << " again: it is now the best source of a resolution\n";
        // Counted once: a file left alone earlier in the run is now loaded (or quarantined).
        if (skipped.erase(path)) --c.skipped;
        else ++c.seen;
        Outcome outcome = process(path, {}, rules, options, timer);
        const auto t = Clock::now();
        write(outcome);
        timer.add(&StageTimes::load, since(t));
      }
    }
    if (batch) batch->commit();  // on interruption too: every document in it is complete
  } catch (...) {
    window.stop();
    for (auto& w : workers) w.join();
    try {
      db.finish_run(result.run_id, c, "failed");
    } catch (const DatabaseError&) {
      // The database is what failed: the run stays 'running' and the first error is reported.
    }
    throw;
  }
  window.stop();
  for (auto& w : workers) w.join();
  if (options.on_progress) {
    options.on_progress({c.seen, static_cast<std::int64_t>(files.size()), c.resolutions, since(started)});
  }
  if (first_load) {
    if (!options.quiet) log << "unres: building the indexes of this first load\n";
    const auto t = Clock::now();
    db.build_indexes();  // after an interruption too: what was loaded is complete
    timer.times.index = since(t);
  }
  // A translation's action from the aligned English paragraph: the English names the action
  // where the language's own verb stands for several ("Souligne": emphasize, stress, underline).
  // After the indexes (a first load builds them above), with every file of the run written.
  {
    Database::Batch batch(db);
    result.aligned_actions = db.align_actions({loaded_symbols.begin(), loaded_symbols.end()}, rules);
    batch.commit();
  }

  result.status = interrupted ? "interrupted" : c.quarantined ? "completed_with_quarantine" : "completed";
  db.finish_run(result.run_id, c, result.status);
  result.rows = db.row_counts();
  result.times = timer.times;
  result.seconds = since(started);
}

}  // namespace unres
