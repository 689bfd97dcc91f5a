// model/tables.h: the table registry. A table added through the registry alone is created,
// filled and emptied on reload by the writer, and keeps its ids when it declares a stable key;
// resolution metadata is checked against the types.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "common.h"
#include "errors.h"
#include "model/tables.h"
#include "pipeline.h"
#include "sql.h"

namespace unres {
namespace {

using test::one;

std::span<const ParagraphRecord> paragraphs_of(const ResolutionRecord& r) { return r.paragraphs; }

// A toy table: one row per paragraph, its length in bytes.
TableRegistry with_toy_table() {
  TableRegistry registry = TableRegistry::builtin();
  registry.add(make_table<ParagraphRecord>(
      "paragraph_lengths", "paragraph_id", "paragraphs", &paragraphs_of,
      {{"paragraph_id", ColumnType::integer,
        [](const ParagraphRecord&, const RowIds& ids) -> ColumnValue { return ids.paragraphs.at(ids.row); }},
       {"bytes", ColumnType::integer,
        [](const ParagraphRecord& p, const RowIds&) -> ColumnValue { return static_cast<std::int64_t>(p.text.size()); }}}));
  return registry;
}

TEST(Tables, AToyTableAddedThroughTheRegistryIsCreatedFilledAndReloaded) {
  test::TempDir dir;
  const TableRegistry registry = with_toy_table();
  IngestOptions options;
  options.inputs = {test::data_dir() / "seeds"};
  options.database = dir / "t.db";
  options.tables = &registry;
  std::ostringstream log;
  ASSERT_EQ(ingest(test::default_rules(), options, log).counts.quarantined, 0) << log.str();
  const std::string paragraphs = one(options.database, "SELECT count(*) FROM paragraphs");
  EXPECT_NE(paragraphs, "0");
  EXPECT_EQ(one(options.database, "SELECT count(*) FROM paragraph_lengths"), paragraphs);
  // Each row points at its paragraph, whose text has that many bytes.
  EXPECT_EQ(one(options.database, "SELECT count(*) FROM paragraph_lengths l JOIN paragraphs p ON p.id = l.paragraph_id "
                                  "WHERE length(CAST(p.text AS BLOB)) = l.bytes"),
            paragraphs);
  // Reloading replaces the rows: none are left behind.
  options.force = true;
  ASSERT_EQ(ingest(test::default_rules(), options, log).counts.loaded, 5) << log.str();
  EXPECT_EQ(one(options.database, "SELECT count(*) FROM paragraph_lengths"), paragraphs);
  EXPECT_EQ(one(options.database, "SELECT count(*) FROM paragraph_lengths WHERE paragraph_id NOT IN "
                                  "(SELECT id FROM paragraphs)"),
            "0");
}

TEST(Tables, AToyTableWithAStableKeyKeepsItsIdsOnReload) {
  test::TempDir dir;
  TableRegistry registry = with_toy_table();
  Table toy = *registry.find("paragraph_lengths");
  toy.stable_key = {{"bytes"}, ""};  // within its paragraph's key
  TableRegistry keyed;
  for (const auto& t : registry.tables()) keyed.add(t.name == toy.name ? toy : t);
  IngestOptions options;
  options.inputs = {test::data_dir() / "seeds"};
  options.database = dir / "t.db";
  options.tables = &keyed;
  std::ostringstream log;
  ASSERT_EQ(ingest(test::default_rules(), options, log).counts.quarantined, 0) << log.str();
  const char* const rows = "SELECT group_concat(l.id || ':' || p.id || ':' || l.bytes, ' ') FROM "
                           "(SELECT * FROM paragraph_lengths ORDER BY id) l JOIN paragraphs p ON p.id = l.paragraph_id";
  const std::string before = one(options.database, rows);
  // Forced reloads delete every row and write it again: in another order of files, the fresh ids
  // would differ (checked: without the key this fails); the keys give every row its id back.
  options.force = true;
  options.inputs = {test::data_dir() / "seeds" / "004_e48293b0b745954a.txt", test::data_dir() / "seeds"};
  ASSERT_EQ(ingest(test::default_rules(), options, log).counts.loaded, 5) << log.str();
  EXPECT_EQ(one(options.database, rows), before);
}

TEST(Tables, AStableKeyUnderAnUnkeyedParentIsRefused) {
  test::TempDir dir;
  const TableRegistry toy = with_toy_table();
  TableRegistry registry;
  for (const auto& t : toy.tables()) {
    Table copy = t;
    if (copy.name == "paragraphs") copy.stable_key = {};
    if (copy.name == "paragraph_lengths") copy.stable_key = {{"bytes"}, ""};
    registry.add(copy);
  }
  IngestOptions options;
  options.inputs = {test::data_dir() / "seeds" / "000_6ebaee88ab77a99b.txt"};
  options.database = dir / "t.db";
  options.tables = &registry;
  std::ostringstream log;
  try {
    (void)ingest(test::default_rules(), options, log);
    FAIL() << "no error";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("paragraph_lengths: a stable key needs a keyed parent table"), std::string::npos)
        << e.what();
  }
}

TEST(Tables, EveryBuiltInTableIsInTheSchemaWithItsColumns) {
  test::TempDir dir;
  IngestOptions options;
  options.inputs = {test::data_dir() / "seeds" / "000_6ebaee88ab77a99b.txt"};
  options.database = dir / "t.db";
  std::ostringstream log;
  (void)ingest(test::default_rules(), options, log);
  for (const auto& t : TableRegistry::builtin().tables())
    for (const auto& c : t.columns) {
      const std::string sql = "SELECT count(*) FROM pragma_table_info('" + t.name + "') WHERE name = '" + c.name + "'";
      EXPECT_EQ(one(options.database, sql.c_str()), "1") << t.name << "." << c.name;
    }
}

TEST(Tables, MetadataIsCheckedAgainstTheColumnTypes) {
  ResolutionRecord r;
  r.meta = {{"symbol", "A/RES/1/1"}, {"session", "1"}, {"adopted_on", "2014-05-19"}};
  EXPECT_FALSE(metadata_problem(r));
  r.meta["session"] = "sixty";
  EXPECT_EQ(metadata_problem(r).value_or(""), "session 'sixty' is not a whole number");
  r.meta["session"] = "60";
  r.meta["adopted_on"] = "19 May 2014";
  EXPECT_EQ(metadata_problem(r).value_or(""), "adopted_on '19 May 2014' is not a date");
  r.meta.erase("adopted_on");
  r.meta["colour"] = "blue";
  EXPECT_EQ(metadata_problem(r).value_or(""), "'colour' is not a column of resolutions");
}

}  // namespace
}  // namespace unres
