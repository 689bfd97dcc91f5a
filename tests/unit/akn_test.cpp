// The AKN4UN XML reader (etl/core/formats/akn.*): real files of tests/data/akn checked against the
// gold derived from them (tests/data/gold/akn.json, trimmed from ../shared/gold/akn-*-dev.json),
// spans that cut exactly their text out of the rendered source text, the markup variants, and
// hostile input in bounded time.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "common.h"
#include "errors.h"
#include "formats/akn.h"

namespace unres {
namespace {

using akn::Document;
using akn::read_akn;

std::filesystem::path akn_dir() { return test::data_dir() / "akn"; }

// Letters only, ASCII folded to lower case: the gold's comparison (evaluate_akn.py ntext), so that
// digits, punctuation and white space (footnote marks, no-break spaces, quotes) do not count.
std::string letters(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, text.size() - i);
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    const bool punctuation = (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
                             (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF20) ||
                             (cp >= 0xFF3B && cp <= 0xFF40) || cp == 0x060C || cp == 0x061B || cp == 0x061F ||
                             (cp >= 0x0660 && cp <= 0x066D) || cp == 0x0640 /* tatweel */;
    if (len == 1) {
      if (std::isalpha(c)) out += static_cast<char>(std::tolower(c));
    } else if (!punctuation) {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string cut(const Document& doc, Span span) { return doc.text.substr(span.begin, span.size()); }

Document read_file(const std::string& name) { return read_akn(test::read_text(akn_dir() / name)); }

// Every span lies in the text; a paragraph's line is whole lines and holds its body; marks cut
// the footnote's number; citations lie in their paragraph or footnote.
void expect_spans_consistent(const Document& doc, const std::string& file) {
  const std::string& t = doc.text;
  const auto starts_line = [&](std::size_t at) { return at == 0 || t[at - 1] == '\n'; };
  const auto ends_line = [&](std::size_t at) { return at == t.size() || t[at] == '\n'; };
  for (const auto& r : doc.resolutions) {
    SCOPED_TRACE(file + " " + r.meta.at("symbol"));
    ASSERT_LE(r.span.end, t.size());
    ASSERT_EQ(r.leads.size(), r.segments.paragraphs.size());
    for (std::size_t i = 0; i < r.segments.paragraphs.size(); ++i) {
      const auto& p = r.segments.paragraphs[i];
      ASSERT_LE(p.line.end, t.size());
      EXPECT_TRUE(starts_line(p.line.begin) && ends_line(p.line.end)) << cut(doc, p.line);
      EXPECT_LE(p.line.begin, p.body.begin);
      EXPECT_LE(p.body.end, p.line.end);
      EXPECT_GT(p.body.size(), 0u);
      const std::string body = cut(doc, p.body);
      EXPECT_EQ(body.find('\n'), std::string::npos) << body;
      EXPECT_NE(body.front(), ' ');
      EXPECT_NE(body.back(), ' ');
      if (!p.number.empty() && p.parent < 0 && p.kind == "operative") {
        EXPECT_EQ(cut(doc, p.line).rfind(p.number, 0), 0u) << "the line starts with the printed number";
      }
      if (p.parent >= 0) { EXPECT_LT(p.parent, static_cast<int>(i)); }
      const Span lead = r.leads[i];
      if (lead.size()) {
        EXPECT_GE(lead.begin, p.body.begin);
        EXPECT_LE(lead.end, p.body.end);
      }
    }
    for (const auto& f : r.segments.footnotes) {
      EXPECT_TRUE(starts_line(f.line.begin) && ends_line(f.line.end));
      EXPECT_EQ(cut(doc, f.line).rfind(std::to_string(f.number) + " ", 0), 0u) << cut(doc, f.line);
      EXPECT_LE(f.line.begin, f.body.begin);
    }
    for (const auto& m : r.segments.marks) {
      ASSERT_LT(m.paragraph, r.segments.paragraphs.size());
      ASSERT_LT(m.footnote, r.segments.footnotes.size());
      EXPECT_EQ(cut(doc, m.span), std::to_string(r.segments.footnotes[m.footnote].number));
      const auto& p = r.segments.paragraphs[m.paragraph];
      const Span owner = r.embedded[m.paragraph].size() ? Span{p.body.begin, r.embedded[m.paragraph].end} : p.body;
      EXPECT_TRUE(m.span.begin >= owner.begin && m.span.end <= owner.end);
    }
    for (const auto& c : r.citations) {
      EXPECT_NE(c.paragraph >= 0, c.footnote >= 0);
      const Span owner = c.paragraph >= 0 ? r.segments.paragraphs[static_cast<std::size_t>(c.paragraph)].line
                                          : r.segments.footnotes[static_cast<std::size_t>(c.footnote)].body;
      EXPECT_TRUE(c.span.begin >= owner.begin && c.span.end <= owner.end) << c.target;
      EXPECT_GT(c.span.size(), 0u);
    }
  }
}

TEST(Akn, RealFilesMatchTheirGold) {
  const auto gold = nlohmann::json::parse(test::read_text(akn_dir().parent_path() / "gold" / "akn.json"));
  int files = 0;
  for (const auto& g : gold["resolutions"]) {
    const std::string file = g["akn"];
    SCOPED_TRACE(file);
    const Document doc = read_file(file);
    ++files;
    ASSERT_EQ(doc.resolutions.size(), 1u);
    const auto& r = doc.resolutions[0];
    EXPECT_EQ(r.meta.at("symbol"), g["symbol"].get<std::string>());
    EXPECT_EQ(r.meta.at("language"), g["language"].get<std::string>());
    for (const char* field : {"session", "number", "year", "meeting"})
      if (g.contains(field)) { EXPECT_EQ(r.meta.at(field), std::to_string(g[field].get<int>())) << field; }
    if (g.contains("adopted_on")) { EXPECT_EQ(r.meta.at("adopted_on"), g["adopted_on"].get<std::string>()); }
    if (g.contains("title")) { EXPECT_EQ(letters(r.meta.at("title")), letters(g["title"].get<std::string>())); }
    if (g.contains("xml_draft_symbol")) { EXPECT_EQ(r.meta.at("draft_symbol"), g["xml_draft_symbol"].get<std::string>()); }

    std::vector<std::size_t> pre, op;
    for (std::size_t i = 0; i < r.segments.paragraphs.size(); ++i) {
      const auto& p = r.segments.paragraphs[i];
      if (p.parent >= 0) continue;
      if (p.kind == "preambular") pre.push_back(i);
      if (p.kind == "operative") op.push_back(i);
    }
    ASSERT_EQ(pre.size(), g["preambular"].size());
    ASSERT_EQ(op.size(), g["operative"].size());
    const auto linked = [&](std::size_t paragraph) {
      std::set<int> notes;
      for (const auto& m : r.segments.marks)
        if (m.paragraph == paragraph) notes.insert(r.segments.footnotes[m.footnote].number);
      return notes;
    };
    for (std::size_t k = 0; k < pre.size(); ++k) {
      const auto& p = r.segments.paragraphs[pre[k]];
      EXPECT_EQ(p.ordinal, static_cast<int>(k + 1));
      EXPECT_EQ(letters(cut(doc, p.body)), letters(g["preambular"][k]["text"].get<std::string>())) << "preambular " << k + 1;
      for (int note : g["preambular"][k]["notes"]) EXPECT_TRUE(linked(pre[k]).count(note)) << note;
    }
    for (std::size_t k = 0; k < op.size(); ++k) {
      const auto& p = r.segments.paragraphs[op[k]];
      const auto& gp = g["operative"][k];
      EXPECT_EQ(p.ordinal, static_cast<int>(k + 1));
      EXPECT_EQ(p.number, gp["number"].is_null() ? "" : gp["number"].get<std::string>());
      EXPECT_EQ(letters(cut(doc, p.body)), letters(gp["text"].get<std::string>())) << "operative " << k + 1;
      int subs = 0;
      for (const auto& q : r.segments.paragraphs) subs += q.parent == static_cast<int>(op[k]);
      // The gold of the organs other than the General Assembly counts nested points too (S/RES/2524).
      if (r.meta.at("body") == "A" || subs == gp["subparagraphs"].get<int>())
        EXPECT_EQ(subs, gp["subparagraphs"].get<int>()) << "operative " << k + 1;
      else
        EXPECT_LT(subs, gp["subparagraphs"].get<int>());
    }
    EXPECT_EQ(r.segments.footnotes.size(), g["footnotes"].size());
    std::set<std::string> targets;
    for (const auto& c : r.citations) targets.insert(c.target);
    for (const auto& c : g["citations"]) { EXPECT_TRUE(targets.count(c.get<std::string>())) << c; }
    expect_spans_consistent(doc, file);
  }
  EXPECT_EQ(files, 13);
}

TEST(Akn, RendersOneParagraphPerLineWithItsNumberAndFootnotesLast) {
  const Document doc = read_file("A_RES_78_11-2323817E.xml");
  const auto& r = doc.resolutions[0];
  EXPECT_NE(doc.text.find("\n78/11. The Syrian Golan\n"), std::string::npos);
  EXPECT_NE(doc.text.find("\nThe General Assembly,\n"), std::string::npos);
  EXPECT_NE(doc.text.find("\n3. Reaffirms its determination that all relevant provisions"), std::string::npos);
  EXPECT_NE(doc.text.find("\n1 A/78/315.\n2 United Nations, Treaty Series, vol. 75, No. 973."), std::string::npos);
  const auto& op3 = r.segments.paragraphs[11];
  EXPECT_EQ(op3.kind, "operative");
  EXPECT_EQ(op3.number, "3");
  EXPECT_EQ(cut(doc, r.leads[11]), "Reaffirms its determination");
  EXPECT_EQ(cut(doc, r.segments.header).rfind("United Nations\nA/RES/78/11\nGeneral Assembly\n", 0), 0u);
  // Footnote 2 is marked in preambular paragraph 5 and printed again as <sup>2</sup> in operative 3.
  int marks_of_2 = 0;
  for (const auto& m : r.segments.marks) marks_of_2 += r.segments.footnotes[m.footnote].number == 2;
  EXPECT_EQ(marks_of_2, 2);
  EXPECT_EQ(r.meta.at("body"), "A");
  EXPECT_EQ(r.meta.at("plenary_meeting"), "40");
  EXPECT_EQ(r.meta.at("agenda_item"), "34");
}

TEST(Akn, ArabicNumberingAndRightToLeftText) {
  const Document doc = read_file("A_RES_78_11-2323817A.xml");
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.meta.at("language"), "ar");
  const auto& first_op = r.segments.paragraphs[9];
  EXPECT_EQ(first_op.kind, "operative");
  EXPECT_EQ(first_op.number, "1");
  EXPECT_EQ(cut(doc, first_op.line).rfind("1 - تعلن", 0), 0u) << cut(doc, first_op.line);
  EXPECT_EQ(cut(doc, r.leads[9]), "تعلن");
  // The notes open with an empty "()" where the number goes; the footnote text does not.
  EXPECT_EQ(cut(doc, r.segments.footnotes[0].body), "A/78/315.");
}

TEST(Akn, ChineseLeadIsBold) {
  const Document doc = read_file("A_RES_78_11-2323817C.xml");
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.meta.at("language"), "zh");
  EXPECT_GT(r.leads[0].size(), 0u);
}

TEST(Akn, EcosocRecommendedDraftStaysInsideItsParagraph) {
  const Document doc = read_file("E_RES_2024_11-2414119E.xml");
  const auto& r = doc.resolutions[0];
  std::vector<const ParagraphSegment*> ops;
  for (const auto& p : r.segments.paragraphs)
    if (p.kind == "operative" && p.parent < 0) ops.push_back(&p);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0]->number, "");
  EXPECT_EQ(ops[0]->ordinal, 1);
  const std::size_t i = static_cast<std::size_t>(ops[0] - r.segments.paragraphs.data());
  EXPECT_EQ(cut(doc, ops[0]->body),
            "Recommends to the General Assembly the adoption of the following draft resolution:");
  const std::string draft = cut(doc, r.embedded[i]);
  EXPECT_EQ(draft.rfind("The General Assembly,\n", 0), 0u) << draft.substr(0, 80);
  EXPECT_NE(draft.find("\n1. "), std::string::npos);
  EXPECT_EQ(ops[0]->line.end, r.embedded[i].end);
  EXPECT_EQ(r.meta.at("body"), "E");
  EXPECT_EQ(r.meta.at("year"), "2024");
}

