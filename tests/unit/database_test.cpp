// store/database.h through pipeline.h's ingest(): idempotent reloads, conflicting symbols,
// quarantine, the schema version, and the indexes of a first load.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "common.h"
#include "errors.h"
#include "pipeline.h"
#include "source.h"
#include "sql.h"
#include "store/database.h"
#include "store/run_log.h"
#include "store/schema.h"

namespace unres {
namespace {

using test::Sql;

const char* const kTables[] = {"documents",    "resolutions", "paragraphs", "action_verbs",
                               "organization_mentions", "footnotes", "footnote_refs", "citations",
                               "deadlines"};

std::map<std::string, long long> counts(const std::filesystem::path& db) {
  Sql sql(db);
  std::map<std::string, long long> out;
  for (const char* t : kTables) out[t] = sql.count(t);
  return out;
}

// Copies tests/data/seeds/`seed` to `dir`/`name`, creating `dir`.
void add_seed(const std::filesystem::path& dir, const std::string& seed, const std::string& name) {
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(test::data_dir() / "seeds" / seed, dir / name);
}

IngestResult run(const std::filesystem::path& db, std::vector<std::filesystem::path> inputs, std::string* log = nullptr,
                 bool force = false) {
  IngestOptions options;
  options.database = db;
  options.inputs = std::move(inputs);
  options.force = force;
  std::ostringstream out;
  IngestResult result = ingest(test::default_rules(), options, out);
  if (log) *log = out.str();
  return result;
}

TEST(Database, IngestTwiceGivesIdenticalRows) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto first = run(db, {test::data_dir() / "seeds"});
  EXPECT_EQ(first.counts.seen, 5);
  EXPECT_EQ(first.counts.loaded, 5);
  EXPECT_EQ(first.counts.quarantined, 0);
  EXPECT_EQ(first.counts.resolutions, 5);
  const auto after_first = counts(db);
  EXPECT_EQ(after_first.at("documents"), 5);
  EXPECT_EQ(after_first.at("resolutions"), 5);
  EXPECT_GT(after_first.at("paragraphs"), 100);
  EXPECT_GT(after_first.at("action_verbs"), 100);
  EXPECT_GT(after_first.at("citations"), 50);
  EXPECT_GT(after_first.at("footnote_refs"), 10);
  EXPECT_GT(after_first.at("organization_mentions"), 20);
  EXPECT_GT(after_first.at("deadlines"), 5);
  Sql sql(db);
  const auto paragraphs_before = sql.rows("SELECT r.symbol, p.kind, p.ordinal, p.number, p.text FROM paragraphs p "
                                          "JOIN resolutions r ON r.id = p.resolution_id ORDER BY 1, p.start_offset");

  const std::string paragraphs_query =
      "SELECT r.symbol, p.kind, p.ordinal, p.number, p.text FROM paragraphs p "
      "JOIN resolutions r ON r.id = p.resolution_id ORDER BY 1, p.start_offset";

  // Unchanged files are skipped: nothing is added.
  const auto second = run(db, {test::data_dir() / "seeds"});
  EXPECT_EQ(second.run_id, first.run_id + 1);
  EXPECT_EQ(second.counts.seen, 5);
  EXPECT_EQ(second.counts.loaded, 0);
  EXPECT_EQ(second.counts.skipped, 5);
  EXPECT_EQ(counts(db), after_first);

  // Forced, every file is parsed and loaded again, replacing its rows: still no duplicates.
  const auto third = run(db, {test::data_dir() / "seeds"}, nullptr, true);
  EXPECT_EQ(third.counts.loaded, 5);
  EXPECT_EQ(third.counts.resolutions, 5);
  EXPECT_EQ(counts(db), after_first);
  EXPECT_EQ(sql.rows(paragraphs_query), paragraphs_before);
  EXPECT_EQ(sql.rows("SELECT id, status, files_seen, files_loaded, files_skipped, files_quarantined FROM ingest_runs "
                     "ORDER BY id"),
            (std::vector<std::string>{"1|completed|5|5|0|0", "2|completed|5|0|5|0", "3|completed|5|5|0|0"}));
  // Every organization of the gazetteer is in the table once, however often it is synced.
  EXPECT_EQ(sql.count("organizations"), static_cast<long long>(test::default_rules().organizations.entries.size()));
}

TEST(Database, ReingestingOneChangedFileReplacesItsRows) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto input = dir / "in";
  add_seed(input, "003_854e03e7025bed56.txt", "a.txt");
  run(db, {input});
  const auto before = counts(db);
  // Drop the last operative paragraph: the file's rows are replaced, not added to.
  std::string text = test::read_text(input / "a.txt");
  const auto six = text.find("\t6.\t");
  ASSERT_NE(six, std::string::npos);
  const auto eol = text.find('\n', six);
  text.erase(six, eol - six + 1);
  test::write_text(input / "a.txt", text);
  const auto result = run(db, {input});
  EXPECT_EQ(result.counts.loaded, 1);
  const auto after = counts(db);
  EXPECT_EQ(after.at("documents"), 1);
  EXPECT_EQ(after.at("resolutions"), 1);
  EXPECT_EQ(after.at("paragraphs"), before.at("paragraphs") - 1);
  Sql sql(db);
  EXPECT_EQ(sql.one("SELECT max(ordinal) FROM paragraphs WHERE kind = 'operative'"), "5");
}

