// AKN4UN XML through ingest() (formats/akn_format.cpp): the rows of a few real files, their
// offsets into the stored source text, linked citations and marked lead phrases, one row per
// (symbol, language), and the rebuild of a resolutions table made before languages
// (UNIQUE(symbol) -> UNIQUE(symbol, language)).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common.h"
#include "pipeline.h"
#include "sql.h"
#include "store/database.h"
#include "store/writer.h"

namespace unres {
namespace {

using test::Sql;

void copy_akn(const std::filesystem::path& dir, const std::string& file, const std::string& as = "") {
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(test::data_dir() / "akn" / file, dir / (as.empty() ? file : as));
}

IngestResult run(const std::filesystem::path& db, const std::filesystem::path& input, std::string* log = nullptr,
                 const RuleSet& rules = test::default_rules()) {
  IngestOptions options;
  options.database = db;
  options.inputs = {input};
  std::ostringstream out;
  IngestResult result = ingest(rules, options, out);
  if (log) *log = out.str();
  return result;
}

TEST(AknIngest, RowsPointIntoTheStoredSourceText) {
  test::TempDir dir;
  copy_akn(dir / "in", "A_RES_78_11-2323817E.xml");
  copy_akn(dir / "in", "A_RES_78_11-2323817F.xml");
  copy_akn(dir / "in", "S_RES_2524_2020-2007457E.xml");
  copy_akn(dir / "in", "E_RES_2024_11-2414119E.xml");
  std::string log;
  const auto result = run(dir / "t.db", dir / "in", &log);
  EXPECT_EQ(result.counts.loaded, 4) << log;
  EXPECT_EQ(result.counts.quarantined, 0) << log;

  Sql sql(dir / "t.db");
  EXPECT_EQ(sql.rows("SELECT DISTINCT format FROM documents"), std::vector<std::string>{"akn"});
  EXPECT_EQ(sql.one("SELECT count(*) FROM document_texts"), "4");
  // One row per symbol and language, with the metadata the XML states.
  EXPECT_EQ(sql.rows("SELECT symbol, language, body, session, number, year, meeting, draft_symbol FROM resolutions "
                     "ORDER BY symbol, language"),
            (std::vector<std::string>{"A/RES/78/11|en|A|78|11|NULL|40|A/78/L.10", "A/RES/78/11|fr|A|78|11|NULL|40|A/78/L.10",
                                      "E/RES/2024/11|en|E|2024|11|2024|37|E/CN.15/2024/L.6/Rev.1",
                                      "S/RES/2524(2020)|en|S|NULL|2524|2020|NULL|S/2020/485"}));
  // The two languages align by ordinal.
  EXPECT_EQ(sql.rows("SELECT r.language, p.kind, count(*) FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id "
                     "WHERE r.symbol = 'A/RES/78/11' AND p.parent_id IS NULL GROUP BY 1, 2 ORDER BY 1, 2"),
            (std::vector<std::string>{"en|operative|8", "en|preambular|9", "fr|operative|8", "fr|preambular|9"}));

  // Every paragraph's offsets cut a line of the stored text that holds the paragraph's text (its
  // beginning: the text leaves out footnote marks, "1949,2" is "1949,").
  const std::string cut_paragraphs =
      "SELECT count(*), sum(instr(cut(t.text, p.start_offset, p.end_offset), substr(p.text, 1, 30)) > 0) "
      "FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id JOIN document_texts t ON t.document_id = r.document_id";
  const std::string counts = sql.one(cut_paragraphs);
  const std::string total = counts.substr(0, counts.find('|'));
  EXPECT_EQ(counts, total + "|" + total);
  EXPECT_GT(std::stoi(total), 60);
  EXPECT_EQ(sql.one("SELECT cut(t.text, p.start_offset, p.start_offset + 10) FROM paragraphs p JOIN resolutions r ON r.id = "
                    "p.resolution_id JOIN document_texts t ON t.document_id = r.document_id WHERE r.symbol = 'A/RES/78/11' "
                    "AND r.language = 'en' AND p.kind = 'operative' AND p.ordinal = 3"),
            "3. Reaffir");
  // Footnotes too.
  EXPECT_EQ(sql.one("SELECT count(*) FROM footnotes f JOIN resolutions r ON r.id = f.resolution_id JOIN document_texts t "
                    "ON t.document_id = r.document_id WHERE instr(cut(t.text, f.start_offset, f.end_offset), f.text) = 0"),
            "0");

  // Linked citations: rule akn.link, their surface is the link's text at their offsets.
  EXPECT_GT(std::stoi(sql.one("SELECT count(*) FROM citations WHERE rule_id = 'akn.link'")), 3);
  EXPECT_EQ(sql.one("SELECT count(*) FROM citations c JOIN resolutions r ON r.id = c.resolution_id JOIN document_texts t "
                    "ON t.document_id = r.document_id WHERE c.rule_id = 'akn.link' AND "
                    "cut(t.text, c.start_offset, c.end_offset) <> c.surface"),
            "0");
  // A link that repeats a citation the rules found at the same place adds no row.
  EXPECT_EQ(sql.one("SELECT count(*) FROM citations a JOIN citations b ON a.resolution_id = b.resolution_id AND a.id < b.id "
                    "AND a.target = b.target AND a.paragraph_id IS b.paragraph_id AND a.footnote_id IS b.footnote_id "
                    "AND a.start_offset < b.end_offset AND b.start_offset < a.end_offset "
                    "AND (a.rule_id = 'akn.link' OR b.rule_id = 'akn.link')"),
            "0");
  EXPECT_EQ(sql.rows("SELECT DISTINCT c.target FROM citations c JOIN resolutions r ON r.id = c.resolution_id "
                     "WHERE r.symbol = 'A/RES/78/11' AND r.language = 'fr' AND c.target = 'S/RES/497(1981)'"),
            std::vector<std::string>{"S/RES/497(1981)"});

  // The lead phrase the XML marks, in French as in English; every paragraph of both has one.
  EXPECT_EQ(sql.one("SELECT a.phrase || '|' || a.rule_id FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
                    "JOIN resolutions r ON r.id = p.resolution_id WHERE r.symbol = 'A/RES/78/11' AND r.language = 'fr' "
                    "AND p.kind = 'operative' AND p.ordinal = 3 AND a.is_lead = 1"),
            "Réaffirme|akn.lead");
  EXPECT_EQ(sql.one("SELECT a.phrase || '|' || a.lemma FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
                    "JOIN resolutions r ON r.id = p.resolution_id WHERE r.symbol = 'A/RES/78/11' AND r.language = 'en' "
                    "AND p.kind = 'operative' AND p.ordinal = 3 AND a.is_lead = 1"),
            "Reaffirms its determination|reaffirm determination");
  EXPECT_EQ(sql.one("SELECT count(*) FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id WHERE r.symbol = "
                    "'A/RES/78/11' AND p.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM action_verbs a WHERE "
                    "a.paragraph_id = p.id AND a.is_lead = 1)"),
            "0");
}

// Issue 16: a translation's lead phrase takes the action of the aligned English paragraph when the
// English resolution is loaded, in whichever run it comes, and the lexicon's again when it goes.
TEST(AknIngest, ATranslationTakesTheActionOfTheAlignedEnglishParagraph) {
  test::TempDir dir;
  copy_akn(dir / "fr", "A_RES_78_11-2323817F.xml");
  const auto db = dir / "t.db";
  run(db, dir / "fr");
  const std::string sources =
      "SELECT a.action_source, count(*) FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
      "JOIN resolutions r ON r.id = p.resolution_id WHERE r.language = 'fr' AND a.is_lead = 1 GROUP BY 1";
  // Each French lead beside the English lead of the same kind and ordinal (the English's phrase is
  // 'Stressing' where the French says 'Soulignant', the lexicon's 'emphasize').
  const std::string pairs =
      "SELECT p.kind, p.ordinal, a.phrase, a.action, a.action_source, ea.action FROM action_verbs a "
      "JOIN paragraphs p ON p.id = a.paragraph_id AND p.parent_id IS NULL JOIN resolutions r ON r.id = p.resolution_id "
      "JOIN resolutions e ON e.symbol = r.symbol AND e.language = 'en' "
      "JOIN paragraphs ep ON ep.resolution_id = e.id AND ep.kind = p.kind AND ep.ordinal = p.ordinal AND ep.parent_id IS NULL "
      "JOIN action_verbs ea ON ea.paragraph_id = ep.id AND ea.is_lead = 1 WHERE r.language = 'fr' AND a.is_lead = 1";
  {
    Sql sql(db);
    EXPECT_EQ(sql.rows(sources), std::vector<std::string>{"lexicon|17"});
    // Without the English, "Soulignant" is the lexicon's one reading of it.
    EXPECT_EQ(sql.one("SELECT action FROM action_verbs WHERE phrase = 'Soulignant'"), "emphasize");
  }

  copy_akn(dir / "en", "A_RES_78_11-2323817E.xml");
  const auto result = run(db, dir / "en");
  EXPECT_GT(result.aligned_actions, 0);
  {
    Sql sql(db);
    EXPECT_EQ(sql.rows(sources), std::vector<std::string>{"english|17"});
    const auto rows = sql.rows(pairs);
    ASSERT_EQ(rows.size(), 17u);
    for (const auto& row : rows) {
      const auto last = row.rfind('|'), source = row.rfind('|', last - 1), action = row.rfind('|', source - 1);
      EXPECT_EQ(row.substr(action + 1, source - action - 1), row.substr(last + 1)) << row;
    }
    // The English says which of its readings the French verb has here.
    EXPECT_EQ(sql.one("SELECT action FROM action_verbs WHERE phrase = 'Soulignant'"), "stress");
  }

  {
    Database store(db);
    Batch batch(store);
    ASSERT_TRUE(forget_file(store, (dir / "en" / "A_RES_78_11-2323817E.xml").string()));
    batch.commit();
  }
  run(db, dir / "fr");   // unchanged: the run only aligns again
  Sql sql(db);
  EXPECT_EQ(sql.rows(sources), std::vector<std::string>{"lexicon|17"});
  EXPECT_EQ(sql.one("SELECT action FROM action_verbs WHERE phrase = 'Soulignant'"), "emphasize");
}

// A lexicon's `when` alternative gives the action and says so in the rule id; it is the action
// again once the English that overrode it is gone.
TEST(AknIngest, AContextAlternativeIsKeptThroughAlignment) {
  auto sources = default_rule_sources();
  sources.push_back({"my/phrases.fr-test.yaml",
                     "extends: phrases\nlanguage: fr\nphrases:\n  - lemma: \"déclare\"\n    action: declare\n"
                     "    when:\n      - follows: \"qu’Israël\"\n        action: affirm\n"});
  const RuleSet rules = load_rules(sources);
  test::TempDir dir;
  copy_akn(dir / "fr", "A_RES_78_11-2323817F.xml");
  const auto db = dir / "t.db";
  run(db, dir / "fr", nullptr, rules);
  const std::string lead =
      "SELECT a.action || '|' || a.action_source || '|' || a.rule_id FROM action_verbs a JOIN paragraphs p "
      "ON p.id = a.paragraph_id JOIN resolutions r ON r.id = p.resolution_id WHERE r.language = 'fr' "
      "AND p.kind = 'operative' AND p.ordinal = ";
  {
    Sql sql(db);
    EXPECT_EQ(sql.one(lead + "1 AND a.is_lead = 1"), "affirm|lexicon|akn.lead+when.1");   // "Déclare qu’Israël"
    EXPECT_EQ(sql.one(lead + "2 AND a.is_lead = 1"), "declare|lexicon|akn.lead");   // "Déclare également que"
  }
  copy_akn(dir / "en", "A_RES_78_11-2323817E.xml");
  run(db, dir / "en", nullptr, rules);
  EXPECT_EQ(Sql(db).one(lead + "1 AND a.is_lead = 1"), "declare|english|akn.lead+when.1");
  {
    Database store(db);
    Batch batch(store);
    ASSERT_TRUE(forget_file(store, (dir / "en" / "A_RES_78_11-2323817E.xml").string()));
    batch.commit();
  }
  run(db, dir / "fr", nullptr, rules);
  EXPECT_EQ(Sql(db).one(lead + "1 AND a.is_lead = 1"), "affirm|lexicon|akn.lead+when.1");
}

TEST(AknIngest, TheSameSymbolConflictsOnlyInTheSameLanguage) {
  test::TempDir dir;
  copy_akn(dir / "in", "A_RES_78_11-2323817F.xml", "a.xml");
  copy_akn(dir / "in", "A_RES_78_11-2323817F.xml", "b.xml");
  copy_akn(dir / "in", "A_RES_78_11-2323817E.xml", "c.xml");
  std::string log;
  const auto result = run(dir / "t.db", dir / "in", &log);
  EXPECT_EQ(result.counts.loaded, 2) << log;
  EXPECT_EQ(result.counts.quarantined, 1) << log;
  EXPECT_NE(log.find("conflicting symbol: A/RES/78/11 (fr) is already loaded from"), std::string::npos) << log;
  Sql sql(dir / "t.db");
  EXPECT_EQ(sql.rows("SELECT d.path LIKE '%b.xml', r.language FROM resolutions r JOIN documents d ON d.id = r.document_id "
                     "ORDER BY r.language"),
            (std::vector<std::string>{"0|en", "0|fr"}));
  // The key holds in the table too.
  EXPECT_FALSE(sql.try_exec("INSERT INTO resolutions(symbol, language, document_id, start_offset, end_offset) "
                        "VALUES('A/RES/78/11', 'fr', 1, 0, 0)"));
  EXPECT_TRUE(sql.try_exec("INSERT INTO resolutions(symbol, language, document_id, start_offset, end_offset) "
                       "VALUES('A/RES/78/11', 'es', 1, 0, 0)"));
}

// The resolutions table as unres made it before languages (schema.sql of 2bf399f).
const char* kResolutionsBeforeLanguages = R"(
CREATE TABLE resolutions_old (
  id              INTEGER PRIMARY KEY,
  symbol          TEXT NOT NULL UNIQUE,
  body            TEXT,
  session         INTEGER,
  number          INTEGER,
  title           TEXT,
  adopted_on      TEXT,
  committee       TEXT,
  basis_symbol    TEXT,
  plenary_meeting INTEGER,
  agenda_item     TEXT,
  distributed_on  TEXT,
  job_number      TEXT,
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset    INTEGER NOT NULL,
  end_offset      INTEGER NOT NULL
);
INSERT INTO resolutions_old SELECT id, symbol, body, session, number, title, adopted_on, committee, basis_symbol,
  plenary_meeting, agenda_item, distributed_on, job_number, document_id, start_offset, end_offset FROM resolutions;
PRAGMA legacy_alter_table = ON;
DROP TABLE resolutions;
ALTER TABLE resolutions_old RENAME TO resolutions;
CREATE INDEX resolutions_document ON resolutions(document_id);
CREATE INDEX resolutions_session ON resolutions(session, number);
DELETE FROM meta WHERE key = 'schema_fingerprint';
)";

TEST(AknIngest, AResolutionsTableKeyedBySymbolAloneIsRebuilt) {
  test::TempDir dir;
  const auto db = dir / "t.db";
  std::filesystem::create_directories(dir / "seeds");
  std::filesystem::copy_file(test::data_dir() / "seeds" / "000_6ebaee88ab77a99b.txt", dir / "seeds" / "a.txt");
  ASSERT_EQ(run(db, dir / "seeds").counts.loaded, 1);
  std::vector<std::string> before;
  {
    Sql sql(db);
    ASSERT_TRUE(sql.try_exec(kResolutionsBeforeLanguages));
    before = sql.rows("SELECT r.id, r.symbol, r.title, count(p.id) FROM resolutions r JOIN paragraphs p ON "
                      "p.resolution_id = r.id GROUP BY r.id");
    ASSERT_EQ(sql.rows("SELECT name FROM pragma_table_info('resolutions') WHERE name = 'language'").size(), 0u);
  }
  // Opening it for a load rebuilds the table: same rows and ids, language 'en', the new key.
  copy_akn(dir / "xml", "A_RES_78_11-2323817F.xml");
  std::string log;
  EXPECT_EQ(run(db, dir / "xml", &log).counts.loaded, 1) << log;
  Sql sql(db);
  EXPECT_EQ(sql.rows("SELECT r.id, r.symbol, r.title, count(p.id) FROM resolutions r JOIN paragraphs p ON "
                     "p.resolution_id = r.id WHERE r.language = 'en' GROUP BY r.id"),
            before);
  EXPECT_EQ(sql.rows("SELECT language FROM resolutions ORDER BY id"), (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(sql.one("SELECT group_concat(name) FROM pragma_index_info((SELECT name FROM pragma_index_list('resolutions') "
                    "WHERE origin = 'u'))"),
            "symbol,language");
  EXPECT_EQ(sql.rows("SELECT name FROM sqlite_master WHERE tbl_name = 'resolutions' AND type = 'index' AND sql IS NOT NULL "
                     "ORDER BY name"),
            (std::vector<std::string>{"resolutions_document", "resolutions_session"}));
  EXPECT_EQ(sql.one("SELECT count(*) FROM sqlite_master WHERE name LIKE 'resolutions_%' AND type = 'table'"), "0");
  EXPECT_EQ(sql.rows("PRAGMA foreign_key_check").size(), 0u);
  // The views still read it.
  EXPECT_EQ(sql.one("SELECT count(*) FROM v_resolutions"), "2");
}

}  // namespace
}  // namespace unres
