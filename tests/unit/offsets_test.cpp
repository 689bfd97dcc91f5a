// normalize.h (OffsetMap) and the raw spans of every record that pipeline.h's parse() produces:
// each span must lie in the file and cut the raw bytes where the record's text came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "common.h"
#include "errors.h"
#include "normalize.h"
#include "pipeline.h"
#include "text.h"

namespace unres {
namespace {

using test::canonical;
using test::default_rules;

std::string cut(const SourceFile& file, const Span& span) { return file.bytes.substr(span.begin, span.size()); }

// The first word of `text` (up to a space or a comma).
std::string first_word(std::string_view text) {
  const auto end = text.find_first_of(" ,");
  return std::string(text.substr(0, end));
}

class CorpusFile : public ::testing::TestWithParam<std::filesystem::path> {};

std::string file_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

TEST_P(CorpusFile, OffsetMapPiecesTileTheNormalizedText) {
  const SourceFile file = test::read_data(GetParam());
  const NormalizedText n = normalize(file, default_rules());
  const auto& pieces = n.map.pieces();
  ASSERT_FALSE(pieces.empty());
  std::size_t norm = 0;
  for (const auto& p : pieces) {
    ASSERT_EQ(p.norm, norm) << "pieces must be contiguous";
    ASSERT_LE(p.raw + p.raw_length, file.bytes.size());
    if (p.copied) {
      ASSERT_EQ(p.length, p.raw_length);
      ASSERT_EQ(n.text.substr(p.norm, p.length), file.bytes.substr(p.raw, p.length)) << "copied piece at " << p.norm;
    } else {
      // Synthetic: a separator or a character replacement of the rules.
      const std::string synthetic = n.text.substr(p.norm, p.length);
      const std::string source = file.bytes.substr(p.raw, p.raw_length);
      bool known = synthetic == "\n" || synthetic == " ";
      for (const auto& [from, to] : default_rules().replacements)
        known |= source == from && synthetic == to;
      EXPECT_TRUE(known) << "synthetic piece '" << synthetic << "' for '" << source << "' at " << p.norm;
    }
    norm += p.length;
  }
  EXPECT_EQ(norm, n.text.size());
  // Every normalized offset maps into the file, and copied bytes map onto equal bytes.
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    const std::size_t raw = n.map.to_raw(i);
    ASSERT_LE(raw, file.bytes.size());
    ASSERT_LE(n.map.to_raw_end(i + 1), file.bytes.size());
  }
  for (const auto& p : pieces) {
    if (!p.copied) continue;
    for (std::size_t k = 0; k < p.length; k += 97) {
      ASSERT_EQ(file.bytes[n.map.to_raw(p.norm + k)], n.text[p.norm + k]);
    }
  }
}

TEST_P(CorpusFile, EveryRecordSpanCutsItsSourceText) {
  const RuleSet& rules = default_rules();
  const SourceFile file = test::read_data(GetParam());
  const Document parsed = parse(file, rules);
  ASSERT_FALSE(parsed.resolutions.empty());
  const std::size_t size = file.bytes.size();
  const auto in_file = [&](const Span& s) { return s.begin <= s.end && s.end <= size; };
  for (const auto& r : parsed.resolutions) {
    SCOPED_TRACE(r.meta.count("symbol") ? r.meta.at("symbol") : "?");
    EXPECT_TRUE(in_file(r.span));
    for (const auto& p : r.paragraphs) {
      ASSERT_TRUE(in_file(p.span)) << p.text;
      EXPECT_LT(p.span.begin, p.span.end);
      EXPECT_TRUE(r.span.begin <= p.span.begin && p.span.end <= r.span.end) << "paragraph outside its resolution";
      // The text starts where the span does (after its label): its first words are in the cut.
      const std::string raw = canonical(cut(file, p.span), rules);
      const std::string head = p.text.substr(0, std::min<std::size_t>(p.text.size(), 24));
      EXPECT_NE(raw.find(head), std::string::npos) << "paragraph '" << head << "' not in '" << raw.substr(0, 80) << "'";
    }
    // Paragraphs are disjoint (a sub-paragraph is a line of its own); in one-paragraph-per-line
    // layouts footnotes are disjoint from them too. (In PDF text a paragraph that runs across a
    // page break spans that page's footnotes.)
    std::vector<Span> spans;
    for (const auto& p : r.paragraphs) spans.push_back(p.span);
    if (parsed.format == "ods-text")
      for (const auto& f : r.footnotes) spans.push_back(f.span);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < spans.size(); ++i)
      EXPECT_LE(spans[i - 1].end, spans[i].begin) << "overlapping spans at " << spans[i].begin;
    for (const auto& f : r.footnotes) {
      ASSERT_TRUE(in_file(f.span)) << f.text;
      const std::string raw = canonical(cut(file, f.span), rules);
      EXPECT_EQ(raw.rfind(std::to_string(f.number), 0), 0u) << "footnote line starts with its number: " << raw;
      const std::string head = f.text.substr(0, std::min<std::size_t>(f.text.size(), 24));
      EXPECT_NE(raw.find(head), std::string::npos) << "footnote '" << head << "' not in '" << raw << "'";
    }
    for (const auto& a : r.actions) {
      ASSERT_TRUE(in_file(a.span)) << a.phrase;
      const auto& para = r.paragraphs.at(a.paragraph);
      EXPECT_TRUE(para.span.begin <= a.span.begin && a.span.end <= para.span.end) << a.phrase;
      const std::string raw = canonical(cut(file, a.span), rules);
      EXPECT_EQ(raw.rfind(first_word(a.phrase), 0), 0u) << "action '" << a.phrase << "' vs raw '" << raw << "'";
      EXPECT_EQ(raw, a.phrase) << "action phrase vs its raw span";
    }
    for (const auto& m : r.mentions) {
      ASSERT_TRUE(in_file(m.span)) << m.surface;
      EXPECT_EQ(canonical(cut(file, m.span), rules), fold_space(m.surface));
    }
    for (const auto& c : r.citations) {
      ASSERT_TRUE(in_file(c.span)) << c.surface;
      EXPECT_EQ(canonical(cut(file, c.span), rules), c.surface) << c.rule_id;
      EXPECT_TRUE((c.paragraph >= 0) != (c.footnote >= 0)) << "exactly one of paragraph and footnote";
    }
    for (const auto& ref : r.footnote_refs) {
      ASSERT_LT(ref.offset, size);
      const auto& para = r.paragraphs.at(ref.paragraph);
      EXPECT_TRUE(para.span.begin <= ref.offset && ref.offset < para.span.end);
      const std::string number = std::to_string(r.footnotes.at(ref.footnote).number);
      EXPECT_EQ(file.bytes.substr(ref.offset, number.size()), number) << "footnote mark at " << ref.offset;
    }
    for (const auto& d : r.deadlines) {
      ASSERT_TRUE(in_file(d.span)) << d.rule_id;
      const auto& para = r.paragraphs.at(d.paragraph);
      EXPECT_TRUE(para.span.begin <= d.span.begin && d.span.end <= para.span.end) << d.rule_id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Data, CorpusFile, ::testing::ValuesIn(test::corpus_files()), file_name);

TEST(Normalize, OdsTextKeepsTheTextOfEachLine) {
  const RuleSet& rules = default_rules();
  int checked = 0;
  for (const auto& path : test::corpus_files()) {
    const SourceFile file = test::read_data(path);
    const NormalizedText n = normalize(file, rules);
    if (n.format != "ods-text") continue;
    ++checked;
    SCOPED_TRACE(path.string());
    // One normalized line per raw line: trailing white space dropped, replacements applied.
    std::string expected;
    for (const auto& l : split_lines(file.bytes)) {
      std::string_view line(file.bytes.data() + l.begin, l.end - l.begin);
      const auto last = line.find_last_not_of(" \t\f\v");
      line = last == std::string_view::npos ? std::string_view() : line.substr(0, last + 1);
      expected += test::apply_replacements(line, rules) + "\n";
    }
    EXPECT_EQ(n.text, expected);
    // Normalizing the normalized text again changes nothing.
    SourceFile again = file;
    again.bytes = n.text;
    EXPECT_EQ(normalize(again, rules).text, n.text);
  }
  EXPECT_GE(checked, 8);
}

TEST(Normalize, PdfTextJoinsWrappedLinesAndMovesFootnotesToTheEnd) {
  const RuleSet& rules = default_rules();
  const SourceFile file = test::read_data("pdftext/A_RES_78_11.txt");
  const NormalizedText n = normalize(file, rules);
  EXPECT_EQ(n.format, "pdf-text");
  ASSERT_NE(n.footnotes_begin, std::string::npos);
  ASSERT_LT(n.footnotes_begin, n.text.size());
  EXPECT_NE(n.text.find("Taking note of the report of the Secretary-General on the situation in the Middle East,1\n"),
            std::string::npos);
  const std::string footnotes = n.text.substr(n.footnotes_begin);
  EXPECT_EQ(footnotes.rfind("1 A/78/315.\n", 0), 0u) << footnotes;
  EXPECT_NE(footnotes.find("2 United Nations, Treaty Series, vol. 75, No. 973.\n"), std::string::npos) << footnotes;
  // The second page's header (symbol, title, job number, page counter) is dropped: the paragraph
  // before it and the one after it are adjacent lines.
  EXPECT_EQ(n.text.find("2/2"), std::string::npos);
  EXPECT_NE(n.text.find("19 March 1978 and the formula of land for peace,\nExpressing grave concern over the halt in the "
                        "peace process on the Syrian track, and expressing the hope"),
            std::string::npos);
}

TEST(Normalize, ReplacementsMapBackToTheirSourceBytes) {
  const RuleSet& rules = default_rules();
  SourceFile file;
  file.path = "inline.txt";
  // "Secretary\u2011General" with a non-breaking hyphen, and a no-break space.
  file.bytes = "[DU1]\nSecretary\xE2\x80\x91General\xC2\xA0x  \n";
  const NormalizedText n = normalize(file, rules);
  EXPECT_EQ(n.text, "[DU1]\nSecretary-General x\n");
  const std::size_t hyphen = n.text.find('-');
  EXPECT_EQ(n.map.to_raw(hyphen), file.bytes.find('\xE2'));
  EXPECT_EQ(n.map.to_raw_end(hyphen + 1), file.bytes.find('\xE2') + 3);
  const std::size_t g = n.text.find("General");
  EXPECT_EQ(n.map.to_raw(g), file.bytes.find("General"));
  const Span whole = n.raw_span({n.text.find("Secretary"), n.text.find(" x")});
  EXPECT_EQ(file.bytes.substr(whole.begin, whole.size()), "Secretary\xE2\x80\x91General");
}

TEST(Normalize, RejectsBinaryInvalidUtf8AndUnknownLayouts) {
  const RuleSet& rules = default_rules();
  struct Row {
    std::string bytes, reason;
  };
  const Row rows[] = {
      {std::string("[DU1]\nab\0cd", 11), "binary file (NUL byte at offset 8)"},
      {"[DU1]\nab\x81", "invalid UTF-8 at offset 8"},          // 0x81: not Windows-1252 either
      {"[DU1]\n\x01\xE2\x80", "invalid UTF-8 at offset 7"},  // truncated, with a control character
      {"Just a note.\n", "no known layout"},
  };
  for (const auto& row : rows) {
    SourceFile file;
    file.bytes = row.bytes;
    try {
      (void)normalize(file, rules);
      ADD_FAILURE() << "accepted: " << row.reason;
    } catch (const InputError& e) {
      EXPECT_EQ(e.stage(), "normalize");
      EXPECT_NE(std::string(e.what()).find(row.reason), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace unres