// The secondary indexes schema.sql declares, as SQLite reports them.
std::vector<std::string> schema_indexes(Sql& sql) {
  return sql.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
}

TEST(Database, FirstLoadBuildsItsIndexesAtTheEnd) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  { Database empty(db); }
  Sql sql(db);
  const auto declared = schema_indexes(sql);
  ASSERT_GE(declared.size(), 20u);
  const auto result = run(db, {test::data_dir() / "seeds"});
  EXPECT_GT(result.times.index, 0.0);  // they were built, after the rows
  EXPECT_EQ(schema_indexes(sql), declared);
  EXPECT_EQ(sql.one("SELECT count(*) FROM meta WHERE key = 'indexes_deferred'"), "0");
  // The full-text index holds every paragraph, and FTS5's merge settings are back to the defaults.
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts_docsize"), sql.one("SELECT count(*) FROM paragraphs"));
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'Secretary'"),
            sql.one("SELECT count(*) FROM paragraphs WHERE text LIKE '%secretary%'"));
  EXPECT_EQ(sql.one("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'"), "4");
  EXPECT_EQ(sql.one("PRAGMA integrity_check"), "ok");
  // A first load stays in WAL (a reader was connected all along: it never blocked the load).
  EXPECT_EQ(sql.one("PRAGMA journal_mode"), "wal");
  // The queries that use them do (an index a first load forgot would show as a SCAN).
  EXPECT_NE(sql.rows("EXPLAIN QUERY PLAN SELECT * FROM citations WHERE target = 'A/RES/70/1'")[0].find("citations_target"),
            std::string::npos);
  // The partial indexes of sparse columns serve a lookup by value, as ON DELETE CASCADE makes.
  EXPECT_NE(sql.rows("EXPLAIN QUERY PLAN SELECT * FROM paragraphs WHERE parent_id = 7")[0].find("paragraphs_parent"),
            std::string::npos);
  EXPECT_NE(sql.rows("EXPLAIN QUERY PLAN SELECT * FROM citations WHERE footnote_id = 7")[0].find("citations_footnote"),
            std::string::npos);
}

TEST(Database, TheFullTextIndexGetsOneSegmentPerBatch) {
  // FTS5 writes its buffered terms out at a commit, and at every savepoint: a writer that wrapped
  // each document in one would leave a segment per document. A first load also lets segments pile
  // up to 1,000 a level before merging them, and keeps that setting.
  test::TempDir dir;
  const auto db = dir / "unres.db";
  IngestOptions options;
  options.database = db;
  options.inputs = {test::data_dir() / "seeds"};
  options.batch_size = 2;
  std::ostringstream log;
  const auto result = ingest(test::default_rules(), options, log);
  ASSERT_EQ(result.counts.loaded, 5);
  Sql sql(db);
  EXPECT_EQ(sql.one("SELECT count(DISTINCT segid) FROM paragraphs_fts_idx"), "3");  // 2 + 2 + 1 documents
  EXPECT_EQ(sql.one("SELECT v FROM paragraphs_fts_config WHERE k = 'crisismerge'"), "1000");
  EXPECT_EQ(sql.one("PRAGMA journal_mode"), "wal");  // a first load writes in WAL throughout
  EXPECT_EQ(sql.one("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'"), "4");
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts_docsize"), sql.one("SELECT count(*) FROM paragraphs"));
}