TEST(Akn, OlderSecurityCouncilMarkup) {
  const Document doc = read_file("S_RES_1295_N0039656.xml");
  const auto& r = doc.resolutions[0];
  EXPECT_EQ(r.meta.at("symbol"), "S/RES/1295(2000)");
  EXPECT_EQ(r.meta.at("body"), "S");
  EXPECT_EQ(r.meta.count("session"), 0u);
  // Section letters and "With regard to the trade in arms," are headings: lines, not paragraphs.
  EXPECT_NE(doc.text.find("\nWith regard to the trade in arms,\n"), std::string::npos);
  for (const auto& p : r.segments.paragraphs) { EXPECT_NE(cut(doc, p.body).rfind("With regard", 0), 0u); }
}

TEST(Akn, AnnexParagraphs) {
  const Document doc = read_file("E_RES_2023_21-2314952E.xml");
  const auto& r = doc.resolutions[0];
  int annex = 0;
  for (const auto& p : r.segments.paragraphs) annex += p.kind == "annex" && p.parent < 0;
  EXPECT_GT(annex, 5);
  EXPECT_NE(doc.text.find("\nAnnex\nDecision J (70)\n"), std::string::npos);
}

// The AKN skeleton around a main body, for the markup variants below.
std::string akn(std::string_view body, std::string_view symbol = "A/RES/70/5") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
<coverPage><p><docNumber refersTo="#symbol">)") +
         std::string(symbol) + R"(</docNumber></p></coverPage>
