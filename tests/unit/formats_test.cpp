// formats/format.h: a format registered by a caller, without touching the pipeline, is detected,
// read and loaded like the built-in ones; its rendered source text is stored and every row's
// offsets cut their text out of it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "common.h"
#include "errors.h"
#include "formats/format.h"
#include "pipeline.h"
#include "sql.h"
#include "text.h"

namespace unres {
namespace {

// A toy structured format: a first line "TOY <symbol>", then one paragraph per line, "P " for a
// preambular and "O " for an operative one. The reader renders the paragraphs as a plain text
// (operative ones numbered) and states the resolution's shape and symbol outright.
class ToyFormat final : public Format {
 public:
  std::string_view id() const override { return "toy"; }
  bool detects(std::string_view head, const RuleSet&) const override { return head.starts_with("TOY "); }
  Reading read(const SourceFile& file, const RuleSet&) const override {
    Reading reading;
    Reading::Part part;
    std::istringstream in(file.bytes);
    std::string line, text;
    std::getline(in, line);
    part.facts.metadata["symbol"] = std::string(trim(std::string_view(line).substr(4)));
    int preambular = 0, operative = 0;
    while (std::getline(in, line)) {
      if (line.size() < 3 || (line[0] != 'P' && line[0] != 'O')) throw InputError("read", 0, "not a toy paragraph");
      ParagraphSegment p;
      p.kind = line[0] == 'P' ? "preambular" : "operative";
      p.ordinal = line[0] == 'P' ? ++preambular : ++operative;
      if (line[0] == 'O') p.number = std::to_string(p.ordinal);
      const std::size_t begin = text.size();
      if (!p.number.empty()) text += p.number + ". ";
      p.body = {text.size(), text.size() + line.size() - 2};
      text += line.substr(2);
      p.line = {begin, text.size()};
      text += '\n';
      part.segments.paragraphs.push_back(p);
    }
    part.span.text = {0, text.size()};
    part.span.footnotes = {text.size(), text.size()};
    reading.text.format = "toy";
    reading.text.encoding = "utf-8";
    reading.text.text = text;
    reading.text.map = OffsetMap::identity(text.size());
    reading.source_text = text;
    reading.parts.push_back(std::move(part));
    return reading;
  }
};

const char* kToy =
    "TOY A/RES/99/1\n"
    "P Recalling its resolution 70/1 of 25 September 2015,\n"
    "O Requests the Secretary-General to submit a report on the implementation of the present resolution "
    "to the General Assembly at its eighty-first session;\n";

FormatRegistry toy_and_text() {
  FormatRegistry formats;
  formats.add(std::make_unique<ToyFormat>());
  formats.add(make_text_format());
  return formats;
}

SourceFile source(std::string path, std::string bytes) {
  SourceFile f;
  f.path = std::move(path);
  f.bytes = std::move(bytes);
  return f;
}

TEST(Formats, AToyFormatIsReadAndTheRulesExtractFromItsText) {
  const FormatRegistry formats = toy_and_text();
  const auto& rules = test::default_rules();
  const Document doc = parse(source("a.toy", kToy), rules, nullptr, formats);
  EXPECT_EQ(doc.format, "toy");
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.meta.at("symbol"), "A/RES/99/1");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs[1].number, "1");
  // The rules still find what they find in text: the lead phrase, the citation, the deadline.
  bool request = false;
  for (const auto& a : r.actions) request |= a.is_lead && a.lemma == "request" && a.paragraph == 1;
  EXPECT_TRUE(request);
  bool cites = false;
  for (const auto& c : r.citations) cites |= c.target == "A/RES/70/1";
  EXPECT_TRUE(cites);
  ASSERT_FALSE(r.deadlines.empty());
  EXPECT_EQ(r.deadlines[0].session, 81);
  // Every span cuts its text out of the rendered source text.
  for (const auto& p : r.paragraphs)
    EXPECT_NE(doc.source_text.substr(p.span.begin, p.span.size()).find(p.text), std::string::npos) << p.text;
  for (const auto& a : r.actions) EXPECT_EQ(doc.source_text.substr(a.span.begin, a.span.size()), a.phrase);
}

TEST(Formats, FilesTheToyDoesNotClaimFallThroughToText) {
  const FormatRegistry formats = toy_and_text();
  const Document doc = parse(test::read_data("seeds/000_6ebaee88ab77a99b.txt"), test::default_rules(), nullptr, formats);
  EXPECT_NE(doc.format, "toy");
  EXPECT_TRUE(doc.source_text.empty());  // a text file is its own source text
}

TEST(Formats, AFileNoFormatClaimsIsAPlainInputError) {
  FormatRegistry formats;
  formats.add(std::make_unique<ToyFormat>());
  try {
    (void)parse(source("x.txt", "hello"), test::default_rules(), nullptr, formats);
    FAIL() << "no format should read it";
  } catch (const InputError& e) {
    EXPECT_EQ(e.stage(), "read");
    EXPECT_NE(std::string(e.what()).find("not a kind of file unres reads"), std::string::npos);
  }
}

TEST(Formats, IngestLoadsAToyFileAndStoresItsSourceText) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "in");
  test::write_text(dir / "in" / "a.toy", kToy);
  const FormatRegistry formats = toy_and_text();
  IngestOptions options;
  options.inputs = {dir / "in"};
  options.database = dir / "t.db";
  options.formats = &formats;
  std::ostringstream log;
  const auto result = ingest(test::default_rules(), options, log);
  EXPECT_EQ(result.counts.loaded, 1) << log.str();

  test::Sql db(options.database);
  const auto one = [&](const char* sql) { return db.one(sql); };
  EXPECT_EQ(one("SELECT format FROM documents"), "toy");
  EXPECT_EQ(one("SELECT count(*) FROM document_texts"), "1");
  // The operative paragraph's offsets cut "1. Requests ..." out of the stored text.
  EXPECT_EQ(one("SELECT substr(t.text, p.start_offset + 1, 14) FROM paragraphs p JOIN resolutions r ON r.id = "
                "p.resolution_id JOIN document_texts t ON t.document_id = r.document_id WHERE p.kind = 'operative'"),
            "1. Requests th");
}

}  // namespace
}  // namespace unres