TEST(Database, FirstLoadStoppedBeforeItsIndexesGetsThemAtTheNextOpen) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  std::vector<std::string> declared;
  {
    Database database(db);
    {
      Sql sql(db);
      declared = schema_indexes(sql);
    }
    defer_indexes(database);  // and the process dies here: build_indexes() never runs
    Sql sql(db);
    EXPECT_TRUE(schema_indexes(sql).empty());
    EXPECT_EQ(sql.one("SELECT count(*) FROM meta WHERE key = 'indexes_deferred'"), "1");
    EXPECT_EQ(sql.one("PRAGMA journal_mode"), "wal");  // a first load stays in WAL: readers never block it
  }
  {
    Sql sql(db);
    EXPECT_EQ(sql.one("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'"), "0");
  }
  { Database reopened(db); }
  Sql sql(db);
  EXPECT_EQ(schema_indexes(sql), declared);
  EXPECT_EQ(sql.one("SELECT count(*) FROM meta WHERE key = 'indexes_deferred'"), "0");
  EXPECT_EQ(sql.one("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'"), "4");
  EXPECT_EQ(sql.one("PRAGMA journal_mode"), "wal");
}

TEST(Database, LoadsIntoANonEmptyDatabaseKeepTheIndexes) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto input = dir / "in";
  add_seed(input, "003_854e03e7025bed56.txt", "a.txt");
  run(db, {input});
  Sql sql(db);
  const auto declared = schema_indexes(sql);
  // A second load (the nightly case) writes into the indexes as it goes: a reader never finds
  // them missing, and the full-text index follows every batch.
  add_seed(input, "004_e48293b0b745954a.txt", "b.txt");
  EXPECT_EQ(run(db, {input}).times.index, 0.0);
  EXPECT_EQ(schema_indexes(sql), declared);
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts_docsize"), sql.one("SELECT count(*) FROM paragraphs"));
}

