// The PDF reader (etl/core/formats/pdf.*) and the PDF format (formats/pdf_format.cpp): real
// official PDFs parsed from their bytes by the registry's PDF format (counts checked against the gold
// derived from the UN's XML), footnote marks as the reader finds them, page offsets and the page of
// each paragraph, and bad PDFs of many kinds, each an InputError with a plain reason, in bounded time.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "errors.h"
#include "formats/format.h"
#include "formats/pdf.h"
#include "pipeline.h"

namespace unres {
namespace {

using test::default_rules;

std::string read_pdf_file(const std::string& name) { return test::read_text(test::data_dir() / "pdf" / name); }

SourceFile pdf_source(const std::string& name) {
  SourceFile f;
  f.path = name;
  f.bytes = read_pdf_file(name);
  return f;
}

// The paragraph whose text starts with `start`.
const ParagraphRecord& paragraph_starting(const ResolutionRecord& r, std::string_view start) {
  for (const auto& p : r.paragraphs)
    if (p.text.starts_with(start)) return p;
  throw std::runtime_error("no paragraph starts with " + std::string(start));
}

// A minimal PDF with a correct cross-reference table: `objects` are the bodies of objects 1..n,
// object 1 the catalog. `trailer_extra` goes into the trailer dictionary.
std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto at : offsets) {
    const std::string n = std::to_string(at);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string stream(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// One Letter page showing `content` (a content stream), Helvetica as /F1.
std::string one_page_pdf(const std::string& content, const std::string& page_count = "1") {
  return make_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                   "<< /Type /Pages /Kids [3 0 R] /Count " + page_count + " >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                   "/Resources << /Font << /F1 5 0 R >> >> >>",
                   stream("", content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

// Text lines at 10 pt, 12 pt apart, from the top of the page.
std::string text_content(const std::vector<std::string>& lines) {
  std::string c = "BT /F1 10 Tf 72 720 Td 12 TL\n";
  for (const auto& l : lines) c += "(" + l + ") Tj T*\n";
  return c + "ET";
}

// What the reader says of `bytes`, in at most `seconds`.
std::string rejection(const std::string& bytes, const pdf::Limits& limits = {}, double seconds = 5) {
  const auto start = std::chrono::steady_clock::now();
  std::string reason = "(accepted)";
  try {
    (void)pdf::read(bytes, limits);
  } catch (const InputError& e) {
    EXPECT_EQ(e.stage(), "read");
    reason = e.what();
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), seconds);
  return reason;
}

struct Expected {
  const char* file;
  const char* symbol;
  std::size_t preambular, operative, footnotes;  // from the gold of pdf-dev (the UN's XML)
};

TEST(PdfReader, RealResolutionsParseWithTheCountsOfTheGold) {
  for (const Expected& e : {Expected{"A_RES_78_11.pdf", "A/RES/78/11", 9, 8, 2},
                            Expected{"A_RES_79_33.pdf", "A/RES/79/33", 12, 6, 5},
                            Expected{"A_RES_80_20.pdf", "A/RES/80/20", 14, 7, 8},
                            Expected{"A_RES_79_211.pdf", "A/RES/79/211", 36, 44, 17}}) {
    SCOPED_TRACE(e.file);
    const pdf::Text t = pdf::read(read_pdf_file(e.file));
    EXPECT_EQ(t.footnotes, e.footnotes);
    // The file's bytes, as `unres ingest` reads them: the registry's PDF format claims them.
    const Document parsed = parse(pdf_source(e.file), default_rules());
    EXPECT_EQ(parsed.format, "pdf");
    EXPECT_EQ(parsed.source_text, t.text);  // the reader's text is the source text the store keeps
    ASSERT_EQ(parsed.resolutions.size(), 1u);
    const auto& r = parsed.resolutions[0];
    EXPECT_EQ(r.meta.at("symbol"), e.symbol);
    std::size_t pre = 0, op = 0;
    for (const auto& p : r.paragraphs) {
      pre += p.kind == "preambular";
      op += p.kind == "operative" && p.parent < 0;
    }
    EXPECT_EQ(pre, e.preambular);
    EXPECT_EQ(op, e.operative);
    EXPECT_EQ(r.footnotes.size(), e.footnotes);
    // Every footnote is pointed at from a paragraph: its mark was found by size and rise.
    for (std::size_t f = 0; f < r.footnotes.size(); ++f) {
      bool referred = false;
      for (const auto& ref : r.footnote_refs) referred |= ref.footnote == f;
      EXPECT_TRUE(referred) << "footnote " << r.footnotes[f].number;
    }
  }
}

TEST(PdfReader, DropsPageFurnitureAndKeepsTheMasthead) {
  const pdf::Text t = pdf::read(read_pdf_file("A_RES_78_11.pdf"));
  EXPECT_NE(t.text.find("\nDistr.: General\n"), std::string::npos) << t.text.substr(0, 400);
  EXPECT_NE(t.text.find("23-23817 (E)"), std::string::npos);  // page 1's job number: metadata
  EXPECT_EQ(t.text.find("2/2"), std::string::npos);            // page counter
  EXPECT_EQ(t.text.find("The Syrian Golan\n"), t.text.find("78/11. The Syrian Golan\n") + 7);  // no running head
  // A footnote mark written right after its word; the footnote after the rule, with its number.
  EXPECT_NE(t.text.find("Middle\nEast,1\n"), std::string::npos);
  EXPECT_NE(t.text.find("\n__________________\n \n1 A/78/315.\n"), std::string::npos);
}

TEST(PdfReader, PageStartsGiveThePageOfEachOffset) {
  const pdf::Text t = pdf::read(read_pdf_file("A_RES_78_11.pdf"));
  ASSERT_EQ(t.page_starts.size(), 2u);
  EXPECT_EQ(t.page_starts[0], 0u);
  EXPECT_EQ(t.text[t.page_starts[1] - 1], '\n');
  EXPECT_EQ(t.text.substr(t.page_starts[1] - 2, 2), "\n\n");  // the empty line of the page break
  EXPECT_EQ(t.page_of(t.text.find("Having considered")), 1u);
  EXPECT_EQ(t.page_of(t.text.find("Expressing grave concern")), 2u);
  EXPECT_EQ(t.page_of(t.text.find("40th plenary meeting")), 2u);
}

TEST(PdfReader, AParagraphContinuedOnTheNextPageIsWrittenWhereItStarts) {
  // 80/20: operative paragraphs cross page breaks; none may be cut in two by the reader.
  const auto parsed = parse(pdf_source("A_RES_80_20.pdf"), default_rules());
  ASSERT_EQ(parsed.resolutions.size(), 1u);
  for (const auto& p : parsed.resolutions[0].paragraphs) {
    ASSERT_FALSE(p.text.empty());
    const unsigned char first = static_cast<unsigned char>(p.text[0]);
    EXPECT_FALSE(first >= 'a' && first <= 'z') << "a paragraph starting mid-sentence: " << p.text.substr(0, 80);
  }
}

TEST(PdfFormat, EveryRowCutsItsTextOutOfTheSourceText) {
  const Document doc = parse(pdf_source("A_RES_78_11.pdf"), default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  for (const auto& a : r.actions) EXPECT_EQ(doc.source_text.substr(a.span.begin, a.span.size()), a.phrase);
  for (const auto& f : r.footnotes)
    EXPECT_NE(doc.source_text.substr(f.span.begin, f.span.size()).find(f.text), std::string::npos) << f.text;
  // A footnote reference points at the mark's digit in the source text: "East,1".
  ASSERT_FALSE(r.footnote_refs.empty());
  EXPECT_EQ(doc.source_text.substr(r.footnote_refs[0].offset - 5, 6), "East,1");
}

TEST(PdfFormat, EachParagraphHasThePageItStartsOn) {
  const Document doc = parse(pdf_source("A_RES_78_11.pdf"), default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  for (const auto& p : r.paragraphs) ASSERT_TRUE(p.page.has_value()) << p.text;
  EXPECT_EQ(paragraph_starting(r, "Having considered").page, 1);
  EXPECT_EQ(paragraph_starting(r, "Expressing grave concern").page, 2);
  EXPECT_EQ(r.paragraphs.back().page, 2);
}

TEST(PdfFormat, TextLayoutsHaveNoPages) {
  const Document doc = parse(test::read_data("seeds/000_6ebaee88ab77a99b.txt"), default_rules());
  ASSERT_FALSE(doc.resolutions.empty());
  for (const auto& p : doc.resolutions[0].paragraphs) EXPECT_FALSE(p.page.has_value());
}

TEST(PdfFormat, AMarkAfterADigitIsLinkedFromTheReadersMarks) {
  // 79/211: "Agenda 21" + mark 6 reads "Agenda 216" in text, which the footnote_marks rules cannot
  // tell from a number; the reader knows the mark by its size and rise.
  const Document doc = parse(pdf_source("A_RES_79_211.pdf"), default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  const auto& r = doc.resolutions[0];
  const std::size_t agenda = doc.source_text.find("Agenda 216 ");
  ASSERT_NE(agenda, std::string::npos);
  bool linked = false;
  for (const auto& ref : r.footnote_refs)
    linked |= ref.offset == agenda + 9 && r.footnotes[ref.footnote].number == 6;
  EXPECT_TRUE(linked) << "the mark 6 after 'Agenda 21' is not linked to footnote 6";
  // Every footnote is referred to, each reference at a mark the reader found.
  const pdf::Text t = pdf::read(read_pdf_file("A_RES_79_211.pdf"));
  for (std::size_t f = 0; f < r.footnotes.size(); ++f) {
    bool referred = false;
    for (const auto& ref : r.footnote_refs) referred |= ref.footnote == f;
    EXPECT_TRUE(referred) << "footnote " << r.footnotes[f].number;
  }
  for (const auto& ref : r.footnote_refs) {
    bool at_mark = false;
    for (const pdf::Mark& m : t.marks) at_mark |= m.span.begin == ref.offset;
    EXPECT_TRUE(at_mark) << "a reference at " << ref.offset << " where the reader found no mark";
  }
}

TEST(PdfFormat, ThePdfFormatClaimsPdfBytesOnly) {
  const auto& formats = FormatRegistry::builtin();
  const auto& rules = default_rules();
  EXPECT_EQ(formats.detect(pdf_source("A_RES_78_11.pdf"), rules).id(), "pdf");
  EXPECT_EQ(formats.detect(test::read_data("seeds/000_6ebaee88ab77a99b.txt"), rules).id(), "text");
}

TEST(PdfReader, SmallTextPdfIsRead) {
  const pdf::Text t = pdf::read(one_page_pdf(text_content({"Hello PDF world", "second line"})));
  EXPECT_NE(t.text.find("Hello PDF world\nsecond line\n"), std::string::npos) << t.text;
  EXPECT_EQ(t.page_starts.size(), 1u);
}

// The words' UTF-16 becomes UTF-8, surrogate pairs included (the reader converts it itself: poppler's
// to_utf8 opened an iconv converter per word). A ToUnicode map gives "A" a character outside the
// Basic Multilingual Plane (U+1D400, a surrogate pair) and "B" an accented letter.
TEST(PdfReader, WordsAreUtf8EvenOutsideTheBasicPlane) {
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def\n"
      "1 begincodespacerange <00> <FF> endcodespacerange\n"
      "2 beginbfchar <41> <D835DC00> <42> <00E9> endbfchar\n"
      "endcmap CMapName currentdict /CMap defineresource pop end end";
  const std::string bytes = make_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                                      "/Resources << /Font << /F1 5 0 R >> >> >>",
                                      stream("", text_content({"ABBA"})),
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
                                      stream("", cmap)});
  const pdf::Text t = pdf::read(bytes);
  EXPECT_NE(t.text.find("\xF0\x9D\x90\x80\xC3\xA9\xC3\xA9\xF0\x9D\x90\x80"), std::string::npos) << t.text;
}

// A/RES/79/298 opens its body with part I: the numeral at the margin a line (12 pt) above the
// part's title, the title 18 pt above the first paragraph, as on the PDF's first page. The numeral
// and the title are paragraphs of their own (headings), not one "I Support account …" line.
TEST(PdfReader, APartNumeralOnItsOwnLineIsAParagraphOfItsOwn) {
  const std::string content =
      "BT /F1 10 Tf 12 TL 72 720 Td (The General Assembly,) Tj 0 -24 Td (I) Tj T* "
      "(Support account for peacekeeping operations) Tj 0 -18 Td "
      "(Recalling its resolutions 45/258 of 3 May 1991, 47/218 A of 23 December 1992,) Tj T* "
      "(48/226 A of 23 December 1993 and its other relevant resolutions,) Tj ET";
  const pdf::Text t = pdf::read(one_page_pdf(content));
  EXPECT_NE(t.text.find("The General Assembly,\n \nI\n \nSupport account for peacekeeping operations\n \nRecalling"),
            std::string::npos)
      << t.text;
  // The lines of a paragraph stay together.
  EXPECT_NE(t.text.find("1992,\n48/226 A"), std::string::npos) << t.text;
}

// A numeral that ends a line of text ("… annex" / "I to …" is never alone on a line; "resolution
// 47/218" / "A of …" neither) is not taken for a part: only a line that is the numeral alone.
TEST(PdfReader, ALineOfTextIsNotAPartNumeral) {
  const pdf::Text t = pdf::read(one_page_pdf(text_content({"as contained in annex", "I to the present resolution,"})));
  EXPECT_NE(t.text.find("annex\nI to the present"), std::string::npos) << t.text;
}

// --- bad PDFs: each quarantined with a plain reason, quickly -----------------------------------------

TEST(PdfBad, NotAPdf) {
  EXPECT_NE(rejection("United Nations A/RES/78/11\nDistr.: General\n").find("not a PDF"), std::string::npos);
  EXPECT_NE(rejection("").find("not a PDF"), std::string::npos);
  EXPECT_NE(rejection(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\0')).find("not a PDF"), std::string::npos);
}

TEST(PdfBad, Truncated) {
  const std::string real = read_pdf_file("A_RES_78_11.pdf");
  EXPECT_NE(rejection(real.substr(0, real.size() / 2)).find("truncated PDF"), std::string::npos);
}

TEST(PdfBad, DamagedStructure) {
  // A header, an end marker and garbage between: no objects, no cross-reference table.
  EXPECT_NE(rejection("%PDF-1.7\n" + std::string(2000, 'x') + "\n%%EOF\n").find("damaged PDF"), std::string::npos);
  // A real PDF whose middle is overwritten: what poppler cannot rebuild is refused, not crashed on.
  std::string real = read_pdf_file("A_RES_79_33.pdf");
  for (std::size_t i = 1000; i < real.size() - 2000; i += 7) real[i] = static_cast<char>(i * 31);
  const std::string reason = rejection(real);
  EXPECT_TRUE(reason.find("damaged PDF") != std::string::npos || reason.find("image-only") != std::string::npos ||
              reason == "(accepted)")
      << reason;
}

TEST(PdfBad, EncryptedWithAPassword) {
  // A Standard security handler whose user password is not empty (the /U check value matches no
  // empty password): the text cannot be read without it.
  const std::string pdf = make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
       "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'A') + "> /U <" + std::string(64, '5') + "> >>"},
      "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
  EXPECT_NE(rejection(pdf).find("encrypted PDF"), std::string::npos) << rejection(pdf);
}

TEST(PdfBad, ImageOnly) {
  // A scanned page: one 2x2 gray image drawn over the page, no text.
  const std::string pdf = make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
       stream("", "q 612 0 0 792 0 0 cm /Im1 Do Q"),
       stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
              std::string("\x10\x80\x80\xF0", 4))});
  EXPECT_EQ(rejection(pdf), "image-only PDF: no text layer; OCR is not supported");
}

TEST(PdfBad, EmptyPageTree) {
  const std::string pdf = make_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
  EXPECT_NE(rejection(pdf).find("no pages"), std::string::npos) << rejection(pdf);
}

TEST(PdfBad, NoPageTreeAtAll) {
  const std::string pdf = make_pdf({"<< /Type /Catalog >>"});
  const std::string reason = rejection(pdf);
  EXPECT_TRUE(reason.find("no pages") != std::string::npos || reason.find("damaged PDF") != std::string::npos) << reason;
}

TEST(PdfBad, HugePageCountDeclared) {
  // The page tree claims two million pages and holds one: poppler finds the tree inconsistent.
  const std::string reason = rejection(one_page_pdf(text_content({"a page"}), "2000000"));
  EXPECT_TRUE(reason.find("more than the limit") != std::string::npos || reason.find("no pages") != std::string::npos)
      << reason;
  // Really many pages: over the limit, refused before any is read.
  pdf::Limits few;
  few.max_pages = 3;
  std::string kids;
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  for (int i = 0; i < 5; ++i) {
    kids += std::to_string(objects.size() + 1) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count 5 >>";
  EXPECT_EQ(rejection(make_pdf(objects), few), "PDF has 5 pages, more than the limit of 3 (no resolution is that long)");
}

TEST(PdfBad, DeeplyNestedObjects) {
  // A content stream and a catalog entry nested 100,000 arrays deep.
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string pdf = make_pdf({"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + " >>",
                                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                                    stream("", deep + " Tj")});
  const std::string reason = rejection(pdf);
  EXPECT_TRUE(reason.find("damaged PDF") != std::string::npos || reason.find("image-only") != std::string::npos ||
              reason.find("no pages") != std::string::npos)
      << reason;
}

TEST(PdfBad, TooManyWordsOnAPage) {
  // 20 lines of 20 words: 400 words on the page.
  std::string line;
  for (int i = 0; i < 20; ++i) line += "w ";
  pdf::Limits small;
  small.max_words_per_page = 100;
  const std::string pdf = one_page_pdf(text_content(std::vector<std::string>(20, line)));
  EXPECT_EQ(rejection(pdf, small), "page 1 holds 400 words, more than the limit of 100");
  EXPECT_EQ(rejection(pdf), "(accepted)");
}

TEST(PdfBad, OverTheTimeBudget) {
  pdf::Limits none;
  none.max_time = std::chrono::milliseconds(-1);
  EXPECT_NE(rejection(read_pdf_file("A_RES_78_11.pdf"), none).find("to read; stopped at page 1 of 2"), std::string::npos);
}

TEST(PdfBad, AReportIsReadButIsNoResolution) {
  // A text PDF that is not a resolution (a report): the reader gives its text; the stages after it
  // quarantine it with their plain reason.
  SourceFile source;
  source.path = "report.pdf";
  source.bytes = one_page_pdf(text_content(
      {"Report of the Secretary-General", "Summary", "The present report is submitted pursuant to resolution 78/11."}));
  try {
    (void)parse(source, default_rules());
    FAIL() << "a report was parsed as a resolution";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no known layout"), std::string::npos) << e.what();
  }
}

// ---- Links as a second source (issue 14): footnote marks linked to their footnotes, symbols
// linked to undocs.org / docs.un.org.

// The footnote_refs rows of `r` per rule id, and its citations per rule id.
std::map<std::string, std::size_t> ref_sources(const ResolutionRecord& r) {
  std::map<std::string, std::size_t> out;
  for (const auto& ref : r.footnote_refs) ++out[ref.rule_id];
  return out;
}
std::map<std::string, std::size_t> citation_sources(const ResolutionRecord& r) {
  std::map<std::string, std::size_t> out;
  for (const auto& c : r.citations) ++out[c.rule_id];
  return out;
}

TEST(PdfLinks, MarksLinkedToTheirFootnotesAreConfirmedByTheLink) {
  struct Case {
    const char* file;
    std::size_t both, size_only;  // footnote_refs rows: pdf.mark.size+link, pdf.mark.size
  };
  // A/RES/78/11 links the marks 1 and 2 to their footnotes, but not the mark 2 repeated later
  // ("... of 12 August 1949,2 continues"): Word links a footnote's own mark, not a cross-reference.
  for (const Case& c : {Case{"A_RES_78_11.pdf", 2, 1}, Case{"A_RES_79_33.pdf", 5, 0},
                        Case{"A_RES_80_20.pdf", 8, 0}, Case{"A_RES_79_211.pdf", 17, 0}}) {
    SCOPED_TRACE(c.file);
    const pdf::Text t = pdf::read(read_pdf_file(c.file));
    EXPECT_GT(t.links, 0u);
    std::size_t by_link_only = 0;
    for (const pdf::Mark& m : t.marks) by_link_only += m.by_link && !m.by_size;
    EXPECT_EQ(by_link_only, 0u);  // the size and rise miss none the links find
    const Document parsed = parse(pdf_source(c.file), default_rules());
    const auto sources = ref_sources(parsed.resolutions.at(0));
    EXPECT_EQ(sources.count("pdf.mark.size+link") ? sources.at("pdf.mark.size+link") : 0, c.both);
    EXPECT_EQ(sources.count("pdf.mark.size") ? sources.at("pdf.mark.size") : 0, c.size_only);
    EXPECT_EQ(sources.count("pdf.mark.link"), 0u);
    EXPECT_EQ(sources.count("document.footnote_marks"), 0u);  // every PDF row names its source
  }
}

TEST(PdfLinks, WebLinksToTheDocumentSystemAreCitations) {
  // A/RES/80/20: 19 links to docs.un.org / undocs.org over cited symbols in paragraphs and
  // footnotes; 17 confirm a citation the rules found (one of them the special session's "S-10/2",
  // once misread by the rules as A/RES/10/2), 2 add one: CD/1839 and CD/1985 (no rule reads the
  // Conference on Disarmament's symbols).
  const pdf::Text t = pdf::read(read_pdf_file("A_RES_80_20.pdf"));
  bool found = false;
  for (const pdf::WebLink& l : t.web_links)
    found |= l.uri == "https://docs.un.org/en/A/RES/69/32" && t.text.substr(l.span.begin, l.span.size()).starts_with("69/32");
  EXPECT_TRUE(found) << "no web link to A/RES/69/32 over its number";
  const Document parsed = parse(pdf_source("A_RES_80_20.pdf"), default_rules());
  const auto& r = parsed.resolutions.at(0);
  const auto sources = citation_sources(r);
  EXPECT_EQ(sources.at("ga-resolution+pdf.link"), 14u);
  EXPECT_EQ(sources.at("document-symbol+pdf.link"), 2u);
  EXPECT_EQ(sources.at("special-session-resolution+pdf.link"), 1u);
  EXPECT_EQ(sources.at("pdf.link"), 2u);
  std::set<std::string> added;
  for (const auto& c : r.citations)
    if (c.rule_id == "pdf.link") {
      added.insert(c.target);
      const std::string cut = parsed.source_text.substr(c.span.begin, c.span.size());
      const std::string printed = c.target.starts_with("A/RES/") ? c.target.substr(6) : c.target;
      EXPECT_TRUE(cut.starts_with(printed)) << cut
          << "the link's row points at its text";
    }
  EXPECT_EQ(added, (std::set<std::string>{"CD/1839", "CD/1985"}));
  for (const auto& c : r.citations) EXPECT_NE(c.target, "A/RES/10/2") << "S-10/2 read as a regular session's";
}

// A page with a body line whose "7" is set smaller than its line but not raised (what the size and
// rise test does not take for a mark), a rule, and footnote 7 citing A/78/1; `annots` are the page's
// link annotations (objects 6 on).
std::string linked_page(const std::vector<std::string>& annots) {
  std::string refs;
  for (std::size_t i = 0; i < annots.size(); ++i) refs += std::to_string(6 + i) + " 0 R ";
  const std::string content =
      "BT /F1 10 Tf 72 720 Td (Recalling its resolution) Tj ET\n"
      "BT /F1 8.5 Tf 187 720 Td (7) Tj ET\n"
      "BT /F1 10 Tf 195 720 Td (of today,) Tj ET\n"
      "BT /F1 10 Tf 72 600 Td (__________________) Tj ET\n"
      "BT /F1 6 Tf 72 593 Td (7) Tj ET\n"
      "BT /F1 8.5 Tf 80 590 Td (See A/78/1.) Tj ET";
  std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                                   "/Resources << /Font << /F1 5 0 R >> >> /Annots [" + refs + "] >>",
                                   stream("", content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  objects.insert(objects.end(), annots.begin(), annots.end());
  return make_pdf(objects);
}

const std::string kLinkToFootnote = "<< /Type /Annot /Subtype /Link /Rect [186 715 193 728] /Dest [3 0 R /XYZ 72 597 0] >>";
// Over "A/78/1." (Helvetica 8.5 pt: "See " is ~15 pt wide).
const std::string kLinkToUndocs =
    "<< /Type /Annot /Subtype /Link /Rect [94 586 125 597] /A << /S /URI /URI (https://undocs.org/en/A/78/1) >> >>";

TEST(PdfLinks, ALinkToTheFootnoteBlockMakesAMarkTheSizeAndRiseMissed) {
  const pdf::Text unlinked = pdf::read(linked_page({}));
  EXPECT_TRUE(unlinked.marks.empty()) << "the small digit is a mark by size and rise already: the test proves nothing";
  const pdf::Text t = pdf::read(linked_page({kLinkToFootnote}));
  EXPECT_EQ(t.links, 1u);
  ASSERT_EQ(t.marks.size(), 1u);
  EXPECT_EQ(t.text.substr(t.marks[0].span.begin, t.marks[0].span.size()), "7");
  EXPECT_TRUE(t.marks[0].by_link);
  EXPECT_FALSE(t.marks[0].by_size);
}

TEST(PdfLinks, AWebLinkIsReturnedWithTheTextItCovers) {
  const pdf::Text t = pdf::read(linked_page({kLinkToUndocs}));
  ASSERT_EQ(t.web_links.size(), 1u);
  EXPECT_EQ(t.web_links[0].uri, "https://undocs.org/en/A/78/1");
  EXPECT_EQ(t.text.substr(t.web_links[0].span.begin, t.web_links[0].span.size()), "A/78/1.");
}

TEST(PdfLinks, BrokenOrTooManyLinksCostTheLinksOnly) {
  // Annotations that lead nowhere: a named destination the PDF lacks, a page that is no page, a
  // URI that is a number, a rectangle of two numbers, a missing object, an action of no kind.
  const pdf::Text t = pdf::read(linked_page({
      "<< /Type /Annot /Subtype /Link /Rect [186 715 193 728] /A << /S /GoTo /D (nowhere) >> >>",
      "<< /Type /Annot /Subtype /Link /Rect [186 715 193 728] /Dest [99 0 R /XYZ 0 0 0] >>",
      "<< /Type /Annot /Subtype /Link /Rect [94 586 125 597] /A << /S /URI /URI 42 >> >>",
      "<< /Type /Annot /Subtype /Link /Rect [1 2] /Dest [3 0 R /XYZ 72 597 0] >>",
      "<< /Type /Annot /Subtype /Link /Rect [186 715 193 728] /A << /S /Nothing >> >>",
      "<< /Type /Annot /Subtype /Link /Rect [186 715 193 728] /Dest 77 0 R >>",
  }));
  EXPECT_TRUE(t.marks.empty());
  EXPECT_TRUE(t.web_links.empty());
  EXPECT_NE(t.text.find("Recalling its resolution 7"), std::string::npos);
  // Over the cap, links are left unread, not an error.
  pdf::Limits none;
  none.max_links = 0;
  const pdf::Text capped = pdf::read(linked_page({kLinkToFootnote, kLinkToUndocs}), none);
  EXPECT_EQ(capped.links, 0u);
  EXPECT_TRUE(capped.marks.empty());
  EXPECT_TRUE(capped.web_links.empty());
  none.max_links = 5'000;
  none.max_links_per_page = 1;
  EXPECT_EQ(pdf::read(linked_page({kLinkToFootnote, kLinkToUndocs}), none).links, 1u);
}

}  // namespace
}  // namespace unres
