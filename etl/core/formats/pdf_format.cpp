// The PDF format: a file starting with %PDF- is read by pdf::read into a source text in the
// `pdf-text` layout, which the store keeps (document_texts) and every row's offsets point into;
// the layout's rules normalize it into the working text, split it and segment it, as for any text.
//
// One thing the rules cannot do as well as the PDF: tell a footnote mark from a number. In text, a
// mark set right after a digit ("resolution 5/14" + mark 11) reads "5/1411". The reader knows each
// mark by its size and rise, so this format states the marks itself: the resolution's segments
// are the rules', with the marks replaced by the reader's (Reading::parts), each with the source
// that found it as its rule id: pdf.mark.size (size and rise), pdf.mark.link (a link to the
// footnote block over a digit the size and rise missed), pdf.mark.size+link (both).
//
// A web link to undocs.org or docs.un.org over a run of text names the symbol it cites: a citation
// the PDF states (rule id pdf.link), which confirms the rules' citation of the same target at the
// same place (its rule id gains +pdf.link) or is added where the rules found none.
#include <algorithm>
#include <cctype>
#include <optional>

#include "errors.h"
#include "formats/format.h"
#include "formats/pdf.h"
#include "normalize.h"
#include "segment.h"
#include "split.h"

namespace unres {

namespace {

// Maps source-text offsets back to the working text, through the pieces of the normalizer's map
// that copy source bytes (a mark's digits are always copied).
class ToWorking {
 public:
  explicit ToWorking(const OffsetMap& map) {
    for (const auto& piece : map.pieces())
      if (piece.copied && piece.length > 0) copied_.push_back(piece);
    std::sort(copied_.begin(), copied_.end(), [](const auto& a, const auto& b) { return a.raw < b.raw; });
  }
  // The working-text span of source span `s`, when it was copied whole into one piece.
  std::optional<Span> operator()(Span s) const {
    auto it = std::upper_bound(copied_.begin(), copied_.end(), s.begin,
                               [](std::size_t at, const OffsetMap::Piece& p) { return at < p.raw; });
    if (it == copied_.begin()) return std::nullopt;
    const auto& p = *std::prev(it);
    if (s.end > p.raw + p.length) return std::nullopt;
    return Span{p.norm + (s.begin - p.raw), p.norm + (s.end - p.raw)};
  }

 private:
  std::vector<OffsetMap::Piece> copied_;
};

// A mark as the format states it: its working-text span and its source's rule id.
struct SourcedMark {
  Span span;
  const char* rule_id;
};

const char* rule_id_of(const pdf::Mark& m) {
  return m.by_size && m.by_link ? "pdf.mark.size+link" : m.by_link ? "pdf.mark.link" : "pdf.mark.size";
}

// The symbol a link to the UN's document system cites, or empty: https://undocs.org/en/A/RES/70/1,
// https://docs.un.org/en/A/78/L.5, http://www.undocs.org/S/RES/2334(2016) (language optional).
std::string symbol_of_link(std::string_view uri) {
  for (const std::string_view scheme : {"https://", "http://"})
    if (uri.starts_with(scheme)) uri.remove_prefix(scheme.size());
  if (uri.starts_with("www.")) uri.remove_prefix(4);
  bool known = false;
  for (const std::string_view host : {"undocs.org/", "docs.un.org/"})
    if (uri.starts_with(host)) {
      uri.remove_prefix(host.size());
      known = true;
    }
  if (!known) return {};
  uri = uri.substr(0, uri.find_first_of("?#"));
  // The language of the page: en, fr, es, ar, ru, zh.
  if (uri.size() > 3 && uri[2] == '/' && uri[0] >= 'a' && uri[0] <= 'z' && uri[1] >= 'a' && uri[1] <= 'z')
    uri.remove_prefix(3);
  std::string symbol;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      symbol += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      symbol += uri[i];
    }
  }
  while (!symbol.empty() && (symbol.back() == '/' || symbol.back() == ' ')) symbol.pop_back();
  // The document system's qualifiers, which the rules' targets do not carry: "A/63/47(supp)" (the
  // supplement of the Official Records), "A/80/15(PartI)", "A/78/6(Introduction)". A year or a
  // session stays, as in the rules' targets: "S/RES/2334(2016)", "A/RES/1514(XV)".
  if (const std::size_t open = symbol.rfind('('); open != std::string::npos && open > 0 && symbol.back() == ')') {
    const std::string_view inside = std::string_view(symbol).substr(open + 1, symbol.size() - open - 2);
    const bool year = inside.size() == 4 && inside.find_first_not_of("0123456789") == std::string_view::npos;
    const bool session = !inside.empty() && inside.find_first_not_of("IVXLC") == std::string_view::npos;
    if (!year && !session) symbol.resize(open);
  }
  // A part of a resolution, as the rules write it: "A/RES/72/266a" -> "A/RES/72/266 A".
  if (symbol.size() > 2 && symbol.find("/RES/") != std::string::npos && std::isalpha(static_cast<unsigned char>(symbol.back())) &&
      std::isdigit(static_cast<unsigned char>(symbol[symbol.size() - 2]))) {
    const char part = static_cast<char>(std::toupper(static_cast<unsigned char>(symbol.back())));
    symbol.pop_back();
    symbol += ' ';
    symbol += part;
  }
  // A symbol starts with an organ's letter and has a slash: "A/RES/70/1", "S/RES/2334(2016)".
  if (symbol.size() < 3 || symbol.size() > 80 || symbol[0] < 'A' || symbol[0] > 'Z' ||
      symbol.find('/') == std::string::npos)
    return {};
  return symbol;
}