TEST(Database, ReloadedFilesLeaveNoOrphans) {
  // The writer deletes a file's rows itself, children first (it runs without foreign-key checks):
  // after forced reloads, no row points at a row that is gone.
  test::TempDir dir;
  const auto db = dir / "unres.db";
  run(db, {test::data_dir() / "seeds"});
  const auto before = counts(db);
  run(db, {test::data_dir() / "seeds"}, nullptr, true);
  const auto last = run(db, {test::data_dir() / "seeds"}, nullptr, true);
  EXPECT_EQ(last.counts.loaded, 5);  // rows were written again, not kept
  EXPECT_EQ(counts(db), before);
  Sql sql(db);
  EXPECT_TRUE(sql.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts_docsize"), sql.one("SELECT count(*) FROM paragraphs"));
  // Rows that did not change keep their ids (stable keys): the ids are still 1..n.
  EXPECT_EQ(sql.one("SELECT max(id) = count(*) FROM paragraphs"), "1");
}

TEST(Database, ReloadKeepsTheIdsOfUnchangedRowsAndGivesNewRowsFreshOnes) {
  // A preambular paragraph added before the operative part: a new key ("preambular 20"), written
  // before the operative paragraphs take their ids back. It must take an id above every id held
  // before the reload, not the first free one (the old id of "operative 1": a UNIQUE failure).
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto input = dir / "in";
  add_seed(input, "004_e48293b0b745954a.txt", "a.txt");
  run(db, {input});
  const std::string keyed = "SELECT p.id, r.id, r.symbol, p.kind, p.ordinal, coalesce(p.parent_id, 0), p.text "
                            "FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id WHERE p.kind = 'operative' "
                            "ORDER BY p.id";
  std::vector<std::string> operative, footnotes, documents;
  std::string old_max;
  {
    Sql sql(db);
    operative = sql.rows(keyed);
    footnotes = sql.rows("SELECT id, resolution_id, number, text FROM footnotes ORDER BY id");
    documents = sql.rows("SELECT id, path FROM documents");
    old_max = sql.one("SELECT max(id) FROM paragraphs");
  }
  ASSERT_GT(operative.size(), 3u);
  ASSERT_FALSE(footnotes.empty());

  std::string text = test::read_text(input / "a.txt");
  const auto first_operative = text.find("\t1.\t");
  ASSERT_NE(first_operative, std::string::npos);
  text.insert(first_operative, "\tWelcoming the zyzzyva initiative of the Organization,\n");
  test::write_text(input / "a.txt", text);
  std::string log;
  const auto result = run(db, {input}, &log);
  ASSERT_EQ(result.counts.loaded, 1) << log;
  ASSERT_EQ(result.counts.quarantined, 0) << log;

  Sql sql(db);
  EXPECT_EQ(sql.rows(keyed), operative);  // same ids, same rows
  EXPECT_EQ(sql.rows("SELECT id, resolution_id, number, text FROM footnotes ORDER BY id"), footnotes);
  EXPECT_EQ(sql.rows("SELECT id, path FROM documents"), documents);
  const auto added = sql.one("SELECT id FROM paragraphs WHERE text LIKE '%zyzzyva%'");
  EXPECT_GT(std::stoll(added), std::stoll(old_max));
  EXPECT_EQ(sql.one("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH 'zyzzyva'"), added);
  EXPECT_TRUE(sql.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs_fts_docsize"), sql.one("SELECT count(*) FROM paragraphs"));
  // Children point at the rows they were extracted from (their offsets lie within them).
  EXPECT_EQ(sql.one("SELECT count(*) FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
                    "WHERE a.start_offset < p.start_offset OR a.end_offset > p.end_offset"),
            "0");
}

TEST(Database, ConflictingSymbolIsQuarantinedAtLoad) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto input = dir / "in";
  add_seed(input, "000_6ebaee88ab77a99b.txt", "a.txt");
  add_seed(input, "000_6ebaee88ab77a99b.txt", "b.txt");
  add_seed(input, "004_e48293b0b745954a.txt", "c.txt");
  std::string log;
  const auto result = run(db, {input}, &log);
  EXPECT_EQ(result.counts.seen, 3);
  EXPECT_EQ(result.counts.loaded, 2);
  EXPECT_EQ(result.counts.quarantined, 1);
  EXPECT_NE(log.find("quarantined " + (input / "b.txt").string() + ": load: conflicting symbol: A/RES/68/272"),
            std::string::npos)
      << log;

  Database database(db);
  const auto rows = quarantine_rows(database);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].path, (input / "b.txt").string());
  EXPECT_EQ(rows[0].stage, "load");
  EXPECT_NE(rows[0].reason.find("conflicting symbol"), std::string::npos) << rows[0].reason;
  EXPECT_NE(rows[0].reason.find((input / "a.txt").string()), std::string::npos) << rows[0].reason;
  EXPECT_EQ(rows[0].run_id, result.run_id);
  EXPECT_EQ(rows[0].line, 0);

  Sql sql(db);
  EXPECT_EQ(sql.rows("SELECT path, status FROM documents ORDER BY path"),
            (std::vector<std::string>{(input / "a.txt").string() + "|loaded", (input / "b.txt").string() + "|rejected",
                                      (input / "c.txt").string() + "|loaded"}));
  EXPECT_EQ(sql.rows("SELECT symbol FROM resolutions ORDER BY symbol"),
            (std::vector<std::string>{"A/RES/67/15", "A/RES/68/272"}));
  EXPECT_EQ(sql.one("SELECT status FROM ingest_runs"), "completed_with_quarantine");
}

TEST(Database, BadFilesAreQuarantinedAndGoodOnesLoad) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  const auto input = dir / "in";
  std::filesystem::create_directory(input);
  test::write_text(input / "1-empty.txt", "");
  test::write_text(input / "2-binary.txt", std::string("\x7f" "ELF\0\0\x01", 7));
  const std::string memo = "Dear colleagues,\nno resolution here.\n";
  test::write_text(input / "3-memo.txt", memo);
  add_seed(input, "003_854e03e7025bed56.txt", "4-good.txt");
  const auto result = run(db, {input});
  EXPECT_EQ(result.counts.seen, 4);
  EXPECT_EQ(result.counts.loaded, 1);
  EXPECT_EQ(result.counts.quarantined, 3);
  Database database(db);
  std::vector<std::string> got;
  for (const auto& q : quarantine_rows(database))
    got.push_back(std::filesystem::path(q.path).filename().string() + " " + q.stage + " " + q.reason);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "1-empty.txt read empty file");
  EXPECT_EQ(got[1], "2-binary.txt normalize binary file (NUL byte at offset 4)");
  EXPECT_EQ(got[2].rfind("3-memo.txt normalize no known layout", 0), 0u) << got[2];
  Sql sql(db);
  EXPECT_EQ(sql.one("SELECT count(*) FROM documents WHERE status = 'rejected'"), "3");
  // A file rejected after it was read is recorded with its content hash and size: a re-run skips
  // it while its bytes stay the same, and its record says which bytes were rejected.
  EXPECT_EQ(sql.one("SELECT content_hash || '|' || size_bytes FROM documents WHERE path LIKE '%3-memo.txt'"),
            hex_hash(memo) + "|" + std::to_string(memo.size()));
  EXPECT_EQ(sql.one("SELECT symbol FROM resolutions"), "A/RES/65/124");
}