<preface><p><docNumber>70/5.</docNumber><docTitle>A title</docTitle></p></preface>
<preamble><formula><p><span class="italic">The General Assembly</span>,</p></formula>
<container name="Recalling"><p>	<span class="italic">Recalling</span> its resolution <a href="https://undocs.org/en/A/RES/69/1">69/1</a>,</p></container>
</preamble><mainBody>)" +
         std::string(body) + "</mainBody></statement></akomaNtoso>";
}

TEST(Akn, LetteredSiblingsOfANumberedParagraphAreItsSubParagraphs) {
  const Document doc = read_akn(akn(R"(
<paragraph><num>1.</num><content><p><span class="italic">Decides</span>:</p></content></paragraph>
<paragraph><content><p>(a) To do one thing;</p></content></paragraph>
<paragraph><num>(b)</num><content><p>To do another;</p></content></paragraph>
<paragraph><num>2.</num><content><p><span class="italic">Requests</span> a report.</p></content></paragraph>)"));
  const auto& ps = doc.resolutions[0].segments.paragraphs;
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_EQ(ps[2].parent, 1);
  EXPECT_EQ(ps[2].number, "(a)");
  EXPECT_EQ(cut(doc, ps[2].body), "To do one thing;");
  EXPECT_EQ(ps[3].parent, 1);
  EXPECT_EQ(ps[3].ordinal, 2);
  EXPECT_EQ(ps[4].parent, -1);
  EXPECT_EQ(ps[4].ordinal, 2);
  EXPECT_EQ(doc.resolutions[0].citations.at(0).target, "A/RES/69/1");
}

TEST(Akn, NestedPointsAndSublists) {
  const Document doc = read_akn(akn(R"(
<paragraph><num>1.</num><list><intro><p><span class="italic">Decides</span> that:</p></intro>
<point><num>(a)</num><content><p>First;</p></content>
  <list><point><num>(i)</num><content><p>Deeper;</p></content></point></list></point>
<point><num>(b)</num><content><p>Second;</p></content></point>
<sublist><point><num>a.</num><content><p>Under b;</p></content></point></sublist>
</list></paragraph>)"));
  const auto& ps = doc.resolutions[0].segments.paragraphs;
  ASSERT_EQ(ps.size(), 6u);
  EXPECT_EQ(cut(doc, ps[1].body), "Decides that:");
  EXPECT_EQ(ps[2].parent, 1);
  EXPECT_EQ(ps[3].parent, 2);
  EXPECT_EQ(ps[4].parent, 1);
  EXPECT_EQ(ps[5].parent, 4);
  EXPECT_NE(doc.text.find("\n1. Decides that:\n(a) First;\n(i) Deeper;\n(b) Second;\na. Under b;\n"), std::string::npos)
      << doc.text;
}

TEST(Akn, OnlyUnnumberedOperativeParagraphIsOperativeOne) {
  const Document doc = read_akn(akn(R"(<paragraph><content><p><span class="italic">Approves</span> the report.</p></content></paragraph>)"));
  const auto& ps = doc.resolutions[0].segments.paragraphs;
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[1].kind, "operative");
  EXPECT_EQ(ps[1].ordinal, 1);
  EXPECT_EQ(ps[1].number, "");
}

TEST(Akn, MultiPartResolutionGivesOneResolutionPerPart) {
  const std::string part = R"(<statement name="resolution"><preface><p><docNumber>%</docNumber><docTitle>Part % title</docTitle></p></preface>
<preamble><container name="Recalling"><p>Recalling %,</p></container></preamble>
<mainBody><paragraph><num>1.</num><content><p>Decides %;</p></content></paragraph></mainBody></statement>)";
  const auto with_letter = [&](char letter) {
    std::string s;
    for (char c : part) s += c == '%' ? letter : c;
    return s;
  };
  const std::string a = with_letter('A'), b = with_letter('B');
  const std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><documentCollection>
<coverPage><p><docNumber refersTo="#symbol">A/RES/75/101 A-B</docNumber></p></coverPage>
<preface><p><docNumber>75/101.</docNumber><docTitle>Collection</docTitle></p></preface>
<collectionBody><component>)" + a + "</component><component>" + b + "</component></collectionBody></documentCollection></akomaNtoso>";
  const Document doc = read_akn(xml);
  ASSERT_EQ(doc.resolutions.size(), 2u);
  EXPECT_EQ(doc.resolutions[0].meta.at("symbol"), "A/RES/75/101 A");
  EXPECT_EQ(doc.resolutions[1].meta.at("symbol"), "A/RES/75/101 B");
  EXPECT_EQ(doc.resolutions[1].meta.at("title"), "Part B title");
  EXPECT_EQ(doc.resolutions[1].meta.at("session"), "75");
  EXPECT_EQ(cut(doc, doc.resolutions[1].segments.paragraphs[1].body), "Decides B;");
  EXPECT_LE(doc.resolutions[0].span.end, doc.resolutions[1].span.begin);
}