int number_of(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The footnote marks of one resolution, from the reader's: each mark in a paragraph's text that
// names one of the resolution's footnotes. `marks` are working-text spans in document order.
std::vector<FootnoteMark> stated_marks(const std::string& text, const Segments& seg,
                                       const std::vector<SourcedMark>& marks) {
  std::vector<FootnoteMark> out;
  for (const auto& [m, rule_id] : marks) {
    if (m.size() > 3) continue;  // no resolution has a thousand footnotes: a raised number
    const auto p = std::upper_bound(seg.paragraphs.begin(), seg.paragraphs.end(), m.begin,
                                    [](std::size_t at, const ParagraphSegment& s) { return at < s.body.begin; });
    if (p == seg.paragraphs.begin() || m.end > std::prev(p)->body.end) continue;
    const int number = number_of(std::string_view(text).substr(m.begin, m.size()));
    const auto f = std::find_if(seg.footnotes.begin(), seg.footnotes.end(),
                                [&](const FootnoteSegment& s) { return s.number == number; });
    if (f == seg.footnotes.end()) continue;
    out.push_back({static_cast<std::size_t>(std::prev(p) - seg.paragraphs.begin()),
                   static_cast<std::size_t>(f - seg.footnotes.begin()), m, rule_id});
  }
  return out;
}

// The citations the web links of one resolution state: each link to the UN's document system over
// text of a paragraph or a footnote. `links` are (working-text span, symbol).
std::vector<CitationRecord> linked_citations(const std::string& text, const Segments& seg,
                                             const std::vector<std::pair<Span, std::string>>& links) {
  std::vector<CitationRecord> out;
  for (const auto& [span, symbol] : links) {
    CitationRecord c;
    for (std::size_t i = 0; i < seg.paragraphs.size() && c.paragraph < 0; ++i)
      if (span.begin >= seg.paragraphs[i].body.begin && span.end <= seg.paragraphs[i].body.end) c.paragraph = static_cast<int>(i);
    for (std::size_t i = 0; i < seg.footnotes.size() && c.paragraph < 0 && c.footnote < 0; ++i)
      if (span.begin >= seg.footnotes[i].body.begin && span.end <= seg.footnotes[i].body.end) c.footnote = static_cast<int>(i);
    if (c.paragraph < 0 && c.footnote < 0) continue;  // a link in the masthead (the resolution's own symbol)
    c.kind = linked_citation_kind(symbol);
    c.target = symbol;
    c.surface = text.substr(span.begin, span.size());
    c.rule_id = "pdf.link";
    if (const std::size_t space = symbol.rfind(' '); space != std::string::npos && symbol.find("/RES/") != std::string::npos)
      c.part = symbol.substr(space + 1);  // "A/RES/72/266 A": part A, as the rules' second row
    c.span = span;
    out.push_back(std::move(c));
  }
  return out;
}

class PdfFormat final : public Format {
 public:
  explicit PdfFormat(const pdf::Limits& limits) : limits_(limits) {}

  std::string_view id() const override { return "pdf"; }
  bool detects(std::string_view head, const RuleSet&) const override { return pdf::looks_like_pdf(head); }

  Reading read(const SourceFile& file, const RuleSet& rules) const override {
    pdf::Text extracted = pdf::read(file.bytes, limits_);
    try {
      return read_text(file, extracted, rules);
    } catch (const InputError& e) {
      // What the text stages say of a line of the extracted text, said of the PDF: its page (the
      // `line` of a PDF's quarantine row, as pdf::read's own reasons), the text not being stored.
      std::size_t page = 0;
      if (e.line() > 0) {
        const std::string& text = extracted.text;
        std::size_t at = 0;
        for (std::size_t l = 1; l < e.line() && at < text.size(); ++l) {
          const std::size_t eol = text.find('\n', at);
          at = eol == std::string::npos ? text.size() : eol + 1;
        }
        page = extracted.page_of(at);
      }
      throw InputError(e.stage(), page, std::string("in the PDF's text: ") + e.what(), e.excerpt());
    }
  }

 private:
  Reading read_text(const SourceFile& file, pdf::Text& extracted, const RuleSet& rules) const {
    // The extracted text is the source text: normalized as a file holding it would be, its offset
    // map points into it.
    const SourceFile source{file.path, extracted.text, file.stamp};
    Reading reading;
    reading.text = normalize(source, rules);
    // documents.format: the format; the reader always writes the pdf-text layout, which the rules
    // must recognize (a PDF whose text they read as another layout is no resolution PDF).
    if (reading.text.format != "pdf-text")
      throw InputError("normalize", 1, "it reads as the '" + reading.text.format +
                                           "' layout, not as pdf-text: not an official resolution PDF");
    reading.text.format = std::string(id());
    reading.page_starts = extracted.page_starts;

    const ToWorking to_working(reading.text.map);
    std::vector<SourcedMark> marks;
    for (const pdf::Mark& m : extracted.marks)
      if (const auto w = to_working(m.span)) marks.push_back({*w, rule_id_of(m)});
    std::sort(marks.begin(), marks.end(), [](const SourcedMark& a, const SourcedMark& b) { return a.span.begin < b.span.begin; });
    std::vector<std::pair<Span, std::string>> links;
    for (const pdf::WebLink& link : extracted.web_links) {
      std::string symbol = symbol_of_link(link.uri);
      if (symbol.empty() || link.span.size() == 0) continue;
      // The run's first and last bytes (the normalizer may fold the spaces between its words).
      const auto first = to_working({link.span.begin, link.span.begin + 1});
      const auto last = to_working({link.span.end - 1, link.span.end});
      if (first && last && first->begin < last->end) links.emplace_back(Span{first->begin, last->end}, std::move(symbol));
    }
    for (const auto& doc : split_documents(reading.text, rules)) {
      Segments segments = segment(reading.text, doc, rules);
      segments.marks = stated_marks(reading.text.text, segments, marks);
      SourceFacts facts;
      facts.citations = linked_citations(reading.text.text, segments, links);
      facts.confirm = true;
      reading.parts.push_back({doc, std::move(segments), std::move(facts)});
    }
    reading.source_text = std::move(extracted.text);
    return reading;
  }

  pdf::Limits limits_;
};

}  // namespace

std::unique_ptr<Format> make_pdf_format(const pdf::Limits& limits) { return std::make_unique<PdfFormat>(limits); }

}  // namespace unres
