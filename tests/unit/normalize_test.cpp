// Each normalization step of the pdf-text layout on small made-up pages: unwrapping, furniture
// removal, footnote relocation, and the offset map back to the raw bytes.
#include <gtest/gtest.h>

#include <sstream>

#include "common.h"
#include "normalize.h"
#include "text.h"

namespace unres {
namespace {

using test::default_rules;

SourceFile source(std::string bytes) {
  SourceFile f;
  f.path = "test.txt";
  f.bytes = std::move(bytes);
  return f;
}

// A pdf-text masthead: the layout is detected by its "Distr.: General" line.
const std::string kMasthead = "United Nations \nA/RES/78/11 \n \nGeneral Assembly \nDistr.: General \n30 November 2023 \n \n";

TEST(FoldSpace, EveryRunOfWhiteSpaceBecomesOneSpaceAndTheEndsGo) {
  // The words, as a split on white space finds them, joined by single spaces.
  const auto reference = [](const std::string& text) {
    std::istringstream in(text);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
  };
  const std::vector<std::string> cases = {"", " ", "\t\n", "word", " word ", "a b", "a  b", "a\tb", "a \nb",
                                          "a\n\n\nb c", "\fa\vb\r\nc\t", "Recalling  its resolution\n70/1 of\t25 September 2015,",
                                          "é “quoted”  text\u00a0kept", "  many   runs  of   spaces  "};
  for (const auto& text : cases) EXPECT_EQ(fold_space(text), reference(text)) << "'" << text << "'";
}

TEST(ArabicMarks, TheFullTextIndexReadsWordsWithoutTheirMarks) {
  EXPECT_EQ(without_arabic_marks("no marks at all"), "no marks at all");
  // كَتَبَ (fatha U+064E after each letter) -> كتب; the tatweel U+0640 and dagger alif U+0670 go too.
  EXPECT_EQ(without_arabic_marks("\u0643\u064E\u062A\u064E\u0628\u064E"), "\u0643\u062A\u0628");
  EXPECT_EQ(without_arabic_marks("\u0640a\u0670b\u0652"), "ab");
  // Letters of the same lead byte D9 stay (U+0641 fa, U+0642 qaf, U+0653 maddah above), and so does a
  // lone lead byte at the end.
  EXPECT_EQ(without_arabic_marks("\u0641\u0642\u0653 x\xD9"), "\u0641\u0642\u0653 x\xD9");
  EXPECT_EQ(without_arabic_marks(""), "");
}

TEST(Unwrap, JoinsWrappedLinesAndKeepsBlankLineBreaks) {
  const auto n = normalize(source(kMasthead + "Recalling its resolution 1 of the \nsame day, \n \nNoting the report, \n"),
                           default_rules());
  EXPECT_NE(n.text.find("\nRecalling its resolution 1 of the same day,\nNoting the report,\n"), std::string::npos) << n.text;
}

TEST(Unwrap, JoinsABareParagraphNumberWithItsText) {
  const auto n = normalize(source(kMasthead + "1. \nDeclares that \nall is well; \n \n2. \n \nDecides to remain seized.\n"),
                           default_rules());
  EXPECT_NE(n.text.find("\n1. Declares that all is well;\n2. Decides to remain seized.\n"), std::string::npos) << n.text;
}

TEST(Unwrap, JoinsALineBrokenAfterAHyphenWithoutASpace) {
  const auto n = normalize(source(kMasthead + "the Non-Self- \nGoverning Territories, \n"), default_rules());
  EXPECT_NE(n.text.find("the Non-Self-Governing Territories,"), std::string::npos) << n.text;
}

TEST(Furniture, DropsThePageHeaderAndRejoinsTheParagraphItCut) {
  const std::string raw = kMasthead + "Reaffirming the principle of the inadmissibility of the acquisition \n" +
                          "\n" +                      // page break
                          "A/RES/78/11 \nThe Syrian Golan\n \n23-23817\n2/2 \n \n" +
                          "of territory by force, \n";
  const auto n = normalize(source(raw), default_rules());
  EXPECT_NE(n.text.find("acquisition of territory by force,\n"), std::string::npos) << n.text;
  EXPECT_EQ(n.text.find("2/2"), std::string::npos);
  EXPECT_EQ(n.text.find("23-23817"), std::string::npos);
}

TEST(Furniture, AParagraphEndingAClauseBeforeThePageBreakIsNotRejoined) {
  const std::string raw = kMasthead + "Recalling its resolutions, \n\nA/RES/78/11 \n2/2 \n \nNoting the report, \n";
  const auto n = normalize(source(raw), default_rules());
  EXPECT_NE(n.text.find("Recalling its resolutions,\nNoting the report,\n"), std::string::npos) << n.text;
}

TEST(Footnotes, MovesPageBottomFootnotesAfterTheBodyAndRejoinsTheSplitParagraph) {
  const std::string raw = kMasthead + "Taking note of the report of the Secretary-General on the \nMiddle East,1 and \n" +
                          "__________________ \n \n1  A/78/315. \n \n2  United Nations, Treaty Series, \nvol. 75, No. 973. \n" +
                          "\nA/RES/78/11 \n2/2 \n \nof the measures taken, \n";
  const auto n = normalize(source(raw), default_rules());
  ASSERT_NE(n.footnotes_begin, std::string::npos);
  const std::string body = n.text.substr(0, n.footnotes_begin), notes = n.text.substr(n.footnotes_begin);
  EXPECT_NE(body.find("Middle East,1 and of the measures taken,\n"), std::string::npos) << body;
  // Lines are copied as printed (inner spacing kept); a footnote wrapped over two lines is one line.
  EXPECT_EQ(notes, "1  A/78/315.\n2  United Nations, Treaty Series, vol. 75, No. 973.\n");
}

TEST(OffsetMap, CopiedAndSyntheticPiecesMapToTheirSourceBytes) {
  OffsetMap map;
  map.add({0, 10, 5, 5, true});   // "abcde" copied from raw 10..15
  map.add({5, 15, 1, 3, false});  // one character standing for 3 raw bytes (U+2011 -> '-')
  map.add({6, 18, 4, 4, true});
  EXPECT_EQ(map.to_raw(0), 10u);
  EXPECT_EQ(map.to_raw(3), 13u);
  EXPECT_EQ(map.to_raw(5), 15u);
  EXPECT_EQ(map.to_raw_end(6), 18u);  // the synthetic character's end covers its 3 raw bytes
  EXPECT_EQ(map.to_raw(6), 18u);
  EXPECT_EQ(map.to_raw_end(10), 22u);
  // Adjacent copies merge into one piece.
  OffsetMap merged;
  merged.add({0, 0, 3, 3, true});
  merged.add({3, 3, 4, 4, true});
  EXPECT_EQ(merged.pieces().size(), 1u);
}

TEST(OffsetMap, UnwrappedSpansCutTheirSourceText) {
  const std::string raw = kMasthead + "Recalling its resolution of the \nsame day, \n";
  const auto n = normalize(source(raw), default_rules());
  const std::size_t at = n.text.find("resolution of the same");
  ASSERT_NE(at, std::string::npos);
  const Span s = n.raw_span({at, at + std::string("resolution of the same").size()});
  EXPECT_EQ(raw.substr(s.begin, s.size()), "resolution of the \nsame");
}

TEST(Encoding, DecodesWindows1252AndMapsEachCharacterToItsByte) {
  std::string raw = "[DU1]\nResolution adopted by the General Assembly on 1 May 2014\n\tThe General Assembly,\n"
                    "\tRecalling the \x93report\x94,\n";
  const auto n = normalize(source(raw), default_rules());
  EXPECT_EQ(n.encoding, "windows-1252");
  const std::size_t at = n.text.find("\u201creport\u201d");
  ASSERT_NE(at, std::string::npos) << n.text;
  const Span s = n.raw_span({at, at + std::string("\u201creport\u201d").size()});
  EXPECT_EQ(raw.substr(s.begin, s.size()), "\x93report\x94");
}

}  // namespace
}  // namespace unres