TEST(Akn, CitationTargets) {
  EXPECT_EQ(akn::citation_target("https://undocs.org/en/A/RES/70/1"), "A/RES/70/1");
  EXPECT_EQ(akn::citation_target("https://undocs.org/en/S/RES/2334 (2016)"), "S/RES/2334(2016)");
  EXPECT_EQ(akn::citation_target("https://undocs.org/S/RES/2334%20(2016)"), "S/RES/2334(2016)");
  EXPECT_EQ(akn::citation_target("https://docs.un.org/fr/A/78/251"), "A/78/251");
  EXPECT_EQ(akn::citation_target("https://undocs.org/ch/A/RES/48/226C"), "A/RES/48/226 C");
  EXPECT_EQ(akn::citation_target("https://undocs.org/en/A/78/6(SUPP)"), "A/78/6");
  EXPECT_EQ(akn::citation_target("ga"), "");
  EXPECT_EQ(akn::citation_target("https://example.org/A/RES/70/1"), "");
}

// ---- hostile input --------------------------------------------------------------------------------

void expect_input_error(const std::string& xml, const std::string& reason_part, std::size_t line = 0) {
  try {
    read_akn(xml);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(reason_part), std::string::npos) << e.what();
    if (line) { EXPECT_EQ(e.line(), line); }
  }
}