TEST(Database, SchemaVersionIsOne) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  { Database database(db); }
  Sql sql(db);
  EXPECT_EQ(sql.one("PRAGMA user_version"), "1");
  EXPECT_EQ(kSchemaVersion, 1);
  EXPECT_EQ(sql.one("SELECT value FROM meta WHERE key = 'tool_version'"), UNRES_VERSION);
  EXPECT_EQ(sql.one("PRAGMA foreign_keys"), "0");  // per connection: this one did not ask
  // Opening again keeps the data and the version.
  sql.exec("INSERT INTO meta(key, value) VALUES('probe', 'x')");
  { Database again(db); }
  EXPECT_EQ(sql.one("SELECT value FROM meta WHERE key = 'probe'"), "x");
  EXPECT_EQ(sql.one("PRAGMA user_version"), "1");
}

TEST(Database, NewerSchemaIsRefused) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  {
    Sql sql(db);
    sql.exec("PRAGMA user_version = 99");
  }
  try {
    Database database(db);
    FAIL() << "opened a version 99 database";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99 is newer"), std::string::npos) << e.what();
  }
  // ingest() reports it the same way, before touching the database.
  EXPECT_THROW(run(db, {test::data_dir() / "seeds"}), DatabaseError);
  Sql sql(db);
  EXPECT_EQ(sql.one("PRAGMA user_version"), "99");
  EXPECT_EQ(sql.one("SELECT count(*) FROM sqlite_master WHERE name = 'resolutions'"), "0");
}

TEST(Database, ADatabaseOfAnEarlierVersionGetsTheNewColumnsAndWal) {
  test::TempDir dir;
  const auto db = dir / "unres.db";
  run(db, {test::data_dir() / "seeds"});
  {
    // As an earlier version left it: no documents.normalized, another fingerprint, a rollback
    // journal (a first load of that version stopped before its end).
    Sql sql(db);
    sql.exec("ALTER TABLE documents DROP COLUMN normalized");
    sql.exec("UPDATE meta SET value = 'earlier' WHERE key = 'schema_fingerprint'");
    sql.exec("PRAGMA journal_mode = DELETE");
  }
  { Database reopened(db); }
  Sql sql(db);
  EXPECT_EQ(sql.one("SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'normalized'"), "1");
  EXPECT_EQ(sql.one("SELECT count(*) FROM documents WHERE normalized IS NULL"), "5");  // rows kept as they were
  EXPECT_EQ(sql.one("PRAGMA journal_mode"), "wal");
}

TEST(Database, AnotherApplicationsDatabaseIsRefusedUnlessAllowed) {
  test::TempDir dir;
  const auto db = dir / "crm.db";
  {
    Sql sql(db);
    sql.exec("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES('Acme')");
  }
  try {
    Database database(db);
    FAIL() << "added unres's tables to another application's database";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("not an unres database (it holds tables of another application: customers)"),
              std::string::npos) << e.what();
  }
  {
    Sql sql(db);
    EXPECT_EQ(sql.one("SELECT count(*) FROM sqlite_master"), "1");  // nothing added
    EXPECT_EQ(sql.one("PRAGMA journal_mode"), "delete");            // not even WAL
  }
  { Database allowed(db, TableRegistry::builtin(), /*allow_foreign=*/true); }
  { Database unres_own(db); }  // from then on it is unres's too
  Sql sql(db);
  EXPECT_EQ(sql.one("SELECT name FROM customers"), "Acme");
  EXPECT_EQ(sql.one("SELECT count(*) FROM sqlite_master WHERE name = 'resolutions'"), "1");
}

TEST(Database, UnopenableFileIsADatabaseError) {
  test::TempDir dir;
  EXPECT_THROW(Database(dir / "no-such-dir" / "unres.db"), DatabaseError);
  test::write_text(dir / "junk.db", std::string(4096, 'x'));
  EXPECT_THROW(Database(dir / "junk.db"), DatabaseError);
}

}  // namespace
}  // namespace unres