TEST(AknHostile, MalformedXmlSaysWhere) {
  std::string xml = akn("<paragraph><num>1.</num><content><p>Decides</content></paragraph>");
  const auto at = xml.find("</content>");
  expect_input_error(xml, "malformed XML", static_cast<std::size_t>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1);
}

TEST(AknHostile, NotAkomaNtoso) {
  expect_input_error("<html><body>hello</body></html>", "not an Akoma Ntoso document");
  expect_input_error(R"(<akomaNtoso xmlns="urn:other"><statement/></akomaNtoso>)", "not an Akoma Ntoso document");
  expect_input_error("plain text", "malformed XML");
}

TEST(AknHostile, NoResolutionBody) {
  expect_input_error(R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><meta/></statement></akomaNtoso>)",
                     "no resolution body");
}

TEST(AknHostile, EntityBombIsRejectedNotExpanded) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    xml += "\">\n";
  }
  xml += "]>\n" + akn("<paragraph><num>1.</num><content><p>&lol9;</p></content></paragraph>").substr(39);
  const auto start = std::chrono::steady_clock::now();
  expect_input_error(xml, "declares entities");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(AknHostile, DeepNestingIsRejectedPlainly) {
  std::string inner;
  for (int i = 0; i < 300; ++i) inner += "<span>";
  inner += "x";
  for (int i = 0; i < 300; ++i) inner += "</span>";
  expect_input_error(akn("<paragraph><num>1.</num><content><p>" + inner + "</p></content></paragraph>"),
                     "nested more than 256 deep");
  // Just under the limit is fine.
  std::string ok;
  for (int i = 0; i < 200; ++i) ok += "<span>";
  ok += "Decides";
  for (int i = 0; i < 200; ++i) ok += "</span>";
  const Document doc = read_akn(akn("<paragraph><num>1.</num><content><p>" + ok + "</p></content></paragraph>"));
  EXPECT_EQ(cut(doc, doc.resolutions[0].segments.paragraphs[1].body), "Decides");
}

TEST(AknHostile, TwentyMegabytesOfNestedElementsInBoundedTime) {
  std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">)";
  while (xml.size() < 20u << 20) xml += "<a>";
  const auto start = std::chrono::steady_clock::now();
  expect_input_error(xml, "nested more than");
  // And 20 MB of siblings: parsed, no body.
  std::string wide = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>)";
  while (wide.size() < 20u << 20) wide += "<p>x</p>";
  wide += "</statement></akomaNtoso>";
  expect_input_error(wide, "no resolution body");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace unres
